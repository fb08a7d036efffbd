using Cchc.Reports.Localization;
using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>One year's position of the province in one index.</summary>
/// <param name="Provinces">How many provinces were ranked that year (63, or 34 after the 2025 reform).</param>
public sealed record RankPoint(int Year, int Rank, int Provinces);

/// <summary>A province's ranks in one index over the years.</summary>
public sealed record RankSeries(string IndexCode, string IndexName, IReadOnlyList<RankPoint> Points);

/// <summary>Input of chart 1. The first series is the report's own index (the title is about it).</summary>
public sealed record RankHistoryInput(string ProvinceName, IReadOnlyList<RankSeries> Series);

/// <summary>
/// Chart 1: rank over the years for PAR, PCI and PAPI. Rank 1 at the top, integer year ticks, the number of provinces
/// ranked drawn as a dashed floor and written beside the latest point ("48/63"). 1200 × 640 px.
/// </summary>
public static class RankHistoryChart
{
    public const string Name = "01-rank-history";
    public const int Width = 1200;
    public const int Height = 640;

    public static ChartImage Render(RankHistoryInput input, ChartContext context)
    {
        var t = context.Text;
        var series = input.Series.Where(s => s.Points.Count > 0)
            .Select(s => s with { Points = s.Points.OrderBy(p => p.Year).ToList() }).ToList();
        if (series.Count == 0)
        {
            throw new ArgumentException("A rank history needs at least one ranked year.", nameof(input));
        }

        var main = series[0];
        var last = main.Points[^1];
        var previous = main.Points.Count > 1 ? main.Points[^2] : null;
        var title = t.RankHistoryTitle(input.ProvinceName, main.IndexName, last, previous);
        var reading = t.RankHistoryReading(series.Select(s => new RankSummary(
            s.IndexName,
            s.Points.MinBy(p => (double)p.Rank / p.Provinces)!,
            s.Points.MaxBy(p => (double)p.Rank / p.Provinces)!,
            s.Points[^1])).ToList());

        var plot = ChartStyle.NewPlot(t);
        var firstYear = series.Min(s => s.Points[0].Year);
        var lastYear = series.Max(s => s.Points[^1].Year);
        var maxProvinces = series.SelectMany(s => s.Points).Max(p => p.Provinces);
        foreach (var n in series.SelectMany(s => s.Points).Select(p => p.Provinces).Distinct())
        {
            plot.Add.HorizontalLine(n, 1.5f, ChartPalette.Peers, LinePattern.Dashed);
            ChartStyle.Label(plot, t.ProvincesRanked(n), lastYear + 0.75, n, Alignment.LowerRight, ChartPalette.MutedText).OffsetY = -2;
        }

        foreach (var s in series)
        {
            var color = ChartPalette.ForIndex(s.IndexCode);
            var xs = s.Points.Select(p => (double)p.Year).ToArray();
            var ys = s.Points.Select(p => (double)p.Rank).ToArray();
            var line = plot.Add.Scatter(xs, ys, color);
            line.LineWidth = s == main ? 3 : 2;
            line.MarkerSize = s == main ? 9 : 7;
            line.LegendText = s.IndexName;
            var end = s.Points[^1];
            ChartStyle.Label(plot, $"{end.Rank}/{end.Provinces}", end.Year, end.Rank, Alignment.LowerLeft, color, bold: true).OffsetX = 6;
        }

        plot.Axes.SetLimitsX(firstYear - 0.5, lastYear + 0.8);
        plot.Axes.SetLimitsY(maxProvinces + 2, 0);
        ChartStyle.YearTicks(plot.Axes.Bottom, firstYear, lastYear);
        ChartStyle.RankTicks(plot.Axes.Left, maxProvinces);
        plot.XLabel(t.YearAxis);
        plot.YLabel(t.RankAxis(maxProvinces));
        ChartStyle.LegendBelow(plot);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        canvas.Draw(plot);
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }
}

/// <summary>Best, worst and latest position in one index, for the reading of chart 1.</summary>
public sealed record RankSummary(string IndexName, RankPoint Best, RankPoint Worst, RankPoint Latest);
