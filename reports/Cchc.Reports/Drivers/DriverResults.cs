namespace Cchc.Reports.Drivers;

/// <summary>
/// The year's change of the total score split by field: <c>PreviousTotal + Σ Change = Total</c> up to rounding of the
/// published figures (the chart shows any remainder as its own bar). For a weighted index the changes are already
/// weighted.
/// </summary>
public sealed record ScoreWaterfall(int PreviousYear, int Year, double PreviousTotal, double Total, IReadOnlyList<FieldChange> Fields);

/// <summary>One field's contribution (in points of the total) to the change.</summary>
/// <param name="NameVi">Names for a component that is not a criterion of the year (a residual, a field the methodology
/// dropped); null for criteria, which the report names from the catalogue.</param>
public sealed record FieldChange(string CriterionCode, double Change, string? NameVi = null, string? NameEn = null);

/// <summary>
/// Exact attribution of the observed rank change: places gained per field (e.g. Shapley values over the fields, own
/// scores switched from last year's to this year's against the peers' actual scores) plus the part due to the other
/// provinces moving. <c>Σ Fields + PeerEffect = PreviousRank − Rank</c> exactly; the chart refuses it otherwise.
/// </summary>
public sealed record RankAttribution(int PreviousYear, int Year, int PreviousRank, int Rank, int Provinces, IReadOnlyList<FieldRankEffect> Fields, double PeerEffect);

/// <summary>Places gained (positive) or lost that one field accounts for.</summary>
/// <param name="NameVi">Names for a component that is not a criterion of the year (see <see cref="FieldChange"/>).</param>
public sealed record FieldRankEffect(string CriterionCode, double PlacesGained, string? NameVi = null, string? NameEn = null);

/// <summary>
/// An ML model whose target is not a sum of its features, evaluated on held-out years only, with the baselines.
/// <see cref="Importances"/>: permutation importance as the mean increase of the held-out mean absolute error (in the
/// target's unit) when a feature is shuffled, with its standard error over the permutations.
/// </summary>
public sealed record ModelSummary(
    string TargetVi, string TargetEn, string ErrorUnitVi, string ErrorUnitEn,
    IReadOnlyList<ModelScore> Models, IReadOnlyList<FeatureScore> Importances, IReadOnlyList<int> HeldOutYears);

/// <summary>A model's or baseline's held-out R² and mean absolute error.</summary>
public sealed record ModelScore(string NameVi, string NameEn, bool IsBaseline, double RSquared, double MeanAbsoluteError);

/// <summary>A feature's permutation importance (mean ± standard error).</summary>
public sealed record FeatureScore(string NameVi, string NameEn, double Mean, double StandardError);

/// <summary>
/// The priority table and the what-if curve: criteria with points lost, the rank each recovery alone would reach
/// (peers' scores fixed), and the cumulative curve in priority order.
/// </summary>
public sealed record PriorityPlan(int Rank, int Provinces, IReadOnlyList<PriorityRow> Rows, IReadOnlyList<WhatIfPoint> Curve);

/// <summary>One criterion with points lost. <see cref="LeadAgency"/> comes from a loaded remediation plan, if any.</summary>
public sealed record PriorityRow(string CriterionCode, double PointsLost, int RankIfRecovered, double PlacesPerPoint, string? LeadAgency);

/// <summary>After recovering <see cref="CriterionCode"/> and every criterion before it: total points recovered and the rank reached.</summary>
public sealed record WhatIfPoint(string CriterionCode, double PointsRecovered, int RankReached);
