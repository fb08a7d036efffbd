using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>One province in a scatter panel.</summary>
public sealed record ScatterPoint(string ProvinceName, double X, double Y, bool IsFocus);

/// <summary>One panel: an index (Y, e.g. PAR) against another (X, e.g. PCI) across provinces in the same year.</summary>
public sealed record ScatterPanel(string XIndexName, string YIndexName, IReadOnlyList<ScatterPoint> Points);

/// <summary>Input of chart 10.</summary>
public sealed record ScatterInput(string ProvinceName, int Year, IReadOnlyList<ScatterPanel> Panels);

/// <summary>
/// Chart 10: PAR against PCI and PAPI across provinces (one panel each), the province marked and named, Pearson's r and
/// the number of provinces in each panel's title, with the least-squares line. 1400 × 660 px.
/// </summary>
public static class ScatterChart
{
    public const string Name = "10-index-scatter";
    public const int Width = 1400;
    public const int Height = 660;

    public static ChartImage Render(ScatterInput input, ChartContext context)
    {
        var t = context.Text;
        var panels = input.Panels.Where(p => p.Points.Count >= 3).ToList();
        if (panels.Count == 0)
        {
            throw new ArgumentException("A scatter panel needs at least three provinces with both indices.", nameof(input));
        }

        var correlations = panels.Select(p => new Correlation(p.XIndexName, p.YIndexName, Pearson(p.Points), p.Points.Count)).ToList();
        var title = t.ScatterTitle(input.Year, correlations);
        var reading = t.ScatterReading(input.ProvinceName, panels.Select(p => (p.XIndexName, p.YIndexName, FocusRanks(p))).ToList());

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        var columns = canvas.Columns(panels.Select(_ => 1.0).ToArray());
        for (var i = 0; i < panels.Count; i++)
        {
            canvas.Draw(Panel(t, panels[i], correlations[i]), columns[i]);
        }

        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }

    /// <summary>Pearson's correlation coefficient (NaN when either variable is constant).</summary>
    public static double Pearson(IReadOnlyList<ScatterPoint> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var sxy = points.Sum(p => (p.X - mx) * (p.Y - my));
        var sxx = points.Sum(p => (p.X - mx) * (p.X - mx));
        var syy = points.Sum(p => (p.Y - my) * (p.Y - my));
        return sxx <= 0 || syy <= 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }

    private static (int XRank, int YRank, int Of)? FocusRanks(ScatterPanel panel)
    {
        var focus = panel.Points.FirstOrDefault(p => p.IsFocus);
        return focus is null ? null
            : (1 + panel.Points.Count(p => p.X > focus.X + 1e-9), 1 + panel.Points.Count(p => p.Y > focus.Y + 1e-9), panel.Points.Count);
    }

    private static Plot Panel(Localization.ReportText t, ScatterPanel panel, Correlation correlation)
    {
        var plot = ChartStyle.NewPlot(t);
        var others = panel.Points.Where(p => !p.IsFocus).ToList();
        var peers = plot.Add.Markers(others.Select(p => p.X).ToArray(), others.Select(p => p.Y).ToArray(), MarkerShape.FilledCircle, 7, ChartPalette.Peers);
        peers.LegendText = t.OtherProvinces;

        var xs = panel.Points.Select(p => p.X).ToList();
        var mx = xs.Average();
        var my = panel.Points.Average(p => p.Y);
        var sxx = panel.Points.Sum(p => (p.X - mx) * (p.X - mx));
        if (sxx > 0)
        {
            var slope = panel.Points.Sum(p => (p.X - mx) * (p.Y - my)) / sxx;
            var fit = plot.Add.Line(xs.Min(), my + (slope * (xs.Min() - mx)), xs.Max(), my + (slope * (xs.Max() - mx)));
            fit.LineColor = ChartPalette.MutedText;
            fit.LinePattern = LinePattern.Dashed;
            fit.LineWidth = 1.5f;
            fit.LegendText = t.TrendLine;
        }

        foreach (var f in panel.Points.Where(p => p.IsFocus))
        {
            var marker = plot.Add.Marker(f.X, f.Y, MarkerShape.FilledDiamond, 16, ChartPalette.Focus);
            marker.LegendText = f.ProvinceName;
            ChartStyle.Label(plot, f.ProvinceName, f.X, f.Y, Alignment.LowerLeft, ChartPalette.Focus, bold: true).OffsetX = 8;
        }

        plot.Title(t.ScatterPanelTitle(correlation));
        plot.XLabel(t.IndexPointsAxis(panel.XIndexName));
        plot.YLabel(t.IndexPointsAxis(panel.YIndexName));
        ChartStyle.LegendBelow(plot);
        return plot;
    }
}

/// <summary>Pearson's r between two indices across <see cref="Provinces"/> provinces.</summary>
public sealed record Correlation(string XIndexName, string YIndexName, double R, int Provinces);
