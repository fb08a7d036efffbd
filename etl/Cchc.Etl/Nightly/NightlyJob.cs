using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Cchc.Etl.Loading;
using Cchc.Warehouse;

namespace Cchc.Etl.Nightly;

/// <summary>
/// <c>cchc nightly</c>: loads every new or changed inbox file, oldest first, each in its own transaction; moves a file
/// only after its commit; runs the post-load steps; and leaves an audit trail (etl.run, etl.file) and a log.
/// A crash at any moment leaves the warehouse at its last commit and the inbox intact; the next run finishes the work
/// (a committed file whose move was lost is recognised by its hash and only moved). One file never stops the run:
/// recognising, reading and loading it sit inside one guard, and only the machine failing (a failed commit, a full
/// disk, a lost connection) aborts. Attempts are counted per content hash, so a file that keeps failing — or keeps
/// taking the process down — moves to failed/ after <see cref="NightlyOptions.MaxAttempts"/>.
/// </summary>
public sealed class NightlyJob(IWarehouse warehouse, NightlyOptions options, RunLog log, IReadOnlyList<IFileLoader>? loaders = null)
{
    private readonly IReadOnlyList<IFileLoader> _loaders = loaders ?? LoaderRegistry.WithProvince(options.Province);
    private readonly InboxMemory _memory = new(warehouse);
    private IProgress<LoadProgress>? _fileProgress;

    /// <summary>Told before each inbox file (its name, its number from 1, how many there are); what it returns hears
    /// that file's rows as they load.</summary>
    public Func<string, int, int, IProgress<LoadProgress>?>? FileProgress { get; init; }

    /// <summary>How often a file whose load failed transiently (deadlock, timeout, dropped connection) is tried again.</summary>
    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public NightlyResult Run(IReadOnlyList<IPostLoadStep> postSteps)
    {
        var clock = Stopwatch.StartNew();
        var inbox = InboxScanner.Scan(options.Inbox); // a missing inbox fails before a run is recorded
        var runId = warehouse.StartRun($"nightly --inbox {options.Inbox}");
        log.RunId = runId;
        try
        {
            return RunFiles(runId, inbox, postSteps, clock);
        }
        catch (Exception e)
        {
            // Whatever stopped the run (the machine failing outside any file, a bug), it ends with a recorded status.
            log.Error("run.abort", $"the run stopped: {e.GetType().Name}: {e.Message}");
            TryFinish(runId, "failed", $"the run stopped: {e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    private NightlyResult RunFiles(long runId, IReadOnlyList<InboxFile> inbox, IReadOnlyList<IPostLoadStep> postSteps, Stopwatch clock)
    {
        log.Info("run.start", $"inbox {options.Inbox} → {warehouse.Target}");
        CloseInterruptedRuns(runId);
        _memory.Prune(options.Inbox, inbox.Select(f => f.Path));
        var files = new List<InboxFileResult>();
        foreach (var file in inbox)
        {
            _fileProgress = FileProgress?.Invoke(file.Name, files.Count + 1, inbox.Count);
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
        TryFinish(runId, result.Succeeded ? "succeeded" : result.Files.Any(f => f.Outcome == InboxOutcome.Loaded) ? "partial" : "failed", result.Summary);
        log.Info("run.end", result.Summary, ms: clock.Elapsed.TotalMilliseconds);
        return result;
    }

    private void TryFinish(long runId, string status, string summary)
    {
        try
        {
            warehouse.FinishRun(runId, status, summary);
        }
        catch (Exception e)
        {
            log.Error("run.finish", "could not record the end of the run: " + e.Message);
        }
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

    /// <summary>One file, whatever it contains: every failure it provokes becomes its own outcome.</summary>
    private InboxFileResult Process(long runId, InboxFile file)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return Finish(ProcessFile(runId, file, clock));
        }
        catch (Exception e) when (FileGuard.IsEnvironmentFailure(e))
        {
            return Finish(new InboxFileResult(file.Name, null, InboxOutcome.Aborted, 0, 0, clock.Elapsed.TotalSeconds, $"{e.GetType().Name}: {e.Message}"));
        }
    }

    private InboxFileResult ProcessFile(long runId, InboxFile file, Stopwatch clock)
    {
        InboxFileResult Outcome(InboxOutcome outcome, string? kind = null, string? reason = null, int rows = 0, int quarantined = 0, string? warning = null) =>
            new(file.Name, kind, outcome, rows, quarantined, clock.Elapsed.TotalSeconds, reason, warning);

        if (file.Size == 0)
        {
            const string empty = "zero-byte file: nothing to load (was the export interrupted?)";
            RecordFailure(runId, file, "unknown", string.Empty, empty);
            return MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, reason: empty));
        }

        if (!InboxScanner.IsSettled(file, options.SettleTime))
        {
            return Defer(file, Outcome(InboxOutcome.Deferred, reason: "still being written (its size or time changed); left for the next run"));
        }

        string sha;
        try
        {
            sha = FileHash.Sha256(file.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Defer(file, Outcome(InboxOutcome.Deferred, reason: $"cannot read it now (locked by another process or no permission): {e.Message}"));
        }

        var earlier = warehouse.Query<(long FileId, long RunId)>(
            "SELECT file_id, run_id FROM etl.file WHERE sha256 = @sha AND status = 'loaded' ORDER BY file_id DESC", new { sha });
        if (earlier.Count > 0)
        {
            var skipped = Outcome(InboxOutcome.Skipped, reason: $"unchanged: the same content was loaded in run {earlier[0].RunId} (file {earlier[0].FileId})");
            return Done(file, sha, MoveAway(file, options.ProcessedDirectory, skipped));
        }

        if (_memory.Attempt(sha) is { } past && past.Attempts >= options.MaxAttempts)
        {
            var last = past.LastReason ?? $"the attempt in run {past.LastRunId} never finished (the process ended while on this file: killed, out of memory or crashed)";
            var reason = string.Create(CultureInfo.InvariantCulture, $"gave up after {past.Attempts} failed attempts (limit {options.MaxAttempts}); the last: {last}");
            RecordFailure(runId, file, "unknown", sha, reason);
            return Done(file, sha, MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, reason: reason)));
        }

        var attempt = _memory.BeginAttempt(sha, file.Name, runId);
        string? kind = null;
        try
        {
            var loader = FileGuard.Recognise(_loaders, file.Path);
            if (loader is null)
            {
                var reason = FileGuard.Unrecognised(_loaders, file.Path);
                RecordFailure(runId, file, "unknown", sha, reason);
                return Done(file, sha, MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, reason: reason)));
            }

            kind = loader.Kind;
            var loaded = Retry.Run(
                () => loader.Load(warehouse, runId, file.Path, _fileProgress),
                (e, failed, delay) => log.Warn("file.retry", $"attempt {failed} failed transiently ({e.Message.ReplaceLineEndings(" ")}); trying again in {delay.TotalSeconds:0.0} s", file.Name));
            var result = loaded.Succeeded
                ? MoveAway(file, options.ProcessedDirectory, Outcome(InboxOutcome.Loaded, kind, rows: loaded.RowsLoaded, quarantined: loaded.RowsQuarantined))
                : MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, kind, loaded.Error, quarantined: loaded.RowsQuarantined));
            return Done(file, sha, result with { RowsRead = loaded.RowsRead, RowsSkipped = loaded.RowsSkipped, Province = loaded.ProvinceDecision });
        }
        catch (Exception e) when (FileGuard.IsEnvironmentFailure(e))
        {
            // Not the file's fault (log or disk full, no permission, still failing after the retries): it stays in the inbox.
            _memory.UndoAttempt(sha);
            return Outcome(InboxOutcome.Aborted, kind, $"{WarehouseFailures.Classify(e).ToString().ToLowerInvariant()} failure ({e.GetType().Name}): {e.Message}");
        }
        catch (DbException e)
        {
            // The engine refused the file's data (a duplicate key, a value out of range): trying again cannot help.
            var reason = $"the warehouse refused its data ({e.GetType().Name}): {e.Message}";
            RecordFailure(runId, file, kind ?? "unknown", sha, reason);
            return Done(file, sha, MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, kind, reason)));
        }
        catch (Exception e)
        {
            // Not the file's content (that fails cleanly above) and not the machine: a reader's bug, a bound it did not
            // keep, memory. Counted; tried again next run until the limit.
            var why = $"could not be loaded ({e.GetType().Name}): {e.Message}";
            _memory.EndAttempt(sha, why);
            if (attempt >= options.MaxAttempts)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"gave up after {attempt} failed attempts (limit {options.MaxAttempts}); the last: {why}");
                RecordFailure(runId, file, kind ?? "unknown", sha, reason);
                return Done(file, sha, MoveAway(file, options.FailedDirectory, Outcome(InboxOutcome.Failed, kind, reason)));
            }

            RecordFailure(runId, file, kind ?? "unknown", sha, string.Create(CultureInfo.InvariantCulture, $"attempt {attempt} of {options.MaxAttempts}: {why}"));
            return Defer(file, Outcome(InboxOutcome.Retrying, kind,
                string.Create(CultureInfo.InvariantCulture, $"attempt {attempt} of {options.MaxAttempts} failed: {why}; left in the inbox to try again next run")));
        }
    }

    /// <summary>The file is done with: its attempts and deferrals are forgotten.</summary>
    private InboxFileResult Done(InboxFile file, string sha, InboxFileResult result)
    {
        _memory.ForgetAttempts(sha);
        _memory.ForgetDeferral(file.Path);
        return result;
    }

    /// <summary>The file stays in the inbox: remembered, and flagged when it has waited longer than the alert time.</summary>
    private InboxFileResult Defer(InboxFile file, InboxFileResult result)
    {
        var deferral = _memory.Defer(file.Path, result.Reason ?? result.Outcome.ToString(), options.DeferredAlertAfter);
        if (!deferral.IsOverdue)
        {
            return result with { DeferredSince = deferral.FirstDeferredAt };
        }

        var waited = DateTime.UtcNow - deferral.FirstDeferredAt;
        log.Error("file.overdue", string.Create(CultureInfo.InvariantCulture,
            $"OVERDUE: left in the inbox for {waited.TotalHours:0.#} h (since {deferral.FirstDeferredAt:yyyy-MM-dd HH:mm} UTC, {deferral.Deferrals} runs; alert after {options.DeferredAlertAfter.TotalHours:0.#} h): {deferral.Reason}"),
            file.Name);
        return result with { DeferredSince = deferral.FirstDeferredAt, Overdue = true };
    }

    private InboxFileResult Finish(InboxFileResult result)
    {
        var message = result.Outcome.ToString().ToLowerInvariant() +
                      (result.Outcome == InboxOutcome.Loaded ? $" {result.RowsLoaded} rows, {result.RowsQuarantined} quarantined" : string.Empty) +
                      (result.Outcome == InboxOutcome.Loaded && result.RowsSkipped > 0 ? $", {result.RowsSkipped} skipped" : string.Empty) +
                      (result.Province is null ? string.Empty : $"; province {result.Province}") +
                      (result.Reason is null ? string.Empty : ": " + result.Reason) +
                      (result.Warning is null ? string.Empty : " (warning: " + result.Warning + ")");
        var ms = result.Seconds * 1000;
        switch (result.Outcome)
        {
            case InboxOutcome.Failed or InboxOutcome.Aborted:
                log.Error("file", message, result.File, ms);
                break;
            case InboxOutcome.Deferred or InboxOutcome.Retrying:
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
            FileGuard.RecordFailure(warehouse, runId, file.Path, kind, reason, sha);
        }
        catch (Exception e) when (!FileGuard.IsEnvironmentFailure(e))
        {
            log.Warn("audit", "could not record the failed file: " + e.Message, file.Name);
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
        catch (Exception e)
        {
            // A step's failure (its transaction rolled back, its files left as they were) is the step's outcome; the
            // run still ends with a recorded status and the next night runs the steps again.
            log.Error("step." + step.Name, e.Message, ms: clock.Elapsed.TotalMilliseconds);
            return new PostStepResult(step.Name, false, clock.Elapsed.TotalSeconds, e.Message);
        }
    }
}
