using System.Text.Json.Serialization;
using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.WhatIf;

/// <summary>One criterion with points lost, and what recovering them alone would do.</summary>
/// <param name="PointsSource">Where the criterion's points come from: <c>appraisal</c> (documents the ministry appraises:
/// directly actionable), <c>survey</c> (the sociological survey: people's and officials' perceptions, not directly
/// actionable), <c>mixed</c>, or null when the catalogue does not say.</param>
/// <param name="TotalGain">Points the total gains when the criterion is recovered (= points lost for sums; weight ×
/// points lost for PCI).</param>
/// <param name="RankGainPerPoint">Rank places gained per point of the criterion recovered (its own scale).</param>
/// <param name="LeadAgency">Lead agency for this criterion in the province's remediation plan of the same methodology
/// version, when one is loaded; <paramref name="LeadAgencyEn"/> in English where the agency catalogue has it.</param>
public sealed record PriorityItem(
    string Code,
    string Name,
    string NameEn,
    int Level,
    string? PointsSource,
    decimal MaxPoints,
    decimal Score,
    decimal PointsLost,
    decimal TotalGain,
    int RankIfRecovered,
    int RankGain,
    decimal RankGainPerPoint,
    string? LeadAgency,
    string? LeadAgencyEn = null)
{
    /// <summary>False for survey points: the province cannot simply produce them, it can only act on what people perceive.</summary>
    public bool IsActionable => PointsSource != CriterionInfo.Survey;
}

/// <summary>Rank reached after recovering the first <see cref="Step"/> criteria in priority order.</summary>
public sealed record WhatIfCurvePoint(int Step, string? Code, decimal CumulativePoints, decimal Total, int Rank);

[JsonConverter(typeof(JsonStringEnumConverter<RecoveryOutcome>))]
public enum RecoveryOutcome
{
    /// <summary>The province already holds the target rank or better.</summary>
    AlreadyMet,

    /// <summary>Recovering the cheapest points reaches the target.</summary>
    Reached,

    /// <summary>Even recovering every actionable lost point does not reach the target.</summary>
    Unreachable,
}

/// <summary>
/// Points recovered on one criterion by the plan: from <see cref="From"/> to <see cref="To"/> (possibly less than the
/// maximum). <see cref="Price"/> is the dearest step taken: the share of the other provinces scoring below the level
/// reached (0 = every other province already scores at least that, 1 = none does).
/// </summary>
public sealed record RecoveryStep(
    string Code, string Name, string NameEn, decimal From, decimal To, decimal Points, decimal TotalGain, double Price, string? LeadAgency, string? LeadAgencyEn);

/// <summary>
/// The cheapest points that reach a target rank, recovered partly where that is enough, with the rank they reach when
/// the other provinces keep their totals and the probability of reaching the target when the other provinces move as
/// they have moved before (see <see cref="PriorityPlanner"/>).
/// </summary>
/// <param name="ProbabilityWithPeerMoves">Share of simulated next years in which the plan's total reaches the target rank
/// while every other province's total moves by one of its own past year-on-year changes; null without history.</param>
public sealed record RecoveryPlan(
    int TargetRank,
    RecoveryOutcome Outcome,
    decimal? TotalNeeded,
    IReadOnlyList<RecoveryStep> Steps,
    decimal PointsRecovered,
    decimal TotalGain,
    int RankReached,
    double? ProbabilityWithPeerMoves,
    string? PeerMovesBasis,
    string Explanation);

/// <summary>The remediation plan the lead agencies come from: made in <paramref name="PlanYear"/> for the results of
/// <paramref name="ResultYear"/>, whose methodology is the year's own.</summary>
public sealed record LeadAgencySource(int PlanYear, int ResultYear);

/// <summary>Priorities for one province and year: actionable criteria in priority order, survey criteria apart, the what-if
/// curve over the actionable ones, and the recovery plan.</summary>
/// <param name="CurrentRank">Competition rank recomputed from the published total (what the what-if ranks compare with).</param>
/// <param name="SurveyItems">Criteria whose points come from the sociological survey: listed for completeness, not
/// directly actionable, so neither on the curve nor in the plan.</param>
/// <param name="LeadAgencyPlan">The plan year and the result year whose plan named the lead agencies (same methodology version).</param>
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
    IReadOnlyList<PriorityItem> SurveyItems,
    IReadOnlyList<WhatIfCurvePoint> Curve,
    RecoveryPlan? Plan,
    LeadAgencySource? LeadAgencyPlan,
    IReadOnlyList<string> Notes,
    bool IsSynthetic);
