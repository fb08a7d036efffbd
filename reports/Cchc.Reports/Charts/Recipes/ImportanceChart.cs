using ScottPlot;

namespace Cchc.Reports.Charts;

/// <summary>Permutation importance of one feature: the mean increase of the held-out mean absolute error when it is
/// shuffled, its shuffle standard error, and — when known — its 90 % interval over refits on provinces drawn with
/// replacement (the whiskers then show that interval, which is what a reader should judge it by).</summary>
public sealed record ImportanceBar(string Name, double Mean, double StandardError, double? Low = null, double? High = null);

/// <summary>Held-out performance of a model or a baseline (mean; previous-year value).</summary>
public sealed record ModelMetric(string Name, bool IsBaseline, double RSquared, double MeanAbsoluteError);

/// <summary>Input of chart 7.</summary>
/// <param name="ModelName">The model whose importances the left panel shows (and the title names).</param>
/// <param name="BeatsBaselines">Whether that model beats every baseline significantly on held-out years (a paired test
/// over the years, decided by the analytics; the chart does not second-guess it).</param>
/// <param name="TargetName">What the model explains, e.g. "PAR rank".</param>
/// <param name="ErrorUnit">Unit of the mean absolute error, e.g. "places" or "points".</param>
/// <param name="HeldOutYears">The years whose rows were never seen in training (metrics are computed on them only).</param>
public sealed record ImportanceInput(
    string ModelName, bool BeatsBaselines, string TargetName, string ErrorUnit, IReadOnlyList<ImportanceBar> Features, IReadOnlyList<ModelMetric> Metrics,
    IReadOnlyList<int> HeldOutYears, int MaxFeatures = 12);

/// <summary>
/// Chart 7: permutation importance of the named model with its 90 % bootstrap intervals (or ±1 shuffle standard error
/// where no refits were made) (left), and held-out R² and MAE of the models against the baselines (right). The title
/// names the model and says plainly whether it beats the baselines. 1400 × 720 px.
/// </summary>
public static class ImportanceChart
{
    public const string Name = "07-model-importance";
    public const int Width = 1400;
    public const int Height = 720;

    public static ChartImage Render(ImportanceInput input, ChartContext context)
    {
        var t = context.Text;
        var baselines = input.Metrics.Where(m => m.IsBaseline).ToList();
        var model = input.Metrics.FirstOrDefault(m => !m.IsBaseline && m.Name == input.ModelName);
        if (model is null || baselines.Count == 0 || input.Features.Count == 0)
        {
            throw new ArgumentException("The importance chart needs features, the named model among the metrics and at least one baseline.", nameof(input));
        }

        var bestBaseline = baselines.MinBy(m => m.MeanAbsoluteError)!;
        var features = input.Features.OrderByDescending(f => f.Mean).Take(input.MaxFeatures).ToList();
        var beats = input.BeatsBaselines;
        var title = t.ImportanceTitle(input.TargetName, model, bestBaseline, beats, features[0]);
        var reading = t.ImportanceReading(input.HeldOutYears, features.Take(3).ToList(), beats);

        using var canvas = new ChartCanvas(Width, Height, title, context.Source);
        var columns = canvas.Columns(0.58, 0.42);
        canvas.Draw(ImportancePanel(t, model.Name, features, beats), columns[0]);
        var right = columns[1];
        var middle = right.Top + (right.Height / 2);
        canvas.Draw(MetricPanel(t, input.Metrics, m => m.RSquared, t.RSquaredAxis), new PixelRect(new Pixel(right.Left, right.Top), new Pixel(right.Right, middle)));
        canvas.Draw(MetricPanel(t, input.Metrics, m => m.MeanAbsoluteError, t.MaeAxis(input.ErrorUnit)), new PixelRect(new Pixel(right.Left, middle), new Pixel(right.Right, right.Bottom)));
        return new ChartImage(Name, title, reading, canvas.ToPng(), Width, Height);
    }

    private static Plot ImportancePanel(Localization.ReportText t, string model, IReadOnlyList<ImportanceBar> features, bool beats)
    {
        var plot = ChartStyle.NewPlot(t);
        var n = features.Count;
        var color = beats ? ChartPalette.Par : ChartPalette.Baseline;
        var bars = features.Select((f, i) => new Bar
        {
            Position = n - 1 - i, Value = f.Mean, FillColor = color, LineWidth = 0, Size = 0.6,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        var positions = features.Select((_, i) => (double)(n - 1 - i)).ToArray();
        var whiskers = plot.Add.ErrorBar(features.Select(f => f.Mean).ToArray(), positions, new double[n]);
        whiskers.XErrorPositive = features.Select(f => f.High is { } high ? Math.Max(0, high - f.Mean) : f.StandardError).ToArray();
        whiskers.XErrorNegative = features.Select(f => f.Low is { } low ? Math.Max(0, f.Mean - low) : f.StandardError).ToArray();
        whiskers.YErrorPositive = new double[n];
        whiskers.YErrorNegative = new double[n];
        whiskers.LineColor = ChartPalette.Text;
        whiskers.LineWidth = 1.5f;
        whiskers.CapSize = 8;
        plot.Add.VerticalLine(0, 1, ChartPalette.Text);
        ChartStyle.ManualTicks(plot.Axes.Left, features.Select((f, i) => ((double)(n - 1 - i), TextWrap.Shorten(f.Name, 32))));
        var lo = Math.Min(0, features.Min(f => f.Low ?? (f.Mean - f.StandardError)));
        var hi = Math.Max(1e-6, features.Max(f => f.High ?? (f.Mean + f.StandardError)));
        plot.Axes.SetLimitsX(lo - ((hi - lo) * 0.05), hi + ((hi - lo) * 0.08));
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Title(t.ImportancePanelTitle(model));
        plot.XLabel(features.Any(f => f.Low is not null) ? t.ImportanceAxisWithInterval : t.ImportanceAxis);
        return plot;
    }

    private static Plot MetricPanel(Localization.ReportText t, IReadOnlyList<ModelMetric> metrics, Func<ModelMetric, double> value, string label)
    {
        var plot = ChartStyle.NewPlot(t);
        var n = metrics.Count;
        var bars = metrics.Select((m, i) => new Bar
        {
            Position = n - 1 - i, Value = value(m), FillColor = m.IsBaseline ? ChartPalette.Baseline : ChartPalette.Par, LineWidth = 0, Size = 0.6,
        }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        var lo = Math.Min(0, metrics.Min(value));
        var hi = Math.Max(0, metrics.Max(value));
        var span = Math.Max(hi - lo, 1e-6);
        for (var i = 0; i < n; i++)
        {
            var v = value(metrics[i]);
            ChartStyle.Label(plot, t.Number(v, 2), v, n - 1 - i, v >= 0 ? Alignment.MiddleLeft : Alignment.MiddleRight, ChartPalette.Text).OffsetX = v >= 0 ? 4 : -4;
        }

        plot.Add.VerticalLine(0, 1, ChartPalette.Text);
        ChartStyle.ManualTicks(plot.Axes.Left, metrics.Select((m, i) => ((double)(n - 1 - i), TextWrap.Shorten(m.Name, 24))));
        plot.Axes.SetLimitsX(lo - (span * (lo < 0 ? 0.25 : 0.02)), hi + (span * 0.25));
        plot.Axes.SetLimitsY(-0.6, n - 0.4);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.XLabel(label);
        return plot;
    }
}
