using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>
/// One administrative level's dossiers in the year, and the PAR sub-criterion (3.4.x) appraised for the same level.
/// </summary>
/// <param name="Level">Display name of the level (already localised), e.g. "Cấp tỉnh".</param>
public sealed record OnTimeLevel(string Level, long Finished, long OnTime, string? ParCode = null, double? ParScore = null, double? ParMaxPoints = null)
{
    public double? Rate => Finished > 0 ? (double)OnTime / Finished : null;

    public double? ParPercent => ParScore is { } s && ParMaxPoints is > 0 ? 100.0 * s / ParMaxPoints.Value : null;
}

/// <summary>All levels together in one month.</summary>
public sealed record OnTimeMonth(int Year, int Month, long Finished, long OnTime)
{
    public double? Rate => Finished > 0 ? (double)OnTime / Finished : null;
}

/// <summary>Input of chart 9.</summary>
public sealed record OnTimeInput(string ProvinceName, int Year, IReadOnlyList<OnTimeLevel> Levels, IReadOnlyList<OnTimeMonth> Months);

/// <summary>
/// Chart 9: one-stop on-time rate by level, with the PAR 3.4.x appraised value (% of its maximum) beside each level
/// (left), and by month (right). 1400 × 680 px.
/// </summary>
public static class OnTimeChart
{
    public const string Name = "09-one-stop-on-time";
    public const int Width = 1400;
    public const int Height = 680;

    public static ChartImage Render(OnTimeInput input, ChartContext context)
    {
        var t = context.Text;
        var levels = input.Levels.Where(l => l.Rate is not null).ToList();
        var months = input.Months.Where(m => m.Rate is not null).OrderBy(m => m.Year).ThenBy(m => m.Month).ToList();
        if (levels.Count == 0)
        {
            throw new ArgumentException("The on-time chart needs at least one level with finished dossiers.", nameof(input));
        }

        var overall = (double)levels.Sum(l => l.OnTime) / levels.Sum(l => l.Finished);
        var weakest = levels.MinBy(l => l.Rate!.Value)!;
        var worstMonth = months.Count > 0 ? months.MinBy(m => m.Rate!.Value) : null;
        var title = t.OnTimeTitle(input.Year, overall, weakest);
        var reading = t.OnTimeReading(levels, worstMonth);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        var columns = months.Count > 0 ? canvas.Columns(0.45, 0.55) : [canvas.Body];
        canvas.Draw(LevelPanel(t, levels), columns[0]);
        if (months.Count > 0)
        {
            canvas.Draw(MonthPanel(t, months), columns[1]);
        }

        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }

    private static Plot LevelPanel(Localization.ReportText t, IReadOnlyList<OnTimeLevel> levels)
    {
        var plot = ChartStyle.NewPlot(t);
        var rateBars = new List<Bar>();
        var parBars = new List<Bar>();
        for (var i = 0; i < levels.Count; i++)
        {
            var l = levels[i];
            var rate = 100 * l.Rate!.Value;
            rateBars.Add(new Bar { Position = (i * 3) + 0, Value = rate, FillColor = ChartPalette.Gain, LineWidth = 0, Size = 0.9 });
            ChartStyle.Label(plot, t.Number(rate, 1), (i * 3) + 0, rate, Alignment.LowerCenter, ChartPalette.Gain, bold: true).OffsetY = -3;
            if (l.ParPercent is { } par)
            {
                parBars.Add(new Bar { Position = (i * 3) + 1, Value = par, FillColor = ChartPalette.Par.WithAlpha(110), LineWidth = 0, Size = 0.9 });
                ChartStyle.Label(plot, $"{l.ParCode}: {t.Number(par, 0)}", (i * 3) + 1, par, Alignment.LowerCenter, ChartPalette.Total).OffsetY = -3;
            }
        }

        var rates = plot.Add.Bars(rateBars);
        rates.LegendText = t.OnTimeRateLegend;
        if (parBars.Count > 0)
        {
            plot.Add.Bars(parBars).LegendText = t.ParAppraisedLegend;
        }

        ChartStyle.ManualTicks(plot.Axes.Bottom, levels.Select((l, i) => ((i * 3) + 0.5, l.Level)));
        plot.Axes.SetLimitsX(-0.8, (levels.Count * 3) - 1.2);
        plot.Axes.SetLimitsY(0, 112);
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.YLabel(t.PercentAxis);
        plot.Title(t.ByLevel);
        ChartStyle.LegendBelow(plot);
        return plot;
    }

    private static Plot MonthPanel(Localization.ReportText t, IReadOnlyList<OnTimeMonth> months)
    {
        var plot = ChartStyle.NewPlot(t);
        var xs = months.Select((_, i) => (double)i).ToArray();
        var ys = months.Select(m => 100 * m.Rate!.Value).ToArray();
        var line = plot.Add.Scatter(xs, ys, ChartPalette.Gain);
        line.LineWidth = 2.5f;
        line.MarkerSize = 7;
        var multiYear = months.Select(m => m.Year).Distinct().Count() > 1;
        var every = months.Count > 24 ? 3 : months.Count > 12 ? 2 : 1;
        ChartStyle.ManualTicks(plot.Axes.Bottom, months.Select((m, i) => (i, m)).Where(p => p.i % every == 0)
            .Select(p => ((double)p.i, t.MonthLabel(p.m.Year, p.m.Month, multiYear))));
        var low = Math.Max(0, Math.Floor((ys.Min() - 5) / 5) * 5);
        plot.Axes.SetLimitsY(low, 100.5);
        plot.Axes.SetLimitsX(-0.5, months.Count - 0.5);
        plot.YLabel(t.PercentAxis);
        plot.XLabel(t.MonthAxis);
        plot.Title(t.ByMonth);
        return plot;
    }
}
