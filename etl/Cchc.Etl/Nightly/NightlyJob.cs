using System.Diagnostics;
using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Nightly;

/// <summary>
/// <c>cchc nightly</c>: loads every new or changed inbox file, oldest first, each in its own transaction; moves a file
/// only after its commit; runs the post-load steps; and leaves an audit trail (etl.run, etl.file) and a log.
/// A crash at any moment leaves the warehouse at its last commit and the inbox intact; the next run finishes the work
/// (a committed file whose move was lost is recognised by its hash and only moved).
/// </summary>
public sealed class NightlyJob(IWarehouse warehouse, NightlyOptions options, RunLog log, IReadOnlyList<IFileLoader>? loaders = null)
{
    private readonly IReadOnlyList<IFileLoader> _loaders = loaders ?? LoaderRegistry.All;

    /// <summary>How often a file whose load failed transiently (deadlock, timeout, dropped connection) is tried again.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public NightlyResult Run(IReadOnlyList<IPostLoadStep> postSteps)
    {
        var clock = Stopwatch.StartNew();
        var inbox = InboxScanner.Scan(options.Inbox); // a missing inbox fails before a run is recorded
        var runId = warehouse.StartRun($"nightly --inbox {options.Inbox}");
        log.RunId = runId;
        log.Info("run.start", $"inbox {options.Inbox} → {warehouse.Target}");
        CloseInterruptedRuns(runId);
        var files = new List<InboxFileResult>();
        foreach (var file in inbox)
        {
            var fileResult = Process(runId, file);
            files.Add(fileResult);
            if (fileResult.Outcome == InboxOutcome.Aborted)
            {
                log.Error("run.abort", "stopping: the environment failed; remaining files stay in the inbox for the next run");
                break;
            }
        }

        var steps = new List<PostStepResult>();
        string? skipped = null;
        if (files.All(f => f.Outcome != InboxOutcome.Aborted) && postSteps.Count > 0)
        {
            skipped = StepsNotNeeded(runId, files);
            if (skipped is not null)
            {
                log.Info("steps.skipped", skipped);
            }
            else
            {
                foreach (var step in postSteps)
                {
                    steps.Add(RunStep(step, runId));
                }
            }
        }

        var result = new NightlyResult(runId, files, steps, skipped);
        var summary = $"{result.Count(InboxOutcome.Loaded)} loaded, {result.Count(InboxOutcome.Skipped)} unchanged, " +
                      $"{result.Count(InboxOutcome.Deferred)} deferred, {result.Count(InboxOutcome.Failed)} failed" +
                      (result.Count(InboxOutcome.Aborted) > 0 ? ", run aborted" : string.Empty) +
                      (steps.Any(s => !s.Succeeded) ? $", {steps.Count(s => !s.Succeeded)} post-load step(s) failed" : string.Empty);
        try
        {
            warehouse.FinishRun(runId, result.Succeeded ? "succeeded" : result.Files.Any(f => f.Outcome == InboxOutcome.Loaded) ? "partial" : "failed", summary);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error("run.finish", "could not record the end of the run: " + e.Message);
        }

        log.Info("run.end", summary, ms: clock.Elapsed.TotalMilliseconds);
        return result;
    }

    /// <summary>
    /// The steps derive everything from the warehouse, so a night that loaded nothing needs them only when the last
    /// nightly run did not complete (a step failed, or the run was interrupted before its steps). Null = run them.
    /// </summary>
    private string? StepsNotNeeded(long runId, IReadOnlyList<InboxFileResult> files)
    {
        if (files.Any(f => f.Outcome == InboxOutcome.Loaded))
        {
            return null;
        }

        var previous = warehouse.Query<string>(
            "SELECT status FROM etl.run WHERE run_id = (SELECT MAX(run_id) FROM etl.run WHERE command LIKE 'nightly%' AND run_id < @runId)",
            new { runId });
        return previous.Count == 1 && previous[0] == "succeeded"
            ? "nothing new since the last complete nightly run: data quality, publishing and reports are up to date"
            : null;
    }

    /// <summary>
    /// Runs still 'running' whose writer is gone (the warehouse knows: its writer lock and the runs' own locks die with
    /// their session) are marked 'interrupted', so that <c>cchc status</c> does not show them running forever. Their
    /// uncommitted file was rolled back; what they committed stays, and their remaining files are in the inbox.
    /// </summary>
    private void CloseInterruptedRuns(long runId)
    {
        foreach (var id in warehouse.CloseInterruptedRuns(runId))
        {
            log.Warn("run.interrupted", $"run {id} had ended without finishing (killed or crashed); marked interrupted");
        }
    }

    private InboxFileResult Process(long runId, InboxFile file)
    {
        var clock = Stopwatch.StartNew();
        InboxFileResult Outcome(InboxOutcome outcome, string? kind = null, string? reason = null, int rows = 0, int quarantined = 0, string? warning = null) =>
            new(file.Name, kind, outcome, rows, quarantined, clock.Elapsed.TotalSeconds, reason, warning);

        if (file.Size == 0)
        {
            const string empty = "zero-byte file: nothing to load (was the export interrupted?)";
            RecordFailure(runId, file, "unknown", string.Empty, empty);
            return Finish(MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, reason: empty)));
        }

        if (!InboxScanner.IsSettled(file, options.SettleTime))
        {
            return Finish(Outcome(InboxOutcome.Deferred, reason: "still being written (its size or time changed); left for the next run"));
        }

        string sha;
        try
        {
            sha = FileHash.Sha256(file.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Finish(Outcome(InboxOutcome.Deferred, reason: $"cannot read it now (locked by another process or no permission): {e.Message}"));
        }

        var earlier = warehouse.Query<(long FileId, long RunId)>(
            "SELECT file_id, run_id FROM etl.file WHERE sha256 = @sha AND status = 'loaded' ORDER BY file_id DESC", new { sha });
        if (earlier.Count > 0)
        {
            var skipped = Outcome(InboxOutcome.Skipped, reason: $"unchanged: the same content was loaded in run {earlier[0].RunId} (file {earlier[0].FileId})");
            return Finish(MoveAway(file, options.ProcessedDirectory, skipped));
        }

        var loader = Recognise(file.Path);
        if (loader is null)
        {
            var reason = $"not recognised as any of {string.Join(", ", _loaders.Select(l => l.Kind))} by its content";
            RecordFailure(runId, file, "unknown", sha, reason);
            return Finish(MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, reason: reason)));
        }

        FileLoadResult loaded;
        try
        {
            loaded = Retry.Run(
                () => loader.Load(warehouse, runId, file.Path),
                (e, attempt, delay) => log.Warn("file.retry", $"attempt {attempt} failed transiently ({e.Message.ReplaceLineEndings(" ")}); trying again in {delay.TotalSeconds:0.0} s", file.Name));
        }
        catch (Exception e) when (e is not OutOfMemoryException && WarehouseFailures.Classify(e) is FailureKind.Environment or FailureKind.Transient)
        {
            // Not the file's fault (log or disk full, no permission, still failing after the retries): it stays in the inbox.
            return Finish(Outcome(InboxOutcome.Aborted, loader.Kind, $"{WarehouseFailures.Classify(e).ToString().ToLowerInvariant()} failure: {e.Message}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = $"could not be loaded ({e.GetType().Name}): {e.Message}";
            RecordFailure(runId, file, loader.Kind, sha, reason);
            return Finish(MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, loader.Kind, reason)));
        }

        return loaded.Succeeded
            ? Finish(MoveAway(file, options.ProcessedDirectory, Outcome(InboxOutcome.Loaded, loader.Kind, rows: loaded.RowsLoaded, quarantined: loaded.RowsQuarantined)))
            : Finish(MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, loader.Kind, loaded.Error, quarantined: loaded.RowsQuarantined)));
    }

    private InboxFileResult Finish(InboxFileResult result)
    {
        var message = result.Outcome.ToString().ToLowerInvariant() +
                      (result.Outcome == InboxOutcome.Loaded ? $" {result.RowsLoaded} rows, {result.RowsQuarantined} quarantined" : string.Empty) +
                      (result.Reason is null ? string.Empty : ": " + result.Reason) +
                      (result.Warning is null ? string.Empty : " (warning: " + result.Warning + ")");
        var ms = result.Seconds * 1000;
        switch (result.Outcome)
        {
            case InboxOutcome.Failed or InboxOutcome.Aborted:
                log.Error("file", message, result.File, ms);
                break;
            case InboxOutcome.Deferred:
                log.Warn("file", message, result.File, ms);
                break;
            default:
                log.Info("file", message, result.File, ms, result.RowsLoaded);
                break;
        }

        return result;
    }

    /// <summary>Moves the file after its outcome is committed. A move that fails (read-only inbox) loses nothing:
    /// the next run recognises the content by its hash.</summary>
    private static InboxFileResult MoveAway(InboxFile file, string directory, InboxFileResult result)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var target = Path.Combine(directory, file.Name);
            if (File.Exists(target))
            {
                target = Path.Combine(directory,
                    $"{Path.GetFileNameWithoutExtension(file.Name)}.{DateTime.UtcNow:yyyyMMddHHmmssfff}{Path.GetExtension(file.Name)}");
            }

            // The reason first: a crash between the two leaves the file in the inbox (retried), never a reasonless failure.
            if (result.Outcome == InboxOutcome.Failed && result.Reason is not null)
            {
                File.WriteAllText(target + ".reason.txt", result.Reason + Environment.NewLine);
            }

            File.Move(file.Path, target);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return result with { Warning = $"could not move it to {directory}: {e.Message}; it stays in the inbox and will be recognised by its hash" };
        }
    }

    private void RecordFailure(long runId, InboxFile file, string kind, string sha, string reason)
    {
        try
        {
            warehouse.RecordFailedFile(runId, new SourceFileInfo(file.Path, kind, sha, file.Size), reason, []);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Warn("audit", "could not record the failed file: " + e.Message, file.Name);
        }
    }

    private IFileLoader? Recognise(string path)
    {
        try
        {
            return _loaders.FirstOrDefault(l => l.Recognises(path));
        }
        catch (SpreadsheetException)
        {
            return null;
        }
    }

    private PostStepResult RunStep(IPostLoadStep step, long runId)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var detail = step.Run(warehouse, runId);
            log.Info("step." + step.Name, detail, ms: clock.Elapsed.TotalMilliseconds);
            return new PostStepResult(step.Name, true, clock.Elapsed.TotalSeconds, Detail: detail);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            log.Error("step." + step.Name, e.Message, ms: clock.Elapsed.TotalMilliseconds);
            return new PostStepResult(step.Name, false, clock.Elapsed.TotalSeconds, e.Message);
        }
    }
}
