using System.Text.Json.Serialization;
using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.WhatIf;

/// <summary>One criterion with points lost, and what recovering them alone would do.</summary>
/// <param name="TotalGain">Points the total gains when the criterion is recovered (= points lost for sums; weight ×
/// points lost for PCI).</param>
/// <param name="RankGainPerPoint">Rank places gained per point of the criterion recovered (its own scale).</param>
/// <param name="LeadAgency">Lead agency for this criterion in the province's remediation plan, when one is loaded.</param>
public sealed record PriorityItem(
    string Code,
    string Name,
    string NameEn,
    int Level,
    decimal MaxPoints,
    decimal Score,
    decimal PointsLost,
    decimal TotalGain,
    int RankIfRecovered,
    int RankGain,
    decimal RankGainPerPoint,
    string? LeadAgency);

/// <summary>Rank reached after recovering the first <see cref="Step"/> criteria in priority order.</summary>
public sealed record WhatIfCurvePoint(int Step, string? Code, decimal CumulativePoints, decimal Total, int Rank);

[JsonConverter(typeof(JsonStringEnumConverter<RecoveryOutcome>))]
public enum RecoveryOutcome
{
    /// <summary>The province already holds the target rank or better.</summary>
    AlreadyMet,

    /// <summary>A smallest set of recoveries reaches the target.</summary>
    Reached,

    /// <summary>Even recovering every lost point does not reach the target.</summary>
    Unreachable,
}

/// <summary>
/// The smallest set of full recoveries that reaches a target rank: fewest criteria first, then fewest points among
/// sets of that size (ties: the earlier criteria in priority order). Optimal by construction, see
/// <see cref="PriorityPlanner"/>.
/// </summary>
public sealed record RecoveryPlan(
    int TargetRank,
    RecoveryOutcome Outcome,
    decimal? TotalNeeded,
    IReadOnlyList<PriorityItem> Chosen,
    decimal PointsRecovered,
    decimal TotalGain,
    int RankReached,
    string Explanation);

/// <summary>Priorities for one province and year: criteria in priority order, the what-if curve, and the recovery plan.</summary>
/// <param name="CurrentRank">Competition rank recomputed from the published total (what the what-if ranks compare with).</param>
public sealed record PriorityReport(
    string IndexCode,
    int Year,
    ProvinceRef Province,
    int Level,
    decimal Total,
    int CurrentRank,
    int? PublishedRank,
    int ProvincesRanked,
    IReadOnlyList<PriorityItem> Items,
    IReadOnlyList<WhatIfCurvePoint> Curve,
    RecoveryPlan? Plan,
    IReadOnlyList<string> Notes,
    bool IsSynthetic);
