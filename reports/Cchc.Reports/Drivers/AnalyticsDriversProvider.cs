using System.Globalization;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Models;
using Cchc.Reports.Analytics.WhatIf;
using Cchc.Warehouse;
using AnalyticsAttribution = Cchc.Reports.Analytics.Attribution.RankAttribution;
using AnalyticsWaterfall = Cchc.Reports.Analytics.Attribution.ScoreWaterfall;

namespace Cchc.Reports.Drivers;

/// <summary>
/// The rank-drivers analytics (<see cref="DriversAnalysis"/>, <see cref="PriorityPlanner"/>) behind the report's seam:
/// exact Shapley attribution of the rank change, the waterfall across methodology versions (mapped criteria and an
/// explicit residual), weighted priorities for PCI, and the cross-index ML.NET model evaluated on held-out years.
/// <para>
/// One instance serves one report run: the warehouse is read once per index-year and the model, which does not depend
/// on the province, is trained once per index-year even when a run writes a report for every province.
/// </para>
/// </summary>
public sealed class AnalyticsDriversProvider(ModelOptions? modelOptions = null) : IDriversProvider
{
    /// <summary>Permutations per feature in reports: enough for a stable ranking at a fraction of the CLI's cost.</summary>
    public const int ReportPermutations = 10;

    private readonly ModelOptions _modelOptions = modelOptions ?? new ModelOptions(Permutations: ReportPermutations);
    private readonly Dictionary<(string Index, int Year), DriverOutcome<ModelSummary>> _models = [];
    private readonly Dictionary<(string Index, int Year, int Province), AnalyticsAttribution?> _attributions = [];
    private AnalyticsSource? _source;
    private IWarehouse? _sourceWarehouse;

    public string Name => "Cchc.Reports.Analytics";

    public DriverOutcome<RankAttribution> Attribution(DriversQuery query)
    {
        if (Attribute(query) is not { } a)
        {
            return DriverOutcome.Missing<RankAttribution>(DriverGap.NotProvided);
        }

        if (Gap(query, a) is { } gap)
        {
            return DriverOutcome.Missing<RankAttribution>(gap.Gap, gap.Detail);
        }

        var fields = a.Components
            .Where(c => !(c.Kind == ComponentKind.Residual && c.RankEffect.ToDouble() == 0))
            .Select(c => new FieldRankEffect(Code(c.Code, c.Kind), -c.RankEffect.ToDouble(), Named(c)?.Name, Named(c)?.NameEn))
            .ToList();
        var peers = -(a.PeerEffect + a.PublicationAdjustment);
        return DriverOutcome.Computed(
            new RankAttribution(a.PreviousYear, a.Year, a.PreviousRank!.Value, a.Rank!.Value, a.ProvincesRanked, fields, peers), Name);
    }

    public DriverOutcome<ScoreWaterfall> Waterfall(DriversQuery query)
    {
        if (Attribute(query) is not { } a)
        {
            return DriverOutcome.Missing<ScoreWaterfall>(DriverGap.NotProvided);
        }

        if (Gap(query, a) is { } gap)
        {
            return DriverOutcome.Missing<ScoreWaterfall>(gap.Gap, gap.Detail);
        }

        if (AnalyticsWaterfall.From(a) is not { } w)
        {
            return DriverOutcome.Missing<ScoreWaterfall>(DriverGap.NoFieldScores);
        }

        var fields = w.Steps
            .Where(s => !(s.Kind == ComponentKind.Residual && s.Delta == 0))
            .Select(s => new FieldChange(Code(s.Code, s.Kind), (double)s.Delta,
                s.Kind == ComponentKind.Field ? null : s.Name, s.Kind == ComponentKind.Field ? null : s.NameEn)).ToList();
        return DriverOutcome.Computed(new ScoreWaterfall(w.PreviousYear, w.Year, (double)w.PreviousTotal, (double)w.Total, fields), Name);
    }

    public DriverOutcome<PriorityPlan> Priorities(DriversQuery query)
    {
        var source = Source(query.Warehouse);
        if (source.Table(query.IndexCode, query.Year) is not { } table || table.Province(query.Province.Key) is not { Total: not null } me)
        {
            return DriverOutcome.Missing<PriorityPlan>(DriverGap.NoFieldScores);
        }

        var plan = PriorityPlanner.Build(table, query.Province.Key, targetRank: query.TargetRank, leadAgencies: source.LeadAgencies(me.Province, query.Year));
        if (plan.Items.Count == 0)
        {
            return DriverOutcome.Missing<PriorityPlan>(DriverGap.NothingLost);
        }

        var rows = plan.Items.Select(i => new PriorityRow(i.Code, (double)i.PointsLost, i.RankIfRecovered, (double)i.RankGainPerPoint, i.LeadAgency)).ToList();
        var curve = plan.Curve.Where(p => p.Code is not null).Select(p => new WhatIfPoint(p.Code!, (double)p.CumulativePoints, p.Rank)).ToList();
        return DriverOutcome.Computed(new PriorityPlan(plan.CurrentRank, plan.ProvincesRanked, rows, curve), Name);
    }

    public DriverOutcome<ModelSummary> Model(DriversQuery query)
    {
        if (!_models.TryGetValue((query.IndexCode, query.Year), out var outcome))
        {
            _models[(query.IndexCode, query.Year)] = outcome = TrainModel(Source(query.Warehouse), query.IndexCode);
        }

        return outcome;
    }

    private DriverOutcome<ModelSummary> TrainModel(AnalyticsSource source, string indexCode)
    {
        var tables = new[] { IndexCodes.Par, IndexCodes.Pci, IndexCodes.Papi }.SelectMany(source.Level1Tables).ToList();
        var dataset = DatasetBuilder.CrossIndexRank(tables, indexCode, source.OnTimeRates());
        var report = ModelEvaluator.Evaluate(dataset, _modelOptions);
        if (!report.Available)
        {
            return DriverOutcome.Missing<ModelSummary>(DriverGap.InsufficientData, report.UnavailableReason);
        }

        var learned = report.Scores.Where(s => !s.IsBaseline && s.R2 is not null).MinBy(s => s.Mae);
        var importances = report.Importances.FirstOrDefault(i => i.Model == learned?.Model);
        if (learned is null || importances is null || report.Scores.Any(s => s.R2 is null))
        {
            return DriverOutcome.Missing<ModelSummary>(DriverGap.InsufficientData, "held-out ranks do not vary");
        }

        var namesVi = dataset.FeatureNames.Zip(dataset.FeatureNamesVi ?? dataset.FeatureNames).ToDictionary(n => n.First, n => n.Second, StringComparer.Ordinal);
        var features = importances.Features
            .Select(f => new FeatureScore(namesVi[f.Feature], f.Feature, f.MaeIncrease, f.StandardError))
            .OrderByDescending(f => f.Mean).ToList();
        var models = report.Scores.Select(s => new ModelScore(ModelNameVi(s.Model), s.Model, s.IsBaseline, s.R2!.Value, s.Mae)).ToList();
        var heldOut = report.Scores[0].ByYear.Select(y => y.Year).Order().ToList();
        return DriverOutcome.Computed(
            new ModelSummary($"hạng {indexCode}", $"{indexCode} rank", "bậc", "places", models, features, heldOut), Name);
    }

    private AnalyticsAttribution? Attribute(DriversQuery query)
    {
        // The analytics compare with the calendar year before; a report comparing across a gap is left to others.
        if (query.Previous is { } previous && previous.Year != query.Year - 1)
        {
            return null;
        }

        // The waterfall and the attribution of one report come from the same computation: run it once.
        var source = Source(query.Warehouse);
        var key = (query.IndexCode, query.Year, query.Province.Key);
        if (!_attributions.TryGetValue(key, out var attribution))
        {
            try
            {
                attribution = DriversAnalysis.Run(source, new DriversRequest(query.IndexCode, query.Year, query.Province.Key, IncludeModels: false)).Attribution;
            }
            catch (AnalyticsDataException)
            {
                attribution = null;
            }

            _attributions[key] = attribution;
        }

        return attribution;
    }

    private static (DriverGap Gap, string? Detail)? Gap(DriversQuery query, AnalyticsAttribution a) => a.Status switch
    {
        ComparisonStatus.MergedProvince => (DriverGap.ProvinceMerged, null),
        ComparisonStatus.NoPreviousData when query.Previous is null => (DriverGap.NoPreviousYear, null),
        ComparisonStatus.NoPreviousData => (DriverGap.ProvinceMissingPreviousYear, (query.Year - 1).ToString(CultureInfo.InvariantCulture)),
        _ when a.Rank is null || a.PreviousRank is null => (DriverGap.ProvinceMissingPreviousYear, (query.Year - 1).ToString(CultureInfo.InvariantCulture)),
        _ => null,
    };

    /// <summary>A residual is no criterion: the chart shows its name only. A zero residual is left out (it adds nothing).</summary>
    private static string Code(string code, ComponentKind kind) => kind == ComponentKind.Residual ? string.Empty : code;

    /// <summary>Components that are not criteria of the year carry their own names into the chart.</summary>
    private static ComponentAttribution? Named(ComponentAttribution c) => c.Kind == ComponentKind.Field ? null : c;

    private AnalyticsSource Source(IWarehouse warehouse)
    {
        if (!ReferenceEquals(_sourceWarehouse, warehouse))
        {
            (_source, _sourceWarehouse) = (new AnalyticsSource(warehouse), warehouse);
            _models.Clear();
            _attributions.Clear();
        }

        return _source!;
    }

    private static string ModelNameVi(string model) => model switch
    {
        "FastTree (boosted trees)" => "FastTree (cây tăng cường)",
        "Linear (SDCA)" => "Tuyến tính (SDCA)",
        "Baseline: mean" => "Mức cơ sở: trung bình",
        "Baseline: previous-year value" => "Mức cơ sở: giá trị năm trước",
        _ => model,
    };
}
