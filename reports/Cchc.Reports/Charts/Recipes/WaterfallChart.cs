using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>One field's contribution (points) to the change of the total score.</summary>
/// <param name="MethodologyChange">The part of <paramref name="Change"/> a changed maximum explains (drawn hatched-grey
/// inside the bar); 0 when both years use the same methodology.</param>
public sealed record WaterfallBar(string Code, string Name, double Change, double MethodologyChange = 0);

/// <summary>Input of chart 3. Any difference between the total change and the sum of the steps is drawn as its own bar.</summary>
public sealed record WaterfallInput(
    string ProvinceName, string IndexName, int PreviousYear, int Year, double PreviousTotal, double Total, IReadOnlyList<WaterfallBar> Steps);

/// <summary>
/// Chart 3: waterfall of the year's score change by field, from last year's total (top) through each field's change
/// (blue up, vermillion down) to this year's total (bottom); the bars add up exactly. When the methodology changed, a
/// narrow grey bar inside each step shows the part its changed maximum explains. 1200 × 700 px.
/// </summary>
public static class WaterfallChart
{
    public const string Name = "03-score-waterfall";
    public const int Width = 1200;
    public const int Height = 700;

    /// <summary>Below this a difference between the total and its parts is rounding, not a missing part.</summary>
    public const double ResidualTolerance = 0.005;

    public static ChartImage Render(WaterfallInput input, ChartContext context)
    {
        var t = context.Text;
        var steps = input.Steps.ToList();
        var residual = input.Total - input.PreviousTotal - steps.Sum(s => s.Change);
        if (Math.Abs(residual) >= ResidualTolerance)
        {
            steps.Add(new WaterfallBar("", t.Unallocated, residual));
        }

        var change = input.Total - input.PreviousTotal;
        var title = t.WaterfallTitle(input.ProvinceName, input.IndexName, input.PreviousYear, input.Year, input.PreviousTotal, input.Total, steps.MaxBy(s => Math.Abs(s.Change)));
        var reading = t.WaterfallReading(
            steps.Count(s => s.Change > 0), steps.Where(s => s.Change > 0).Sum(s => s.Change),
            steps.Count(s => s.Change < 0), steps.Where(s => s.Change < 0).Sum(s => s.Change), change, steps.Sum(s => s.MethodologyChange));

        var plot = ChartStyle.NewPlot(t);
        var rows = steps.Count + 2;
        var running = input.PreviousTotal;
        var levels = new List<double> { running };
        foreach (var s in steps)
        {
            running += s.Change;
            levels.Add(running);
        }

        levels.Add(input.Total);
        var lo = levels.Min();
        var hi = levels.Max();
        var pad = Math.Max((hi - lo) * 0.25, 1.0);
        var axisMin = Math.Max(0, lo - pad);
        var bars = new List<Bar>
        {
            new() { Position = rows - 1, ValueBase = axisMin, Value = input.PreviousTotal, FillColor = ChartPalette.Total, LineWidth = 0, Size = 0.65 },
        };
        var labels = new List<(double, string)> { (rows - 1, t.TotalOfYear(input.PreviousYear)) };
        ChartStyle.Label(plot, t.Number(input.PreviousTotal), input.PreviousTotal, rows - 1, Alignment.MiddleLeft, ChartPalette.Total, bold: true).OffsetX = 4;
        running = input.PreviousTotal;
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            double y = rows - 2 - i;
            var color = s.Change >= 0 ? ChartPalette.Gain : ChartPalette.Loss;
            bars.Add(new Bar { Position = y, ValueBase = running, Value = running + s.Change, FillColor = color, LineWidth = 0, Size = 0.65 });
            if (s.MethodologyChange != 0)
            {
                // The methodology's share of the change: a narrow grey bar inside, from the same start.
                bars.Add(new Bar { Position = y, ValueBase = running, Value = running + s.MethodologyChange, FillColor = ChartPalette.Baseline, LineWidth = 0, Size = 0.25 });
            }

            var end = Math.Max(Math.Max(running, running + s.Change), running + s.MethodologyChange);
            ChartStyle.Label(plot, t.WithSign(s.Change), end, y, Alignment.MiddleLeft, color, bold: true).OffsetX = 4;
            labels.Add((y, TextWrap.Shorten(s.Code.Length > 0 ? $"{s.Code} {s.Name}" : s.Name, 34)));
            running += s.Change;
        }

        bars.Add(new Bar { Position = 0, ValueBase = axisMin, Value = input.Total, FillColor = ChartPalette.Total, LineWidth = 0, Size = 0.65 });
        labels.Add((0, t.TotalOfYear(input.Year)));
        ChartStyle.Label(plot, t.Number(input.Total), input.Total, 0, Alignment.MiddleLeft, ChartPalette.Total, bold: true).OffsetX = 4;
        plot.Add.Bars(bars).Horizontal = true;

        ChartStyle.ManualTicks(plot.Axes.Left, labels);
        plot.Axes.SetLimitsX(axisMin, hi + pad);
        plot.Axes.SetLimitsY(-0.6, rows - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.XLabel(t.ScoreAxisTruncated(input.IndexName, axisMin > 0));

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        canvas.Draw(plot);
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }
}
