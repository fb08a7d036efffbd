using Cchc.Reports.Localization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Cchc.Reports.Charts;

/// <summary>The look shared by every panel: the embedded font, sizes, grid, localised number ticks.</summary>
internal static class ChartStyle
{
    public const float AxisLabelSize = 15;
    public const float TickLabelSize = 13;
    public const float AnnotationSize = 13;
    public const float PanelTitleSize = 15;

    public static Plot NewPlot(ReportText text)
    {
        ChartFont.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(ChartFont.Family);
        plot.FigureBackground.Color = ChartPalette.Background;
        plot.DataBackground.Color = ChartPalette.Background;
        plot.Grid.MajorLineColor = ChartPalette.Grid;
        plot.Axes.Color(ChartPalette.MutedText);
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.ForeColor = ChartPalette.Text;
            axis.TickLabelStyle.FontSize = TickLabelSize;
            axis.TickLabelStyle.ForeColor = ChartPalette.Text;
        }

        plot.Axes.Bottom.TickGenerator = NumberTicks(text);
        plot.Axes.Left.TickGenerator = NumberTicks(text);
        plot.Axes.Title.Label.FontSize = PanelTitleSize;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Text;
        return plot;
    }

    /// <summary>Automatic ticks, written with the report language's decimal separator.</summary>
    public static NumericAutomatic NumberTicks(ReportText text, bool integersOnly = false) =>
        new() { LabelFormatter = text.Tick, IntegerTicksOnly = integersOnly };

    /// <summary>Ticks at exactly the given positions with the given labels (years, categories, ranks).</summary>
    public static void ManualTicks(IAxis axis, IEnumerable<(double Position, string Label)> ticks)
    {
        var generator = new NumericManual();
        foreach (var (position, label) in ticks)
        {
            generator.AddMajor(position, label);
        }

        axis.TickGenerator = generator;
    }

    /// <summary>One tick per year (every second year when there are many), never fractional years.</summary>
    public static void YearTicks(IAxis axis, int firstYear, int lastYear)
    {
        var step = lastYear - firstYear > 14 ? 2 : 1;
        ManualTicks(axis, Enumerable.Range(0, ((lastYear - firstYear) / step) + 1)
            .Select(i => firstYear + (i * step))
            .Select(y => ((double)y, y.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>Rank ticks for an inverted rank axis: 1 at the top, the number of provinces at the bottom.</summary>
    public static void RankTicks(IAxis axis, int provinces, IEnumerable<int>? extra = null)
    {
        var step = provinces > 40 ? 10 : 5;
        var ranks = new SortedSet<int> { 1, provinces };
        for (var r = step; r < provinces - (step / 2); r += step)
        {
            ranks.Add(r);
        }

        foreach (var e in extra ?? [])
        {
            ranks.Add(e);
        }

        ManualTicks(axis, ranks.Select(r => ((double)r, r.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    public static void Legend(Plot plot, Alignment alignment)
    {
        plot.ShowLegend(alignment);
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.FontSize = 13;
        plot.Legend.OutlineColor = ChartPalette.Grid;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(230);
    }

    /// <summary>A one-row legend under the plot, where it can never hide data.</summary>
    public static void LegendBelow(Plot plot)
    {
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.FontName = ChartFont.Family;
        plot.Legend.FontSize = 13;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    public static ScottPlot.Plottables.Text Label(Plot plot, string text, double x, double y, Alignment alignment, Color? color = null, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = ChartFont.Family;
        label.LabelFontSize = AnnotationSize;
        label.LabelFontColor = color ?? ChartPalette.Text;
        label.LabelBold = bold;
        label.Alignment = alignment;
        return label;
    }
}
