namespace Cchc.Etl.Nightly;

public enum InboxOutcome
{
    /// <summary>Loaded and committed.</summary>
    Loaded,

    /// <summary>Same content already loaded: nothing to do.</summary>
    Skipped,

    /// <summary>Left in the inbox for the next run (still being written, locked by another process).</summary>
    Deferred,

    /// <summary>Bad input: moved to failed/ with a reason file; nothing of it reached the warehouse.</summary>
    Failed,

    /// <summary>The environment failed (disk full, database error): left in the inbox, the run stopped.</summary>
    Aborted,

    /// <summary>Failed unexpectedly (not for its content): left in the inbox and tried again next run, up to the
    /// nightly's attempts limit, after which it moves to failed/.</summary>
    Retrying,
}

public sealed record InboxFileResult(string File, string? Kind, InboxOutcome Outcome, int RowsLoaded, int RowsQuarantined, double Seconds, string? Reason = null, string? Warning = null)
{
    /// <summary>Rows read from the file (loaded + quarantined + skipped).</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows read and deliberately not loaded (duplicates, group or total rows, blank rows).</summary>
    public int RowsSkipped { get; init; }

    /// <summary>How the file's province was decided, for files of one province.</summary>
    public string? Province { get; init; }

    /// <summary>For a file left in the inbox: since when it has been waiting.</summary>
    public DateTime? DeferredSince { get; init; }

    /// <summary>Left in the inbox longer than the nightly's alert time.</summary>
    public bool Overdue { get; init; }
}

/// <param name="Detail">What the step did (its one-line summary), when it succeeded.</param>
public sealed record PostStepResult(string Step, bool Succeeded, double Seconds, string? Error = null, string? Detail = null);

/// <param name="StepsSkippedBecause">Why the post-load steps did not run (nothing new since the last complete run), or null.</param>
public sealed record NightlyResult(long RunId, IReadOnlyList<InboxFileResult> Files, IReadOnlyList<PostStepResult> Steps, string? StepsSkippedBecause = null)
{
    public bool Succeeded =>
        Files.All(f => f.Outcome is InboxOutcome.Loaded or InboxOutcome.Skipped or InboxOutcome.Deferred) && Steps.All(s => s.Succeeded);

    /// <summary>The run's one-line summary: "2 loaded, 0 unchanged, 0 deferred, 1 failed" (then retried, overdue, aborted and failed steps when any).</summary>
    public string Summary =>
        $"{Count(InboxOutcome.Loaded)} loaded, {Count(InboxOutcome.Skipped)} unchanged, {Count(InboxOutcome.Deferred)} deferred, {Count(InboxOutcome.Failed)} failed" +
        (Count(InboxOutcome.Retrying) > 0 ? $", {Count(InboxOutcome.Retrying)} to retry" : string.Empty) +
        (Files.Any(f => f.Overdue) ? $", {Files.Count(f => f.Overdue)} overdue in the inbox" : string.Empty) +
        (Count(InboxOutcome.Aborted) > 0 ? ", run aborted" : string.Empty) +
        (Steps.Any(s => !s.Succeeded) ? $", {Steps.Count(s => !s.Succeeded)} post-load step(s) failed" : string.Empty);

    public int Count(InboxOutcome outcome) => Files.Count(f => f.Outcome == outcome);
}
