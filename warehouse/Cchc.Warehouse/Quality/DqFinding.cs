namespace Cchc.Warehouse.Quality;

/// <summary>How bad a finding is: an error blocks the load it was found in; a warning is recorded.</summary>
public enum DqSeverity
{
    Warning,
    Error,
}

/// <summary>When a finding was made.</summary>
public static class DqStages
{
    /// <summary>Over a file's records before they reach the warehouse; an error here blocks the file.</summary>
    public const string PreLoad = "pre-load";

    /// <summary>Over the warehouse, inside the file's transaction, right after its rows were written.</summary>
    public const string PostLoad = "post-load";

    /// <summary>Over the warehouse, by <c>cchc dq</c>.</summary>
    public const string Command = "dq";

    /// <summary>Over the warehouse, after the loads of a <c>cchc nightly</c> run.</summary>
    public const string Nightly = "nightly";
}

/// <summary>What a finding is about.</summary>
public static class DqSubjects
{
    public const string IndexScore = "index_score";
    public const string RemediationPlan = "remediation_plan";
    public const string Catalogue = "catalogue";

    /// <summary>One-stop results reports (forms 06a/06b/06c): no index; year = the year of the report's period end.</summary>
    public const string OneStopReport = "onestop_report";

    /// <summary>The warehouse's own structure (rows left behind by a retired file, links to rows that are gone).</summary>
    public const string Warehouse = "warehouse";
}

/// <summary>One rule violation: the rule, the offending values and where they came from.</summary>
public sealed record DqFinding(string Rule, DqSeverity Severity, string Subject, string Message)
{
    public string? IndexCode { get; init; }

    /// <summary>The index year; for a remediation plan, the result year whose points it addresses.</summary>
    public int? Year { get; init; }

    public int? PlanYear { get; init; }

    public int? ProvinceKey { get; init; }

    public string? CriterionCode { get; init; }

    /// <summary>The values that break the rule, e.g. "max 1.5; score 1.4111; points lost as written 0.889".</summary>
    public string? OffendingValues { get; init; }

    public SourceLocation? Source { get; init; }

    /// <summary>The etl.file the offending values came from, when known.</summary>
    public long? FileId { get; init; }

    public string SeverityText => Severity == DqSeverity.Error ? "error" : "warning";
}
