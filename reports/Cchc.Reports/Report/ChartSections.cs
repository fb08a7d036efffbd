using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Models;
using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Analytics.WhatIf;
using Cchc.Reports.Charts;
using Cchc.Reports.ReportData;
using Cchc.Warehouse;

namespace Cchc.Reports.Report;

/// <summary>Builds the chart sections of a province report from the warehouse numbers and the analytics.</summary>
internal sealed class ChartSections(ReportContext c)
{
    private static readonly string[] IndexOrder = [IndexCodes.Par, IndexCodes.Pci, IndexCodes.Papi];

    private Localization.ReportText T => c.Text;

    private int Key => c.Province.Key;

    public ReportSection RankHistory()
    {
        var rows = c.Reader.TotalsOf(c.HistoryKeys()).Where(r => r.Year <= c.Request.Year && r.Rank is not null).ToList();
        var series = IndexOrder.OrderBy(i => i == c.Request.IndexCode ? 0 : 1)
            .Select(index => new RankSeries(index, T.IndexName(index), rows.Where(r => r.IndexCode == index)
                .Select(r => new RankPoint(r.Year, r.Rank!.Value, r.ProvincesRanked)).OrderBy(p => p.Year).ToList()))
            .Where(s => s.Points.Count > 0).ToList();
        if (!series.Any(s => s.Points.Count >= 2))
        {
            return ReportSection.Omit("rank-history", T.RankHistoryHeading, T.OnlyOneRankedYear);
        }

        var chart = RankHistoryChart.Render(new RankHistoryInput(c.ProvinceName, series), Context(rows));
        return new ReportSection("rank-history", T.RankHistoryHeading, [new ChartBlock(chart)]);
    }

    public ReportSection PointsLost()
    {
        var fields = FieldItems().ToList();
        if (fields.Count == 0)
        {
            return ReportSection.Omit("points-lost", T.PointsLostHeading, T.NoCriterionScores);
        }

        var ordinals = fields.ToDictionary(f => f.Code, f => f.FieldOrdinal);
        var criteria = c.Current.AtLevel(2).Where(x => x.ParentCode is not null && ordinals.ContainsKey(x.ParentCode) && x.MaxPoints is not null)
            .Select(x => (x, score: Score(c.Current, Key, x.Code)))
            .Where(p => p.score is not null)
            .Select(p => new PointsItem(p.x.Code, p.x.NameIn(c.English), ordinals[p.x.ParentCode!], (double)p.x.MaxPoints!.Value, p.score!.Value))
            .ToList();
        var rows = c.Current.Rows.Where(r => r.ProvinceKey == Key && r.Level is 1 or 2).ToList();
        var chart = PointsLostChart.Render(new PointsLostInput(c.ProvinceName, c.IndexName, c.Request.Year, fields, criteria), Context(rows));
        return new ReportSection("points-lost", T.PointsLostHeading, [new ChartBlock(chart)]);
    }

    public ReportSection Waterfall()
    {
        var outcome = c.Drivers.Waterfall(c.Query);
        if (outcome.Value is not { } w)
        {
            return ReportSection.Omit("waterfall", T.WaterfallHeading, T.DriverGapReason(outcome.Gap!.Value, outcome.Detail));
        }

        // A residual is no criterion: the chart shows its name only. A zero residual is left out (it adds nothing).
        var steps = w.Steps.Where(s => !(s.Kind == ComponentKind.Residual && s.Delta == 0))
            .Select(s => new WaterfallBar(Code(s.Code, s.Kind), ComponentName(s.Code, s.Kind, s.Name, s.NameEn), (double)s.Delta, (double)s.MethodologyPoints))
            .ToList();
        var rows = FieldAndTotalRows(c.Current, Key).Concat(c.Previous is null || c.PreviousKey is null ? [] : FieldAndTotalRows(c.Previous, c.PreviousKey.Value)).ToList();
        var chart = WaterfallChart.Render(new WaterfallInput(c.ProvinceName, c.IndexName, w.PreviousYear, w.Year, (double)w.PreviousTotal, (double)w.Total, steps), Context(rows));
        return new ReportSection("waterfall", T.WaterfallHeading, [new ChartBlock(chart)]);
    }

    public ReportSection Attribution()
    {
        var outcome = c.Drivers.Attribution(c.Query);
        if (outcome.Value is not { } a)
        {
            return ReportSection.Omit("attribution", T.AttributionHeading, T.DriverGapReason(outcome.Gap!.Value, outcome.Detail));
        }

        var input = AttributionInputOf(a);
        try
        {
            var rows = c.Current.Rows.Where(r => r.Level <= 1).Concat(c.Previous?.Rows.Where(r => r.Level <= 1) ?? []).ToList();
            var chart = AttributionChart.Render(input, Context(rows));
            var blocks = new List<ReportBlock> { new ChartBlock(chart) };
            if (a.ProbabilityRankChanged is { } p && a.Uncertainty is { } u)
            {
                blocks.Add(new ParagraphBlock(T.NoiseVerdict(-a.RankChange!.Value, p, u.DistinguishableFromNoise, u.Draws)));
            }

            return new ReportSection("attribution", T.AttributionHeading, blocks);
        }
        catch (ArgumentException e)
        {
            return ReportSection.Omit("attribution", T.AttributionHeading, T.ChartFailed(e.Message));
        }
    }

    /// <summary>The chart's input: places gained (the analytics count places lost as positive), intervals negated alike.</summary>
    internal AttributionInput AttributionInputOf(RankAttribution a)
    {
        AttributionItem Item(string code, string name, RankEffect effect) =>
            new(code, name, -effect.Value, effect.Interval is { } i ? -i.Upper : null, effect.Interval is { } j ? -j.Lower : null);
        var fields = a.Components
            .Where(x => !(x.Kind == ComponentKind.Residual && x.RankEffect.Exact == 0))
            .Select(x => Item(Code(x.Code, x.Kind), ComponentName(x.Code, x.Kind, x.Name, x.NameEn), x.RankEffect))
            .ToList();
        var methodology = a.Methodology is { } m ? Item("", T.MethodologyEffect(m.PreviousVersion, m.Version), m.RankEffect) : null;
        return new AttributionInput(c.ProvinceName, c.IndexName, a.PreviousYear, a.Year, a.PreviousRank!.Value, a.Rank!.Value, a.ProvincesRanked,
            fields, Item("", T.PeerEffect, a.PeerEffect), methodology, -a.PublicationAdjustment, a.ProbabilityRankChanged, a.Uncertainty?.DistinguishableFromNoise);
    }

    public ReportSection Distribution()
    {
        var fields = c.Current.Fields.Where(f => f.MaxPoints is > 0).ToList();
        var distributions = fields
            .Select(f => (f, scores: c.Current.Ranked.Select(p => p.Score(f.Code)).OfType<decimal>().Select(s => (double)s).ToList(), own: Score(c.Current, Key, f.Code)))
            .Where(x => x.own is not null && x.scores.Count > 1)
            .Select(x => new FieldDistribution(x.f.Code, x.f.NameIn(c.English), (double)x.f.MaxPoints!.Value, x.scores, x.own!.Value))
            .ToList();
        if (distributions.Count == 0)
        {
            return ReportSection.Omit("distribution", T.DistributionHeading, T.NoFieldScores);
        }

        var chart = DistributionChart.Render(new DistributionInput(c.ProvinceName, c.IndexName, c.Request.Year, distributions), Context(c.Current.Rows.Where(r => r.Level <= 1).ToList()));
        return new ReportSection("distribution", T.DistributionHeading, [new ChartBlock(chart)]);
    }

    public ReportSection Heatmap()
    {
        var fields = c.Current.Fields.Where(f => f.MaxPoints is > 0).ToList();
        if (fields.Count == 0 || fields.All(f => Score(c.Current, Key, f.Code) is null))
        {
            return ReportSection.Omit("heatmap", T.HeatmapHeading, T.NoFieldScores);
        }

        var rows = c.Current.Ranked.Select(p => new HeatmapRow(
            p.Province.Name, p.PublishedRank ?? c.Current.PeersOf(p.Province.Key).RankOf(p.Total!.Value),
            fields.Select(f => p.Score(f.Code) is { } s ? (double)(100 * s / f.MaxPoints!.Value) : (double?)null).ToList(),
            p.Province.Key == Key)).ToList();
        var chart = HeatmapChart.Render(new HeatmapInput(c.ProvinceName, c.IndexName, c.Request.Year,
            fields.Select(f => new HeatmapColumn(f.Code, f.NameIn(c.English))).ToList(), rows), Context(c.Current.Rows.Where(r => r.Level <= 1).ToList()));
        return new ReportSection("heatmap", T.HeatmapHeading, [new ChartBlock(chart)]);
    }

    public ReportSection Model()
    {
        var outcome = c.Drivers.Model(c.Query);
        if (outcome.Value is not { } m)
        {
            return ReportSection.Omit("model", T.ModelHeading, T.DriverGapReason(outcome.Gap!.Value, outcome.Detail));
        }

        try
        {
            var chart = ImportanceChart.Render(ImportanceInputOf(m), Context(c.Current.Rows.Where(r => r.CriterionCode == IndexCodes.Total).ToList()));
            return new ReportSection("model", T.ModelHeading, [new ChartBlock(chart)]);
        }
        catch (ArgumentException e)
        {
            return ReportSection.Omit("model", T.ModelHeading, T.ChartFailed(e.Message));
        }
    }

    /// <summary>The chart shows the model the analytics name (lowest held-out MAE) and that model's importances.</summary>
    internal ImportanceInput ImportanceInputOf(ModelReport m)
    {
        var names = m.Features.Zip(m.FeaturesVi ?? m.Features).ToDictionary(n => n.First, n => c.English ? n.First : n.Second, StringComparer.Ordinal);
        var importance = m.Importances.Single(i => i.Model == m.ShownModel);
        var features = importance.Features
            .Select(f => new ImportanceBar(names[f.Feature], f.MaeIncrease, f.StandardError, f.Interval?.Lower, f.Interval?.Upper))
            .OrderByDescending(f => f.Mean).ToList();
        var metrics = m.Scores.Select(s => new ModelMetric(T.ModelName(s.Model), s.IsBaseline, s.R2!.Value, s.Mae)).ToList();
        var heldOut = m.Scores[0].ByYear.Select(y => y.Year).Order().ToList();
        var beats = m.Comparisons.Where(x => x.Model == m.ShownModel).All(x => x.Significant) && m.Comparisons.Any(x => x.Model == m.ShownModel);
        return new ImportanceInput(T.ModelName(m.ShownModel!), beats, T.RankTarget(c.Request.IndexCode), T.PlacesUnit, features, metrics, heldOut);
    }

    public ReportSection Scatter()
    {
        var year = c.Request.Year;
        var par = c.Reader.IndexYear(IndexCodes.Par, year);
        if (par is null)
        {
            return ReportSection.Omit("scatter", T.ScatterHeading, T.NoParThisYear(year));
        }

        var used = new List<ScoreRow>();
        var panels = new List<ScatterPanel>();
        foreach (var other in new[] { IndexCodes.Pci, IndexCodes.Papi })
        {
            if (c.Reader.IndexYear(other, year) is not { } scores)
            {
                continue;
            }

            var points = par.Ranked
                .Select(p => (p, y: par.Row(p.Province.Key, IndexCodes.Total), x: scores.Row(p.Province.Key, IndexCodes.Total)))
                .Where(t => t.y?.Score is not null && t.x?.Score is not null)
                .Select(t =>
                {
                    used.Add(t.y!);
                    used.Add(t.x!);
                    return new ScatterPoint(t.y!.ProvinceName, (double)t.x!.Score!.Value, (double)t.y.Score!.Value, t.p.Province.Key == Key);
                }).ToList();
            if (points.Count >= 3)
            {
                panels.Add(new ScatterPanel(T.IndexName(other), T.IndexName(IndexCodes.Par), points));
            }
        }

        if (panels.Count == 0)
        {
            return ReportSection.Omit("scatter", T.ScatterHeading, T.NoOtherIndices(year));
        }

        var chart = ScatterChart.Render(new ScatterInput(c.ProvinceName, year, panels), Context(used));
        return new ReportSection("scatter", T.ScatterHeading, [new ChartBlock(chart)]);
    }

    public ReportSection OnTime()
    {
        var data = OnTimeReader.Read(c.Reader, c.Province.GsoCode, c.Request.Year);
        if (data.Value is null && data.Gap is ViewGap.NoRows or ViewGap.ViewAbsent
            && OneStopReportReader.Read(c.Reader, c.Province.GsoCode, c.Request.Year) is { Value: not null } reports)
        {
            // No dossier log for the year: the results reports the offices filed say the same per level.
            data = reports;
        }

        if (data.Value is not { } d)
        {
            return ReportSection.Omit("one-stop", T.OnTimeHeading, T.ViewGapReason(data.Gap!.Value, data.View, data.Detail));
        }

        var par = c.Reader.IndexYear(IndexCodes.Par, c.Request.Year);
        var parRows = new List<ScoreRow>();
        var levels = d.Levels.Select(l =>
        {
            var code = l.Level switch { DossierLevel.Province => "3.4.1", DossierLevel.District => "3.4.2", _ => "3.4.3" };
            var row = par?.Row(Key, code);
            if (row?.Score is not null)
            {
                parRows.Add(row);
            }

            return new OnTimeLevel(T.LevelName(l.Level), l.Finished, l.OnTime, row?.Score is null ? null : code, (double?)row?.Score, (double?)row?.MaxPoints);
        }).ToList();
        var months = d.Months.Select(m => new OnTimeMonth(m.Year, m.Month, m.Finished, m.OnTime)).ToList();
        var source = parRows.Count > 0 ? c.Source(parRows) + "; " : "";
        source += $"rpt.{data.View} {c.Request.Year}" + (d.Periods is { } periods ? $" ({periods})" : "")
            + (d.IsSynthetic ? "; " + T.SyntheticShareText(Localization.SyntheticShare.All) : "");
        if (d.IsSynthetic)
        {
            c.UseSynthetic($"rpt.{data.View} {c.Request.Year}");
        }

        var chart = OnTimeChart.Render(new OnTimeInput(c.ProvinceName, c.Request.Year, levels, months), new ChartContext(T, source));
        return new ReportSection("one-stop", T.OnTimeHeading, [new ChartBlock(chart)]);
    }

    /// <summary>The what-if chart of a priority plan: the curve over the actionable criteria.</summary>
    public ChartBlock WhatIf(PriorityReport plan)
    {
        var steps = plan.Curve.Where(p => p.Code is not null)
            .Select(p => new WhatIfStep(p.Code!, CriterionName(p.Code!), (double)p.CumulativePoints, p.Rank)).ToList();
        var input = new WhatIfCurveInput(c.ProvinceName, c.IndexName, c.Request.Year, (double)plan.Total, plan.CurrentRank, plan.ProvincesRanked, steps, c.Request.TargetRank);
        return new ChartBlock(WhatIfCurveChart.Render(input, Context(c.Current.Rows.Where(r => r.Level <= 2).ToList())));
    }

    public string CriterionName(string code) =>
        (c.Current.Criteria.GetValueOrDefault(code) ?? c.Previous?.Criteria.GetValueOrDefault(code))?.NameIn(c.English) ?? code;

    /// <summary>A residual is no criterion: the chart shows its name only.</summary>
    private static string Code(string code, ComponentKind kind) => kind == ComponentKind.Residual ? string.Empty : code;

    /// <summary>Components that are criteria of the year are named from the catalogue; the others carry their own names.</summary>
    private string ComponentName(string code, ComponentKind kind, string nameVi, string nameEn) =>
        kind == ComponentKind.Field ? CriterionName(code) : c.English ? nameEn : nameVi;

    private IEnumerable<PointsItem> FieldItems() =>
        c.Current.Fields.Select((f, i) => (f, i, score: Score(c.Current, Key, f.Code)))
            .Where(x => x.f.MaxPoints is not null && x.score is not null)
            .Select(x => new PointsItem(x.f.Code, x.f.NameIn(c.English), x.i, (double)x.f.MaxPoints!.Value, x.score!.Value));

    private static double? Score(IndexYear table, int key, string code) => (double?)table.Province(key)?.Score(code);

    private static IEnumerable<ScoreRow> FieldAndTotalRows(IndexYear scores, int key) =>
        scores.Rows.Where(r => r.ProvinceKey == key && r.Level <= 1);

    private ChartContext Context(IReadOnlyCollection<ScoreRow> rows) => new(T, c.Source(rows));
}
