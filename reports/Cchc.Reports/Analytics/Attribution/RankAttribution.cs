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
/// the peer effect and publication adjustment add up exactly to the observed rank change.
/// </summary>
/// <param name="RankEffect">Exact Shapley value (fields) or Owen value (criteria within a field) in rank places;
/// negative = the component moved the province up.</param>
/// <param name="Criteria">Criteria within the field; their changes and rank effects add up to the field's.</param>
public sealed record ComponentAttribution(
    string Code,
    string Name,
    string NameEn,
    ComponentKind Kind,
    decimal? PreviousPoints,
    decimal? CurrentPoints,
    decimal ScoreChange,
    Fraction RankEffect,
    IReadOnlyList<ComponentAttribution> Criteria);

/// <summary>Where a constituent of a merged province stood in the previous year.</summary>
public sealed record ConstituentPosition(ProvinceRef Province, decimal? Score, int? Rank, int ProvincesRanked);

/// <summary>A criterion that could not be compared across the two years, and why.</summary>
public sealed record NotComparableCriterion(string Code, string Name, int Year, string Reason);

/// <summary>
/// Why a province's rank changed between two years of one index. Identity (exact, checked when built):
/// <c>RankChange = Σ Components.RankEffect + PeerEffect + PublicationAdjustment</c>.
/// Ranks are competition ranks ("1224": ties share the better rank); rank change = this year's rank − last year's,
/// so a negative number means the province climbed.
/// </summary>
/// <param name="PeerEffect">Own scores fixed at last year: rank of last year's total among this year's peers minus
/// among last year's peers. Other provinces moving (and the peer set changing, e.g. 63 → 34) shows here.</param>
/// <param name="PublicationAdjustment">Published ranks minus ranks recomputed from published totals
/// (this year − last year); 0 unless the publisher ranked on unrounded scores or broke ties.</param>
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
    int PeerEffect,
    int PublicationAdjustment,
    string MethodologyVersion,
    string? PreviousMethodologyVersion,
    IReadOnlyList<ConstituentPosition> Constituents,
    IReadOnlyList<NotComparableCriterion> NotComparable,
    IReadOnlyList<string> Notes,
    bool IsSynthetic)
{
    public decimal? ScoreChange => Score - PreviousScore;

    /// <summary>Σ component rank effects + peer effect + publication adjustment (equals <see cref="RankChange"/>).</summary>
    public Fraction AttributedRankChange =>
        Fraction.Sum(Components.Select(c => c.RankEffect)) + PeerEffect + PublicationAdjustment;
}
