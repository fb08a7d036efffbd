using System.Collections.Concurrent;
using System.Globalization;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Models;
using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Analytics.WhatIf;
using Cchc.Warehouse;

namespace Cchc.Reports.Drivers;

/// <summary>
/// What a report section asks the analytics about: the index-year and the comparison year as the report read them (the
/// latest earlier year loaded, which need not be the calendar year before), and the province entity in each.
/// </summary>
/// <param name="PreviousProvinceKey">The same territory's entity in <paramref name="Previous"/>; null after a merger.</param>
public sealed record DriversQuery(
    AnalyticsSource Source, string IndexCode, int Year, int ProvinceKey, IndexYear Current, IndexYear? Previous, int? PreviousProvinceKey, int? TargetRank = null);

/// <summary>
/// The rank-drivers analytics (<see cref="Analytics"/>) for one report run: the exact attribution with its intervals, the
/// waterfall (with the methodology part apart), the cross-index model and the priorities. One instance serves one run:
/// a province's attribution is computed once for the waterfall and the attribution sections, and the model, which does
/// not depend on the province or the year, once per index even when a run writes a report for every province.
/// </summary>
public sealed class ReportDrivers(ModelOptions? modelOptions = null, UncertaintyOptions? uncertainty = null)
{
    /// <summary>Permutations per feature in reports: enough for a stable ranking at a fraction of the CLI's cost.</summary>
    public const int ReportPermutations = 10;

    /// <summary>Refits behind the importances' intervals in reports (the CLI makes more, each over every held-out year).</summary>
    public const int ReportBootstrapReplicates = 8;

    /// <summary>Blocks of held-out years inside each refit in reports: four fits per refit instead of one per year.</summary>
    public const int ReportBootstrapYearBlocks = 4;

    private readonly ModelOptions _modelOptions = modelOptions ?? new ModelOptions(
        Permutations: ReportPermutations, BootstrapReplicates: ReportBootstrapReplicates, BootstrapYearBlocks: ReportBootstrapYearBlocks);
    private readonly UncertaintyOptions _uncertainty = uncertainty ?? new UncertaintyOptions();
    // Report runs build provinces on several threads: the model is trained once (the others wait for it), and each
    // province's attribution is computed once.
    private readonly ConcurrentDictionary<string, Lazy<DriverOutcome<ModelReport>>> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Index, int Year, int Province), Lazy<RankAttribution?>> _attributions = [];
    private readonly Lock _sourceGate = new();
    private AnalyticsSource? _source;

    public DriverOutcome<RankAttribution> Attribution(DriversQuery query)
    {
        if (Attribute(query) is not { } a)
        {
            return new DriverOutcome<RankAttribution>(DriverGap.NoFieldScores);
        }

        return Gap(query, a) is { } gap ? new DriverOutcome<RankAttribution>(gap.Gap, gap.Detail) : new DriverOutcome<RankAttribution>(a);
    }

    public DriverOutcome<ScoreWaterfall> Waterfall(DriversQuery query)
    {
        if (Attribute(query) is not { } a)
        {
            return new DriverOutcome<ScoreWaterfall>(DriverGap.NoFieldScores);
        }

        if (Gap(query, a) is { } gap)
        {
            return new DriverOutcome<ScoreWaterfall>(gap.Gap, gap.Detail);
        }

        return ScoreWaterfall.From(a) is { } w ? new DriverOutcome<ScoreWaterfall>(w) : new DriverOutcome<ScoreWaterfall>(DriverGap.NoFieldScores);
    }

    public static DriverOutcome<PriorityReport> Priorities(DriversQuery query)
    {
        if (query.Current.Province(query.ProvinceKey) is not { Total: not null } me)
        {
            return new DriverOutcome<PriorityReport>(DriverGap.NoFieldScores);
        }

        var plan = PriorityPlanner.Build(query.Current, query.ProvinceKey, targetRank: query.TargetRank,
            leadAgencies: query.Source.LeadAgencies(me.Province, query.IndexCode, query.Year), history: query.Source.Level1Tables(query.IndexCode));
        return plan.Items.Count + plan.SurveyItems.Count == 0
            ? new DriverOutcome<PriorityReport>(DriverGap.NothingLost)
            : new DriverOutcome<PriorityReport>(plan);
    }

    /// <summary>Starts training the index's cross-index model on another thread, so that a run over every province
    /// builds their other sections meanwhile; <see cref="Model"/> then waits for it.</summary>
    internal Task TrainInBackground(AnalyticsSource source, string indexCode)
    {
        ArgumentNullException.ThrowIfNull(source);
        Reset(source);
        return Task.Run(() => _models.GetOrAdd(indexCode, index => new Lazy<DriverOutcome<ModelReport>>(() => TrainModel(source, index))).Value);
    }

    /// <summary>The cross-index model of the index (its rank from the other indices), trained once per run.</summary>
    public DriverOutcome<ModelReport> Model(DriversQuery query)
    {
        Reset(query.Source);
        return _models.GetOrAdd(query.IndexCode, index => new Lazy<DriverOutcome<ModelReport>>(() => TrainModel(query.Source, index))).Value;
    }

    private DriverOutcome<ModelReport> TrainModel(AnalyticsSource source, string indexCode)
    {
        var tables = new[] { IndexCodes.Par, IndexCodes.Pci, IndexCodes.Papi }.SelectMany(source.Level1Tables).ToList();
        var report = ModelEvaluator.Evaluate(DatasetBuilder.CrossIndexRank(tables, indexCode, source.OnTimeRates()), _modelOptions);
        if (!report.Available)
        {
            return new DriverOutcome<ModelReport>(DriverGap.InsufficientData, report.UnavailableReason);
        }

        return report.ShownModel is null || report.Scores.Any(s => s.R2 is null)
            ? new DriverOutcome<ModelReport>(DriverGap.InsufficientData, "held-out ranks do not vary")
            : new DriverOutcome<ModelReport>(report);
    }

    private RankAttribution? Attribute(DriversQuery query)
    {
        Reset(query.Source);
        var key = (query.IndexCode, query.Year, query.ProvinceKey);
        return _attributions.GetOrAdd(key, _ => new Lazy<RankAttribution?>(() => Compute(query))).Value;
    }

    private RankAttribution? Compute(DriversQuery query)
    {
        try
        {
            var mapping = query.Previous is { } previous && previous.MethodologyVersion != query.Current.MethodologyVersion
                ? query.Source.CriterionMapping(query.IndexCode)
                : CriterionMapping.Empty;
            return RankAttributor.Attribute(query.Current, query.Previous, query.ProvinceKey, query.Source.Provinces, mapping, _uncertainty);
        }
        catch (AnalyticsDataException)
        {
            return null;
        }
    }

    private static (DriverGap Gap, string? Detail)? Gap(DriversQuery query, RankAttribution a) => a.Status switch
    {
        ComparisonStatus.MergedProvince => (DriverGap.ProvinceMerged, null),
        ComparisonStatus.NoPreviousData when query.Previous is null => (DriverGap.NoPreviousYear, null),
        ComparisonStatus.NoPreviousData => (DriverGap.ProvinceMissingPreviousYear, query.Previous!.Year.ToString(CultureInfo.InvariantCulture)),
        _ when a.Rank is null || a.PreviousRank is null => (DriverGap.ProvinceMissingPreviousYear, a.PreviousYear.ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>Cached results belong to one warehouse's source.</summary>
    private void Reset(AnalyticsSource source)
    {
        lock (_sourceGate)
        {
            if (!ReferenceEquals(_source, source))
            {
                _source = source;
                _models.Clear();
                _attributions.Clear();
            }
        }
    }
}
