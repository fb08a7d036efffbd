using Cchc.Reports.Localization;
using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>One field: every province's score and the focus province's, out of <paramref name="MaxPoints"/>.</summary>
public sealed record FieldDistribution(string Code, string Name, double MaxPoints, IReadOnlyList<double> Scores, double ProvinceScore);

/// <summary>Input of chart 5.</summary>
public sealed record DistributionInput(string ProvinceName, string IndexName, int Year, IReadOnlyList<FieldDistribution> Fields);

/// <summary>
/// Chart 5: the province against all provinces per field, as % of the field's maximum: a box (quartiles, median,
/// range) and one grey dot per province, the province as a vermillion diamond. 1200 × 680 px.
/// </summary>
public static class DistributionChart
{
    public const string Name = "05-field-distribution";
    public const int Width = 1200;
    public const int Height = 680;

    public static ChartImage Render(DistributionInput input, ChartContext context)
    {
        var t = context.Text;
        var fields = input.Fields.Where(f => f.MaxPoints > 0 && f.Scores.Count > 0).ToList();
        if (fields.Count == 0)
        {
            throw new ArgumentException("The distribution needs at least one field with a maximum and scores.", nameof(input));
        }

        var standings = fields.Select(f => new FieldStanding(
            f.Code, f.Name,
            Percent(f.ProvinceScore, f),
            Percent(Quantile(f.Scores, 0.5), f),
            1 + f.Scores.Count(s => s > f.ProvinceScore + 1e-9),
            f.Scores.Count)).ToList();
        var title = t.DistributionTitle(input.ProvinceName, standings);
        var reading = t.DistributionReading(input.ProvinceName, standings);

        var plot = ChartStyle.NewPlot(t);
        var boxes = new List<Box>();
        var dotsX = new List<double>();
        var dotsY = new List<double>();
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var sorted = f.Scores.Select(s => Percent(s, f)).Order().ToList();
            boxes.Add(new Box
            {
                Position = i, BoxMin = Quantile(sorted, 0.25), BoxMax = Quantile(sorted, 0.75), BoxMiddle = Quantile(sorted, 0.5),
                WhiskerMin = sorted[0], WhiskerMax = sorted[^1], Width = 0.5,
            });
            for (var k = 0; k < sorted.Count; k++)
            {
                dotsX.Add(i + Jitter(k, sorted.Count));
                dotsY.Add(sorted[k]);
            }
        }

        var boxPlot = plot.Add.Boxes(boxes);
        boxPlot.FillColor = ChartPalette.Grid.WithAlpha(180);
        boxPlot.LineColor = ChartPalette.MutedText;
        var dots = plot.Add.Markers(dotsX.ToArray(), dotsY.ToArray(), MarkerShape.FilledCircle, 5, ChartPalette.Peers.WithAlpha(170));
        dots.LegendText = t.AllProvinces(fields.Max(f => f.Scores.Count));
        var focusX = Enumerable.Range(0, fields.Count).Select(i => (double)i).ToArray();
        var focusY = standings.Select(s => s.ProvincePercent).ToArray();
        var focus = plot.Add.Markers(focusX, focusY, MarkerShape.FilledDiamond, 16, ChartPalette.Focus);
        focus.LegendText = input.ProvinceName;
        for (var i = 0; i < fields.Count; i++)
        {
            var label = ChartStyle.Label(plot, ReportText.RankOf(standings[i].Rank, standings[i].Of), i + 0.1, standings[i].ProvincePercent, Alignment.MiddleLeft, ChartPalette.Focus, bold: true);
            label.LabelBackgroundColor = Colors.White.WithAlpha(210);
        }

        ChartStyle.ManualTicks(plot.Axes.Bottom, fields.Select((f, i) => ((double)i, TextWrap.TwoLines(f.Code, f.Name, fields.Count > 8 ? 12 : 16))));
        plot.Axes.SetLimitsX(-0.6, fields.Count - 0.4);
        var low = Math.Max(0, Math.Floor((Math.Min(dotsY.Min(), focusY.Min()) - 5) / 10) * 10);
        plot.Axes.SetLimitsY(low, 104);
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.YLabel(t.PercentOfMaxAxis);
        ChartStyle.Legend(plot, Alignment.LowerRight);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        canvas.Draw(plot);
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }

    internal static double Quantile(IReadOnlyList<double> values, double q)
    {
        var sorted = values.Order().ToList();
        var pos = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(pos);
        var hi = (int)Math.Ceiling(pos);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (pos - lo));
    }

    private static double Percent(double score, FieldDistribution f) => 100.0 * score / f.MaxPoints;

    /// <summary>Deterministic spread of the dots within a field's column (no random numbers, same picture every run).</summary>
    private static double Jitter(int k, int count) => count <= 1 ? 0 : (((k * 7919) % count) / (double)(count - 1) - 0.5) * 0.36;

}

/// <summary>Where the province stands in one field, for the title and reading of chart 5.</summary>
public sealed record FieldStanding(string Code, string Name, double ProvincePercent, double MedianPercent, int Rank, int Of)
{
    public double GapToMedian => ProvincePercent - MedianPercent;
}
