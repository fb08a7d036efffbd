using Cchc.Reports.ReportData;
using Cchc.Warehouse;

namespace Cchc.Reports.Drivers;

/// <summary>
/// The seam between the report and the rank-drivers analytics: exact attribution (Shapley over fields plus the peer
/// effect), the score waterfall, the ML.NET model summary, the priority table and the what-if curve. Each method either
/// returns a result it actually computed, or says why it did not (the report then omits that section and prints the
/// reason; it never shows a placeholder).
/// <para>
/// <see cref="ExactDriversProvider"/> computes the parts that are plain arithmetic on <c>rpt.index_score</c>
/// (waterfall, priorities, what-if). The Shapley attribution and the ML models come from a plug-in registered in
/// <see cref="DriversProviders"/>; providers are asked in order and the first result wins.
/// </para>
/// </summary>
public interface IDriversProvider
{
    /// <summary>Shown in the methodology notes next to each result this provider delivered.</summary>
    string Name { get; }

    DriverOutcome<ScoreWaterfall> Waterfall(DriversQuery query);

    DriverOutcome<RankAttribution> Attribution(DriversQuery query);

    DriverOutcome<ModelSummary> Model(DriversQuery query);

    DriverOutcome<PriorityPlan> Priorities(DriversQuery query);
}

/// <summary>
/// What a provider is asked about. <see cref="Current"/> and <see cref="Previous"/> are the index's scores for every
/// province in the year and in the comparison year, as the report read them from <c>rpt.index_score</c>; a provider that
/// needs more (other years, other indices) reads it from <see cref="Warehouse"/>.
/// </summary>
/// <param name="Province">The province entity the report is about (its key identifies it across the 2025 reform).</param>
/// <param name="Previous">The comparison year, or null when the index has no earlier year.</param>
/// <param name="PreviousProvinceKey">The same territory's entity in <see cref="Previous"/>; null when the province was formed by a merger since.</param>
/// <param name="TargetRank">A rank the analyst asked to reach (what-if), if any.</param>
public sealed record DriversQuery(
    IWarehouse Warehouse,
    string IndexCode,
    int Year,
    Cchc.Warehouse.Reference.Province Province,
    IndexYearScores Current,
    IndexYearScores? Previous,
    int? PreviousProvinceKey,
    int? TargetRank = null);
