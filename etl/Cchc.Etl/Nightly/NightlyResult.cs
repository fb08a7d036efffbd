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
}

public sealed record InboxFileResult(string File, string? Kind, InboxOutcome Outcome, int RowsLoaded, int RowsQuarantined, double Seconds, string? Reason = null, string? Warning = null);

/// <param name="Detail">What the step did (its one-line summary), when it succeeded.</param>
public sealed record PostStepResult(string Step, bool Succeeded, double Seconds, string? Error = null, string? Detail = null);

/// <param name="StepsSkippedBecause">Why the post-load steps did not run (nothing new since the last complete run), or null.</param>
public sealed record NightlyResult(long RunId, IReadOnlyList<InboxFileResult> Files, IReadOnlyList<PostStepResult> Steps, string? StepsSkippedBecause = null)
{
    public bool Succeeded =>
        Files.All(f => f.Outcome is InboxOutcome.Loaded or InboxOutcome.Skipped or InboxOutcome.Deferred) && Steps.All(s => s.Succeeded);

    public int Count(InboxOutcome outcome) => Files.Count(f => f.Outcome == outcome);
}
