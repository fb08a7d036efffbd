using Cchc.Reports.Localization;
using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>After recovering this criterion (in priority order): the points recovered so far and the rank they reach.</summary>
public sealed record WhatIfStep(string CriterionCode, string CriterionName, double PointsRecovered, int RankReached);

/// <summary>Input of chart 8. <see cref="Steps"/> are cumulative, in the priority order.</summary>
public sealed record WhatIfCurveInput(
    string ProvinceName, string IndexName, int Year, double Score, int Rank, int Provinces, IReadOnlyList<WhatIfStep> Steps, int? TargetRank = null);

/// <summary>
/// Chart 8: what-if — the rank reached (1 at the top) as recovered points grow, following the priority order, with the
/// first criteria named on the curve and the target rank, if any, as a dashed line. 1200 × 680 px.
/// </summary>
public static class WhatIfCurveChart
{
    public const string Name = "08-what-if";
    public const int Width = 1200;
    public const int Height = 680;
    private const int NamedSteps = 6;

    public static ChartImage Render(WhatIfCurveInput input, ChartContext context)
    {
        var t = context.Text;
        if (input.Steps.Count == 0)
        {
            throw new ArgumentException("A what-if curve needs at least one recovery step.", nameof(input));
        }

        // Once rank 1 is reached further recoveries change nothing on this chart: stop the curve there.
        var firstAtTop = input.Steps.ToList().FindIndex(s => s.RankReached == 1);
        var steps = firstAtTop >= 0 ? input.Steps.Take(firstAtTop + 1).ToList() : input.Steps;
        var last = steps[^1];
        var target = input.TargetRank is { } tr ? steps.FirstOrDefault(s => s.RankReached <= tr) : null;
        var title = t.WhatIfTitle(input.ProvinceName, input.Rank, input.Provinces, last, steps.Count, input.TargetRank, target);
        var firstThree = steps.Take(3).ToList();
        var reading = t.WhatIfReading(firstThree, input.Rank, input.Provinces);

        var plot = ChartStyle.NewPlot(t);
        var xs = new List<double> { 0 };
        var ys = new List<double> { input.Rank };
        xs.AddRange(steps.Select(s => s.PointsRecovered));
        ys.AddRange(steps.Select(s => (double)s.RankReached));
        var curve = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), ChartPalette.Focus);
        curve.ConnectStyle = ConnectStyle.StepHorizontal;
        curve.LineWidth = 3;
        curve.MarkerSize = 7;
        curve.LegendText = t.WhatIfLegend;
        ChartStyle.Label(plot, ReportText.RankOf(input.Rank, input.Provinces), 0, input.Rank, Alignment.LowerLeft, ChartPalette.Total, bold: true).OffsetY = -4;
        for (var i = 0; i < Math.Min(NamedSteps, steps.Count); i++)
        {
            var s = steps[i];
            var label = ChartStyle.Label(plot, s.CriterionCode, s.PointsRecovered, s.RankReached, i % 2 == 0 ? Alignment.UpperLeft : Alignment.LowerRight, ChartPalette.Text);
            label.OffsetX = i % 2 == 0 ? 4 : -4;
        }

        ChartStyle.Label(plot, ReportText.RankOf(last.RankReached, input.Provinces), last.PointsRecovered, last.RankReached, Alignment.LowerRight, ChartPalette.Focus, bold: true).OffsetY = -6;
        if (input.TargetRank is { } targetRank)
        {
            var line = plot.Add.HorizontalLine(targetRank, 1.5f, ChartPalette.Gain, LinePattern.Dashed);
            line.LegendText = t.TargetRankLegend(targetRank);
        }

        var maxX = Math.Max(last.PointsRecovered, 1);
        plot.Axes.SetLimitsX(-maxX * 0.02, maxX * 1.08);
        var top = Math.Max(0.5, Math.Min(last.RankReached, input.TargetRank ?? int.MaxValue) - 3);
        var bottom = Math.Min(input.Provinces + 1, input.Rank + 4);
        plot.Axes.SetLimitsY(bottom, top);
        ChartStyle.RankTicks(plot.Axes.Left, input.Provinces, [input.Rank, last.RankReached]);
        plot.XLabel(t.RecoveredPointsAxis(input.IndexName));
        plot.YLabel(t.RankAxis(input.Provinces));
        ChartStyle.Legend(plot, Alignment.LowerRight);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        canvas.Draw(plot);
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }
}
