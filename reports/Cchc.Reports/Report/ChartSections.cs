using Cchc.Reports.Charts;
using Cchc.Reports.Drivers;
using Cchc.Reports.ReportData;
using Cchc.Warehouse;

namespace Cchc.Reports.Report;

/// <summary>Builds the chart sections of a province report from the warehouse numbers and the drivers.</summary>
internal sealed class ChartSections(ReportContext c)
{
    private static readonly string[] IndexOrder = [IndexCodes.Par, IndexCodes.Pci, IndexCodes.Papi];

    private Localization.ReportText T => c.Text;

    private int Key => c.Province.Key;

    public ReportSection RankHistory()
    {
        var rows = c.Reader.TotalsOf(c.HistoryKeys()).Where(r => r.Year <= c.Request.Year).ToList();
        var series = IndexOrder.OrderBy(i => i == c.Request.IndexCode ? 0 : 1)
            .Select(index => new RankSeries(index, T.IndexName(index), rows.Where(r => r.IndexCode == index)
                .Select(r => new RankPoint(r.Year, r.Rank, r.ProvincesRanked)).OrderBy(p => p.Year).ToList()))
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
        var criteria = c.Current.Criteria.Where(x => x.Level == 2 && x.ParentCode is not null && ordinals.ContainsKey(x.ParentCode) && x.MaxPoints is not null)
            .Select(x => (x, row: c.Current.Row(Key, x.Code)))
            .Where(p => p.row?.Score is not null)
            .Select(p => new PointsItem(p.x.Code, p.x.Name(T), ordinals[p.x.ParentCode!], p.x.MaxPoints!.Value, p.row!.Score!.Value))
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

        c.Credit(outcome.Provider!, T.WaterfallHeading);
        var steps = w.Fields.Select(f => new WaterfallStep(f.CriterionCode, ComponentName(f.CriterionCode, f.NameVi, f.NameEn), f.Change)).ToList();
        var rows = FieldAndTotalRows(c.Current, Key).Concat(c.Previous is null || c.PreviousKey is null ? [] : FieldAndTotalRows(c.Previous, c.PreviousKey.Value)).ToList();
        var chart = WaterfallChart.Render(new WaterfallInput(c.ProvinceName, c.IndexName, w.PreviousYear, w.Year, w.PreviousTotal, w.Total, steps), Context(rows));
        return new ReportSection("waterfall", T.WaterfallHeading, [new ChartBlock(chart)]);
    }

    public ReportSection Attribution()
    {
        var outcome = c.Drivers.Attribution(c.Query);
        if (outcome.Value is not { } a)
        {
            return ReportSection.Omit("attribution", T.AttributionHeading, T.DriverGapReason(outcome.Gap!.Value, outcome.Detail));
        }

        var input = new AttributionInput(c.ProvinceName, c.IndexName, a.PreviousYear, a.Year, a.PreviousRank, a.Rank, a.Provinces,
            a.Fields.Select(f => new AttributionItem(f.CriterionCode, ComponentName(f.CriterionCode, f.NameVi, f.NameEn), f.PlacesGained)).ToList(), a.PeerEffect);
        try
        {
            var rows = c.Current.Rows.Where(r => r.Level <= 1).Concat(c.Previous?.Rows.Where(r => r.Level <= 1) ?? []).ToList();
            var chart = AttributionChart.Render(input, Context(rows));
            c.Credit(outcome.Provider!, T.AttributionHeading);
            return new ReportSection("attribution", T.AttributionHeading, [new ChartBlock(chart)]);
        }
        catch (ArgumentException e)
        {
            return ReportSection.Omit("attribution", T.AttributionHeading, T.ChartFailed(e.Message));
        }
    }

    public ReportSection Distribution()
    {
        var fields = c.Current.Fields.Where(f => f.MaxPoints is > 0).ToList();
        var distributions = fields
            .Select(f => (f, scores: c.Current.Provinces.Select(p => c.Current.Score(p.Key, f.Code)).OfType<double>().ToList(), own: c.Current.Score(Key, f.Code)))
            .Where(x => x.own is not null && x.scores.Count > 1)
            .Select(x => new FieldDistribution(x.f.Code, x.f.Name(T), x.f.MaxPoints!.Value, x.scores, x.own!.Value))
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
        if (fields.Count == 0 || fields.All(f => c.Current.Score(Key, f.Code) is null))
        {
            return ReportSection.Omit("heatmap", T.HeatmapHeading, T.NoFieldScores);
        }

        var rows = c.Current.Provinces.Select(p => new HeatmapRow(
            c.Current.Total(p.Key)!.ProvinceShortName, c.Current.Total(p.Key)!.Rank,
            fields.Select(f => c.Current.Score(p.Key, f.Code) is { } s ? 100 * s / f.MaxPoints!.Value : (double?)null).ToList(),
            p.Key == Key)).ToList();
        var chart = HeatmapChart.Render(new HeatmapInput(c.ProvinceName, c.IndexName, c.Request.Year,
            fields.Select(f => new HeatmapColumn(f.Code, f.Name(T))).ToList(), rows), Context(c.Current.Rows.Where(r => r.Level <= 1).ToList()));
        return new ReportSection("heatmap", T.HeatmapHeading, [new ChartBlock(chart)]);
    }

    public ReportSection Model()
    {
        var outcome = c.Drivers.Model(c.Query);
        if (outcome.Value is not { } m)
        {
            return ReportSection.Omit("model", T.ModelHeading, T.DriverGapReason(outcome.Gap!.Value, outcome.Detail));
        }

        var en = T.Language == Localization.ReportLanguage.En;
        var input = new ImportanceInput(en ? m.TargetEn : m.TargetVi, en ? m.ErrorUnitEn : m.ErrorUnitVi,
            m.Importances.Select(f => new FeatureImportance(en ? f.NameEn : f.NameVi, f.Mean, f.StandardError)).ToList(),
            m.Models.Select(s => new ModelMetric(en ? s.NameEn : s.NameVi, s.IsBaseline, s.RSquared, s.MeanAbsoluteError)).ToList(),
            m.HeldOutYears);
        try
        {
            var chart = ImportanceChart.Render(input, Context(c.Current.Rows.Where(r => r.CriterionCode == IndexCodes.Total).ToList()));
            c.Credit(outcome.Provider!, T.ModelHeading);
            return new ReportSection("model", T.ModelHeading, [new ChartBlock(chart)]);
        }
        catch (ArgumentException e)
        {
            return ReportSection.Omit("model", T.ModelHeading, T.ChartFailed(e.Message));
        }
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

            var points = par.Provinces
                .Select(p => (p, y: par.Total(p.Key), x: scores.Total(p.Key)))
                .Where(t => t.y?.Score is not null && t.x?.Score is not null)
                .Select(t =>
                {
                    used.Add(t.y!);
                    used.Add(t.x!);
                    return new ScatterPoint(t.y!.ProvinceShortName, t.x!.Score!.Value, t.y.Score!.Value, t.p.Key == Key);
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

            return new OnTimeLevel(T.LevelName(l.Level), l.Finished, l.OnTime, row?.Score is null ? null : code, row?.Score, row?.MaxPoints);
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

    /// <summary>The what-if chart of a priority plan.</summary>
    public ChartBlock WhatIf(PriorityPlan plan)
    {
        var total = c.Current.Total(Key)!;
        var steps = plan.Curve.Select(p => new WhatIfStep(p.CriterionCode, CriterionName(p.CriterionCode), p.PointsRecovered, p.RankReached)).ToList();
        var input = new WhatIfCurveInput(c.ProvinceName, c.IndexName, c.Request.Year, total.Score!.Value, plan.Rank, plan.Provinces, steps, c.Request.TargetRank);
        return new ChartBlock(WhatIfCurveChart.Render(input, Context(c.Current.Rows.Where(r => r.Level <= 2).ToList())));
    }

    /// <summary>A provider's own name for a component that is not a criterion (a residual), else the catalogue's.</summary>
    private string ComponentName(string code, string? nameVi, string? nameEn) =>
        (T.Language == Localization.ReportLanguage.En ? nameEn : nameVi) ?? CriterionName(code);

    public string CriterionName(string code) =>
        c.Current.Criteria.FirstOrDefault(x => x.Code == code)?.Name(T)
        ?? c.Previous?.Criteria.FirstOrDefault(x => x.Code == code)?.Name(T)
        ?? code;

    private IEnumerable<PointsItem> FieldItems() =>
        c.Current.Fields.Select((f, i) => (f, i, row: c.Current.Row(Key, f.Code)))
            .Where(x => x.f.MaxPoints is not null && x.row?.Score is not null)
            .Select(x => new PointsItem(x.f.Code, x.f.Name(T), x.i, x.f.MaxPoints!.Value, x.row!.Score!.Value));

    private static IEnumerable<ScoreRow> FieldAndTotalRows(IndexYearScores scores, int key) =>
        scores.Rows.Where(r => r.ProvinceKey == key && r.Level <= 1);

    private ChartContext Context(IReadOnlyCollection<ScoreRow> rows) => new(T, c.Source(rows));
}
