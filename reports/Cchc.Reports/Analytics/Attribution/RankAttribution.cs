using System.Text.Json.Serialization;
using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.Attribution;

[JsonConverter(typeof(JsonStringEnumConverter<ComparisonStatus>))]
public enum ComparisonStatus
{
    /// <summary>Both years are there; the attribution adds up to the observed rank change.</summary>
    Compared,

    /// <summary>The province was formed by merging several provinces (1 July 2025): it has no previous rank of its own;
    /// <see cref="RankAttribution.Constituents"/> shows where its parts stood.</summary>
    MergedProvince,

    /// <summary>No previous-year data for this index or this province.</summary>
    NoPreviousData,
}

[JsonConverter(typeof(JsonStringEnumConverter<ComponentKind>))]
public enum ComponentKind
{
    /// <summary>A field / sub-index / dimension present in both years.</summary>
    Field,

    /// <summary>A field the current methodology added (its whole score is the change).</summary>
    AddedInMethodology,

    /// <summary>A field the current methodology dropped.</summary>
    RemovedInMethodology,

    /// <summary>Total − Σ parts (published rounding, methodology detail, a missing part), year over year.</summary>
    Residual,

    /// <summary>A criterion (or a mapped group of criteria) within a field.</summary>
    Criterion,

    /// <summary>The part of a field's change carried by criteria that cannot be compared across the two years.</summary>
    CriteriaNotCompared,
}

/// <summary>
/// One component's share of the change. Points are contributions to the total (weight × score for PCI), so the
/// components' <see cref="ScoreChange"/> add up exactly to the total's change, and their <see cref="RankEffect"/> plus
/// the methodology effect, the peer effect and the publication adjustment add up exactly to the observed rank change.
/// </summary>
/// <param name="MethodologyPoints">The part of the change a changed maximum explains: (max₁ − max₀) × score₀ / max₀, the
/// points the component would have gained had it kept last year's share of its maximum (0 when both years use the same
/// methodology; the whole change for a part a methodology added or dropped).</param>
/// <param name="PerformancePoints">The rest, max₁ × (score₁/max₁ − score₀/max₀): a changed share of the maximum.
/// <c>MethodologyPoints + PerformancePoints = ScoreChange</c>, exactly.</param>
/// <param name="RankEffect">Exact Owen value of the performance part (fields; criteria within a field) in rank places,
/// negative = the component moved the province up, with its 90 % interval where the sampling model was simulated.</param>
/// <param name="Criteria">Criteria within the field; their changes and rank effects add up to the field's.</param>
public sealed record ComponentAttribution(
    string Code,
    string Name,
    string NameEn,
    ComponentKind Kind,
    decimal? PreviousPoints,
    decimal? CurrentPoints,
    decimal ScoreChange,
    decimal MethodologyPoints,
    decimal PerformancePoints,
    decimal? PreviousMaxPoints,
    decimal? MaxPoints,
    RankEffect RankEffect,
    IReadOnlyList<ComponentAttribution> Criteria);

/// <summary>
/// The methodology's own player: the points that changed maxima moved (Σ of the components' methodology points) and
/// what they did to the rank. A changed maximum is never credited to a field.
/// </summary>
public sealed record MethodologyEffect(string PreviousVersion, string Version, decimal Points, RankEffect RankEffect);

/// <summary>Where a constituent of a merged province stood in the previous year.</summary>
public sealed record ConstituentPosition(ProvinceRef Province, decimal? Score, int? Rank, int ProvincesRanked);

/// <summary>A criterion that could not be compared across the two years, and why.</summary>
public sealed record NotComparableCriterion(string Code, string Name, int Year, string Reason);

/// <summary>
/// How sure the attribution is: the sampling model simulated for every province in both years (see
/// <see cref="RankUncertainty"/>). <see cref="RankChangeInterval"/> is the 90 % interval of the rank change under
/// re-measurement; the change is told apart from noise when the observed direction holds in at least 95 % of draws.
/// </summary>
public sealed record UncertaintySummary(int Draws, int Seed, string SamplingModel, int NoisyCriteria, EffectInterval RankChangeInterval, bool DistinguishableFromNoise);

/// <summary>
/// Why a province's rank changed between two years of one index. Identity (exact, checked when built):
/// <c>RankChange = Σ Components.RankEffect + Methodology.RankEffect + PeerEffect + PublicationAdjustment</c>.
/// Ranks are competition ranks ("1224": ties share the better rank); rank change = this year's rank − last year's,
/// so a negative number means the province climbed.
/// <para>The split is an exact Owen value with two unions, the province's own changes and the other provinces'
/// changes, so neither goes first: with r(T; P) the competition rank of total T among peer totals P,
/// <c>PeerEffect = ½[(r(T₀;P₁) − r(T₀;P₀)) + (r(T₁;P₁) − r(T₁;P₀))]</c> and the own part is the rest; fields share
/// the own part by Shapley within their union, criteria within each field by Owen.</para>
/// </summary>
/// <param name="Methodology">The methodology player when the two years use different versions; null otherwise.</param>
/// <param name="PeerEffect">The other provinces' union: their totals moving (and the peer set changing, e.g. 63 → 34),
/// averaged over the province's own scores at last year's and at this year's values.</param>
/// <param name="PublicationAdjustment">Published ranks minus ranks recomputed from published totals
/// (this year − last year); 0 unless the publisher ranked on unrounded scores or broke ties. Its own line: it is
/// neither the province's nor its peers' doing.</param>
/// <param name="ProbabilityRankChanged">Share of the simulated re-measurements in which the rank moved in the observed
/// direction (for an unchanged rank: in which it moved at all); null when nothing was simulated.</param>
public sealed record RankAttribution(
    string IndexCode,
    int Year,
    int PreviousYear,
    ProvinceRef Province,
    ProvinceRef? PreviousEntity,
    ComparisonStatus Status,
    string? Message,
    decimal? Score,
    decimal? PreviousScore,
    int? Rank,
    int? PreviousRank,
    int ProvincesRanked,
    int PreviousProvincesRanked,
    int? RankChange,
    IReadOnlyList<ComponentAttribution> Components,
    MethodologyEffect? Methodology,
    RankEffect PeerEffect,
    int PublicationAdjustment,
    string MethodologyVersion,
    string? PreviousMethodologyVersion,
    IReadOnlyList<ConstituentPosition> Constituents,
    IReadOnlyList<NotComparableCriterion> NotComparable,
    IReadOnlyList<string> Notes,
    bool IsSynthetic,
    double? ProbabilityRankChanged = null,
    UncertaintySummary? Uncertainty = null)
{
    public decimal? ScoreChange => Score - PreviousScore;

    /// <summary>The province's own union: Σ component effects + the methodology effect.</summary>
    public Fraction OwnEffect =>
        Fraction.Sum(Components.Select(c => c.RankEffect.Exact)) + (Methodology?.RankEffect.Exact ?? Fraction.Zero);

    /// <summary>Own effect + peer effect + publication adjustment (equals <see cref="RankChange"/>).</summary>
    public Fraction AttributedRankChange => OwnEffect + PeerEffect.Exact + PublicationAdjustment;
}
