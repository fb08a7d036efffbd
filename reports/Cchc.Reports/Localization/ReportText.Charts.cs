using Cchc.Reports.Charts;

namespace Cchc.Reports.Localization;

/// <summary>The words of the ten chart recipes: titles that state the finding, readings, axes, legends.</summary>
public abstract partial class ReportText
{
    // Shared axes and labels.
    public abstract string YearAxis { get; }

    public abstract string PercentOfMaxAxis { get; }

    public abstract string PercentAxis { get; }

    public abstract string PointsAxis { get; }

    public abstract string PlacesAxis { get; }

    public abstract string OtherProvinces { get; }

    public abstract string RankAxis(int provinces);

    public abstract string ProvincesRanked(int provinces);

    public abstract string AllProvinces(int provinces);

    public abstract string IndexPointsAxis(string indexName);

    // 1. Rank history.
    public abstract string RankHistoryTitle(string province, string indexName, RankPoint latest, RankPoint? previous);

    public abstract string RankHistoryReading(IReadOnlyList<RankSummary> series);

    // 2. Points lost.
    public abstract string ByField { get; }

    public abstract string ByCriterion(int count);

    public abstract string PointsLostTitle(string province, string indexName, int year, double totalLost, PointsItem worstField);

    public abstract string PointsLostReading(IReadOnlyList<PointsItem> topCriteria, double criteriaLost, double totalLost);

    // 3. Waterfall.
    public abstract string Unallocated { get; }

    public abstract string TotalOfYear(int year);

    public abstract string ScoreAxisTruncated(string indexName, bool truncated);

    public abstract string WaterfallTitle(string province, string indexName, int previousYear, int year, double previousTotal, double total, WaterfallBar? largest);

    public abstract string WaterfallReading(int rises, double riseSum, int falls, double fallSum, double change, double methodology);

    // 4. Attribution.
    public abstract string PeerEffect { get; }

    public abstract string PublicationAdjustment { get; }

    /// <summary>The methodology's own bar: changed maxima between two versions.</summary>
    public abstract string MethodologyEffect(string previousVersion, string version);

    public abstract string PlacesAxisWithInterval { get; }

    public abstract string ObservedRankChange(int previousYear, int year);

    public abstract string AttributionTitle(string province, int previousRank, int rank, int provinces, AttributionItem? strongest, double peerEffect, bool? distinguishable);

    public abstract string AttributionReading(AttributionInput input);

    /// <summary>Whether the rank change can be told apart from the survey's sampling noise, in one plain sentence.</summary>
    public abstract string NoiseVerdict(int observed, double probability, bool distinguishable, int draws);

    // 5. Distribution.
    public abstract string DistributionTitle(string province, IReadOnlyList<FieldStanding> standings);

    public abstract string DistributionReading(string province, IReadOnlyList<FieldStanding> standings);

    // 6. Heatmap.
    public abstract string HeatmapTitle(string province, int rank, int provinces, HeatmapColumn worst, int worstRank);

    public abstract string HeatmapReading(string province, int provinces, HeatmapColumn best, double bestPercent, HeatmapColumn worst, double worstPercent);

    // 7. Model importance.
    public abstract string ImportancePanelTitle(string model);

    public abstract string ImportanceAxis { get; }

    public abstract string ImportanceAxisWithInterval { get; }

    public abstract string RSquaredAxis { get; }

    public abstract string MaeAxis(string unit);

    public abstract string ImportanceTitle(string target, ModelMetric model, ModelMetric bestBaseline, bool beatsBaselines, ImportanceBar top);

    public abstract string ImportanceReading(IReadOnlyList<int> heldOutYears, IReadOnlyList<ImportanceBar> top, bool beatsBaselines);

    /// <summary>What the cross-index model explains: the index's rank.</summary>
    public abstract string RankTarget(string indexCode);

    /// <summary>The unit of a rank error.</summary>
    public abstract string PlacesUnit { get; }

    /// <summary>A model's or baseline's name in the language (the analytics name them in English).</summary>
    public abstract string ModelName(string englishName);

    // 8. What-if.
    public abstract string WhatIfLegend { get; }

    public abstract string TargetRankLegend(int targetRank);

    public abstract string RecoveredPointsAxis(string indexName);

    public abstract string WhatIfTitle(string province, int rank, int provinces, WhatIfStep last, int steps, int? targetRank, WhatIfStep? reachingTarget);

    public abstract string WhatIfReading(IReadOnlyList<WhatIfStep> firstSteps, int rank, int provinces);

    // 9. One-stop on time.
    public abstract string OnTimeRateLegend { get; }

    public abstract string ParAppraisedLegend { get; }

    public abstract string ByLevel { get; }

    public abstract string ByMonth { get; }

    public abstract string MonthAxis { get; }

    public abstract string MonthLabel(int year, int month, bool withYear);

    public abstract string OnTimeTitle(int year, double overallRate, OnTimeLevel weakest);

    public abstract string OnTimeReading(IReadOnlyList<OnTimeLevel> levels, OnTimeMonth? worstMonth);

    // 10. Scatter.
    public abstract string TrendLine { get; }

    public abstract string ScatterPanelTitle(Correlation correlation);

    public abstract string ScatterTitle(int year, IReadOnlyList<Correlation> correlations);

    public abstract string ScatterReading(string province, IReadOnlyList<(string XIndex, string YIndex, (int XRank, int YRank, int Of)? Ranks)> panels);

    /// <summary>Strength of a correlation in words; thresholds 0.2 / 0.4 / 0.7 on |r|.</summary>
    protected static int Strength(double r) => double.IsNaN(r) ? 0 : Math.Abs(r) >= 0.7 ? 3 : Math.Abs(r) >= 0.4 ? 2 : Math.Abs(r) >= 0.2 ? 1 : 0;
}
