using Cchc.Warehouse;

namespace Cchc.Etl.Quality;

/// <summary>
/// One value the rules look at, whether it comes from a file about to be loaded or from the warehouse: a province's
/// score for a criterion of an index and year (subject index_score), or a row of a remediation plan (subject
/// remediation_plan, with its own max points and points lost as written).
/// </summary>
public sealed record QualityItem(string Subject, string IndexCode, int Year, int ProvinceKey, string CriterionCode)
{
    /// <summary>The criterion above this one (catalogue for scores, the code itself for plan rows).</summary>
    public string? ParentCode { get; init; }

    /// <summary>Max points: the catalogue's for scores, the plan's "Điểm chuẩn" for plan rows.</summary>
    public double? MaxPoints { get; init; }

    public double? Score { get; init; }

    /// <summary>Points lost as the source writes them (plans: "Điểm bị mất").</summary>
    public double? StatedPointsLost { get; init; }

    public int? PublishedRank { get; init; }

    public int? PlanYear { get; init; }

    public string? DeadlineText { get; init; }

    public string? DeadlineKind { get; init; }

    /// <summary>Agencies of the row that the agency catalogue does not know (kept as written).</summary>
    public IReadOnlyList<string> UncataloguedAgencies { get; init; } = [];

    public SourceLocation? Source { get; init; }

    public long? FileId { get; init; }
}
