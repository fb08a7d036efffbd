namespace Cchc.Etl.Nightly;

/// <summary>Where the inbox is, where files go after commit, and how patient to be.</summary>
public sealed record NightlyOptions(string Inbox)
{
    public string ProcessedDirectory { get; init; } = System.IO.Path.Combine(Inbox, "processed");

    public string FailedDirectory { get; init; } = System.IO.Path.Combine(Inbox, "failed");

    /// <summary>How long a file's size must stay unchanged before it is taken (a writer may still be copying it).</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Reports to regenerate after the loads, or null for none (the report step reads it).</summary>
    public NightlyReports? Reports { get; init; }

    /// <summary>The province of files that name none: <c>--province</c> (a file naming another one fails) and the
    /// deployment default <c>CCHC_PROVINCE</c> (used only when the file names none).</summary>
    public Provinces.ProvinceSetting Province { get; init; } = Provinces.ProvinceSetting.None;

    /// <summary>Attempts per content hash before a file that keeps failing (or keeps taking the process down) moves to
    /// failed/ with its reason. A file with bad content fails at once; this bounds the ones that fail unexpectedly.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>A file left in the inbox longer than this (still being written, locked, retried) is reported loudly in
    /// the log and in <c>cchc status</c>.</summary>
    public TimeSpan DeferredAlertAfter { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>The provinces (GSO codes, two digits) whose reports a nightly run regenerates, and where they go.</summary>
public sealed record NightlyReports(IReadOnlyList<string> ProvinceCodes, string OutputDirectory);

/// <summary>A step after the loads (data-quality rules, publishing the read-only copy, reports).</summary>
public interface IPostLoadStep
{
    string Name { get; }

    /// <summary>Runs the step; returns one line saying what it did, for the log and the run summary. Throws on failure.</summary>
    string Run(Warehouse.IWarehouse warehouse, long runId);
}
