using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>A column of the heatmap (a field).</summary>
public sealed record HeatmapColumn(string Code, string Name);

/// <summary>One province: its overall rank and each field's score as % of the field's maximum (null = no score).</summary>
public sealed record HeatmapRow(string ProvinceName, int Rank, IReadOnlyList<double?> PercentOfMax, bool IsFocus);

/// <summary>Input of chart 6. Rows are drawn in rank order, rank 1 at the top.</summary>
public sealed record HeatmapInput(string ProvinceName, string IndexName, int Year, IReadOnlyList<HeatmapColumn> Columns, IReadOnlyList<HeatmapRow> Rows);

/// <summary>
/// Chart 6: provinces × fields as % of max, provinces in rank order, the province outlined and marked with ▶.
/// 1200 × 1500 px (room for 64 rows).
/// </summary>
public static class HeatmapChart
{
    public const string Name = "06-heatmap";
    public const int Width = 1200;
    public const int Height = 1500;

    public static ChartImage Render(HeatmapInput input, ChartContext context)
    {
        var t = context.Text;
        var rows = input.Rows.OrderBy(r => r.Rank).ThenBy(r => r.ProvinceName, StringComparer.Ordinal).ToList();
        var focus = rows.FirstOrDefault(r => r.IsFocus)
            ?? throw new ArgumentException("The heatmap's rows do not contain the focus province.", nameof(input));
        var cols = input.Columns.Count;
        if (cols == 0 || rows.Any(r => r.PercentOfMax.Count != cols))
        {
            throw new ArgumentException("Every heatmap row needs one value per column.", nameof(input));
        }

        var fieldRanks = Enumerable.Range(0, cols).Select(c => focus.PercentOfMax[c] is not { } v ? (int?)null
            : 1 + rows.Count(r => r.PercentOfMax[c] is { } other && other > v + 1e-9)).ToList();
        var worst = Enumerable.Range(0, cols).Where(c => fieldRanks[c] is not null).MaxBy(c => fieldRanks[c]!.Value);
        var best = Enumerable.Range(0, cols).Where(c => fieldRanks[c] is not null).MinBy(c => fieldRanks[c]!.Value);
        var title = t.HeatmapTitle(input.ProvinceName, focus.Rank, rows.Count, input.Columns[worst], fieldRanks[worst]!.Value);
        var reading = t.HeatmapReading(input.ProvinceName, rows.Count, input.Columns[best], focus.PercentOfMax[best]!.Value, input.Columns[worst], focus.PercentOfMax[worst]!.Value);

        var plot = ChartStyle.NewPlot(t);
        var values = new double[rows.Count, cols];
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                values[r, c] = rows[r].PercentOfMax[c] ?? double.NaN;
            }
        }

        // Row 0 of the array is drawn at the top; without an explicit extent cell (r, c) is centred on (c, rows − 1 − r).
        var heatmap = plot.Add.Heatmap(values);
        var colormap = new ReversedColormap(new ScottPlot.Colormaps.Blues());
        var known = rows.SelectMany(r => r.PercentOfMax).OfType<double>().ToList();
        var range = new ScottPlot.Range(Math.Min(Math.Floor(known.Min() / 10) * 10, 90), 100);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        heatmap.NaNCellColor = ChartPalette.Grid;
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = t.PercentOfMaxAxis;
        colorBar.LabelStyle.FontName = ChartFont.Family;
        colorBar.LabelStyle.FontSize = ChartStyle.AxisLabelSize;
        var colorTicks = ChartStyle.NumberTicks(t);
        colorTicks.MaxTickCount = 8;
        colorBar.Axis.TickGenerator = colorTicks;
        colorBar.Axis.TickLabelStyle.FontSize = ChartStyle.TickLabelSize;

        var focusIndex = rows.IndexOf(focus);
        double focusY = rows.Count - 1 - focusIndex;
        var outline = plot.Add.Rectangle(-0.5, cols - 0.5, focusY - 0.5, focusY + 0.5);
        outline.FillColor = Colors.Transparent;
        outline.LineColor = ChartPalette.Focus;
        outline.LineWidth = 3;
        for (var c = 0; c < cols; c++)
        {
            if (focus.PercentOfMax[c] is { } v)
            {
                var cell = colormap.GetColor(Math.Clamp((v - range.Min) / (range.Max - range.Min), 0, 1));
                var dark = (0.299 * cell.R) + (0.587 * cell.G) + (0.114 * cell.B) < 140;
                ChartStyle.Label(plot, t.Number(v, 0), c, focusY, Alignment.MiddleCenter, dark ? Colors.White : ChartPalette.Text, bold: true);
            }
        }

        ChartStyle.ManualTicks(plot.Axes.Left, rows.Select((r, i) =>
            ((double)(rows.Count - 1 - i), (r.IsFocus ? "▶ " : "") + $"{r.Rank}. {r.ProvinceName}")));
        ChartStyle.ManualTicks(plot.Axes.Top, input.Columns.Select((c, i) => ((double)i, TextWrap.TwoLines(c.Code, c.Name, cols > 8 ? 11 : 14))));
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Top.IsVisible = true;
        plot.Axes.Top.TickLabelStyle.IsVisible = true;
        plot.Axes.Top.TickLabelStyle.FontSize = ChartStyle.TickLabelSize;
        plot.Axes.Top.MajorTickStyle.Length = 4;
        plot.Axes.Left.TickLabelStyle.FontSize = rows.Count > 40 ? 11 : 13;
        plot.Axes.SetLimits(-0.5, cols - 0.5, -0.5, rows.Count - 0.5);
        plot.Axes.SetLimitsX(-0.5, cols - 0.5, plot.Axes.Top);
        plot.Grid.IsVisible = false;

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        canvas.Draw(plot);
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }

}

/// <summary>A colormap read backwards, so that higher values are darker (more ink for a better score).</summary>
internal sealed class ReversedColormap(IColormap inner) : IColormap
{
    public string Name => inner.Name + " (reversed)";

    public Color GetColor(double position) => inner.GetColor(1 - position);
}
