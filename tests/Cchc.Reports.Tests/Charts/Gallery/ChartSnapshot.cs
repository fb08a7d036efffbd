using System.Globalization;
using System.Text;
using Cchc.Reports.Charts;
using ScottPlot;
using ScottPlot.Plottables;

namespace Cchc.Reports.Tests.Charts.Gallery;

/// <summary>
/// What a chart says, as text a person can review in a diff: its title, reading and source, and for every panel the
/// axis titles, limits and tick labels and each plottable's values, positions, labels and colours, read from the
/// ScottPlot plots after they were drawn. Numbers are invariant and rounded to three decimals, so the text is the same
/// on every machine.
/// </summary>
internal static class ChartSnapshot
{
    public static string Of(ChartImage chart, string language, ChartContext context, IReadOnlyList<Plot> panels)
    {
        var w = new StringBuilder();
        w.Append("chart: ").Append(chart.Name).Append(" (").Append(language).Append(')').Append('\n');
        w.Append("size: ").Append(chart.Width).Append(" × ").Append(chart.Height).Append(" px\n");
        w.Append("title: ").Append(chart.Title).Append('\n');
        w.Append("reading: ").Append(chart.Reading).Append('\n');
        w.Append("source: ").Append(context.Source).Append('\n');
        for (var i = 0; i < panels.Count; i++)
        {
            w.Append('\n').Append("## panel ").Append(i + 1).Append(" of ").Append(panels.Count).Append('\n');
            Panel(w, panels[i]);
        }

        return w.ToString();
    }

    /// <summary>Invariant, at most three decimals, and never "-0" (a rounding sign is not a difference).</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var rounded = Math.Round(value, 3, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("0.###", CultureInfo.InvariantCulture);
    }

    private static void Panel(StringBuilder w, Plot plot)
    {
        var title = plot.Axes.Title.Label.Text;
        w.Append("panel title: ").Append(Quote(title)).Append('\n');
        foreach (var axis in plot.Axes.GetAxes().Where(Shown))
        {
            Axis(w, axis);
        }

        foreach (var bar in plot.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>())
        {
            w.Append("colour bar ").Append(bar.Edge.ToString().ToLowerInvariant()).Append(": title ").Append(Quote(bar.Label)).Append('\n');
            Ticks(w, bar.Axis.TickGenerator);
        }

        var named = plot.GetPlottables().Any(p => p.LegendItems.Any(i => !string.IsNullOrEmpty(i.LabelText)));
        var outside = plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().FirstOrDefault(p => p.IsVisible);
        var legend = !named ? "none" : outside is not null ? $"beside the plot ({outside.Edge.ToString().ToLowerInvariant()})" : plot.Legend.IsVisible ? "in the plot" : "hidden";
        w.Append("legend: ").Append(legend).Append('\n');
        foreach (var plottable in plot.GetPlottables())
        {
            Plottable(w, plottable);
        }
    }

    /// <summary>An axis a reader sees: one with a title or tick labels (the frame-only top and right axes are left out).</summary>
    private static bool Shown(IAxis axis) =>
        axis.IsVisible && (axis.Label.Text.Length > 0 || (axis.TickLabelStyle.IsVisible && axis.TickGenerator.Ticks.Any(t => t.IsMajor && t.Label.Length > 0)));

    private static void Axis(StringBuilder w, IAxis axis)
    {
        var edge = axis.Edge.ToString().ToLowerInvariant();
        var inverted = axis.Range.Min > axis.Range.Max ? " (inverted)" : "";
        w.Append("axis ").Append(edge).Append(": title ").Append(Quote(axis.Label.Text))
            .Append("; limits ").Append(Number(axis.Range.Min)).Append(" → ").Append(Number(axis.Range.Max)).Append(inverted).Append('\n');
        if (!axis.TickLabelStyle.IsVisible)
        {
            return;
        }

        Ticks(w, axis.TickGenerator);
    }

    private static void Ticks(StringBuilder w, ITickGenerator ticks)
    {
        foreach (var tick in ticks.Ticks.Where(t => t.IsMajor).OrderBy(t => t.Position))
        {
            w.Append("  tick ").Append(Number(tick.Position)).Append(": ").Append(Quote(tick.Label)).Append('\n');
        }
    }

    private static void Plottable(StringBuilder w, IPlottable plottable)
    {
        switch (plottable)
        {
            case BarPlot bars:
                w.Append("bars (").Append(bars.Bars.Count > 0 ? bars.Bars[0].Orientation.ToString().ToLowerInvariant() : "none").Append(')').Append(Legend(bars.LegendText)).Append('\n');
                foreach (var b in bars.Bars)
                {
                    w.Append("  at ").Append(Number(b.Position)).Append(": ").Append(Number(b.ValueBase)).Append(" → ").Append(Number(b.Value))
                        .Append(", width ").Append(Number(b.Size)).Append(", ").Append(Hex(b.FillColor)).Append('\n');
                }

                break;
            case ErrorBar whiskers:
                w.Append("error bars").Append('\n');
                for (var i = 0; i < whiskers.Xs.Count; i++)
                {
                    w.Append("  (").Append(Number(whiskers.Xs[i])).Append(", ").Append(Number(whiskers.Ys[i])).Append(')')
                        .Append(" x −").Append(Number(At(whiskers.XErrorNegative, i))).Append(" +").Append(Number(At(whiskers.XErrorPositive, i)))
                        .Append(YError(whiskers, i)).Append('\n');
                }

                break;
            case Text text:
                w.Append("text ").Append(Quote(text.LabelText)).Append(" at ").Append(Point(text.Location)).Append(", ")
                    .Append(text.Alignment).Append(", ").Append(Hex(text.LabelFontColor)).Append(text.LabelBold ? ", bold" : "").Append('\n');
                break;
            case Scatter scatter:
                w.Append("line ").Append(scatter.ConnectStyle).Append(", ").Append(Hex(scatter.Color)).Append(Legend(scatter.LegendText)).Append('\n');
                Points(w, scatter.Data.GetScatterPoints());
                break;
            case Markers markers:
                w.Append("markers ").Append(markers.MarkerStyle.Shape).Append(", ").Append(Hex(markers.MarkerStyle.FillColor)).Append(Legend(markers.LegendText)).Append('\n');
                Points(w, markers.Data.GetScatterPoints());
                break;
            case Marker marker:
                w.Append("marker ").Append(marker.MarkerStyle.Shape).Append(" at ").Append(Point(marker.Location)).Append(", ")
                    .Append(Hex(marker.MarkerStyle.FillColor)).Append(Legend(marker.LegendText)).Append('\n');
                break;
            case LinePlot line:
                w.Append("segment ").Append(Point(line.Start)).Append(" → ").Append(Point(line.End)).Append(", ").Append(Pattern(line.LinePattern)).Append(", ")
                    .Append(Hex(line.LineColor)).Append(Legend(line.LegendText)).Append('\n');
                break;
            case HorizontalLine h:
                w.Append("horizontal line y = ").Append(Number(h.Y)).Append(", ").Append(Pattern(h.LinePattern)).Append(", ").Append(Hex(h.LineColor)).Append(Legend(h.LegendText)).Append('\n');
                break;
            case VerticalLine v:
                w.Append("vertical line x = ").Append(Number(v.X)).Append(", ").Append(Pattern(v.LinePattern)).Append(", ").Append(Hex(v.LineColor)).Append(Legend(v.LegendText)).Append('\n');
                break;
            case BoxPlot boxes:
                w.Append("boxes").Append(Legend(boxes.LegendText)).Append('\n');
                foreach (var b in boxes.Boxes)
                {
                    w.Append("  at ").Append(Number(b.Position)).Append(": whiskers ").Append(Number(b.WhiskerMin ?? double.NaN)).Append(" – ").Append(Number(b.WhiskerMax ?? double.NaN))
                        .Append(", box ").Append(Number(b.BoxMin)).Append(" – ").Append(Number(b.BoxMax)).Append(", middle ").Append(Number(b.BoxMiddle ?? double.NaN)).Append('\n');
                }

                break;
            case Heatmap heatmap:
                Cells(w, heatmap);
                break;
            case ScottPlot.Plottables.Rectangle rectangle:
                var r = rectangle.CoordinateRect;
                w.Append("rectangle x ").Append(Number(r.Left)).Append(" – ").Append(Number(r.Right)).Append(", y ").Append(Number(r.Bottom)).Append(" – ").Append(Number(r.Top))
                    .Append(", outline ").Append(Hex(rectangle.LineColor)).Append(", fill ").Append(Hex(rectangle.FillColor)).Append('\n');
                break;
            default:
                throw new NotSupportedException(
                    $"The chart snapshot does not read {plottable.GetType().Name} yet: add a case to {nameof(ChartSnapshot)} so its data is pinned.");
        }
    }

    private static void Cells(StringBuilder w, Heatmap heatmap)
    {
        var cells = heatmap.Intensities;
        var range = heatmap.ManualRange;
        w.Append("heatmap ").Append(cells.GetLength(0)).Append(" rows × ").Append(cells.GetLength(1)).Append(" columns, colour range ")
            .Append(range is { } m ? $"{Number(m.Min)} – {Number(m.Max)}" : "automatic").Append(", ").Append(heatmap.Colormap.Name)
            .Append("; row 0 at the top").Append('\n');
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            w.Append("  row ").Append(r).Append(':');
            for (var c = 0; c < cells.GetLength(1); c++)
            {
                w.Append(' ').Append(Number(cells[r, c]));
            }

            w.Append('\n');
        }
    }

    private static void Points(StringBuilder w, IReadOnlyList<Coordinates> points)
    {
        foreach (var p in points)
        {
            w.Append("  ").Append(Point(p)).Append('\n');
        }
    }

    /// <summary>The vertical part of a whisker, left out when it is zero (the recipes' whiskers are horizontal).</summary>
    private static string YError(ErrorBar whiskers, int i)
    {
        var (low, high) = (At(whiskers.YErrorNegative, i), At(whiskers.YErrorPositive, i));
        return low == 0 && high == 0 ? "" : $", y −{Number(low)} +{Number(high)}";
    }

    private static double At(IReadOnlyList<double>? values, int i) => values is null || values.Count == 0 ? 0 : values[i];

    /// <summary>The pattern's name; ScottPlot's default (solid) pattern has none.</summary>
    private static string Pattern(LinePattern pattern) => string.IsNullOrEmpty(pattern.Name) ? "solid" : pattern.Name.ToLowerInvariant();

    private static string Point(Coordinates p) => $"({Number(p.X)}, {Number(p.Y)})";

    private static string Legend(string? text) => string.IsNullOrEmpty(text) ? "" : ", legend " + Quote(text);

    private static string Quote(string? text) => "\"" + (text ?? "").Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Hex(Color c) => c.A == 255 ? $"#{c.R:X2}{c.G:X2}{c.B:X2}" : $"#{c.R:X2}{c.G:X2}{c.B:X2}{c.A:X2}";
}
