namespace Cchc.Reports.Analytics.Models;

/// <summary>Predicts the mean target of the training years.</summary>
internal sealed class MeanBaseline : IRegressor
{
    public const string ModelName = "Baseline: mean";

    public string Name => ModelName;

    public bool IsBaseline => true;

    public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount) => new Fitted(training.Average(r => r.Target));

    private sealed class Fitted(double mean) : IFittedRegressor
    {
        public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) => rows.Select(_ => mean).ToList();

        public IReadOnlyList<double>? Contributions(ModelRow row) => null;
    }
}

/// <summary>Predicts the province's own mean target over the training years (the training mean for a province the
/// training years do not have): a province's level is persistent, so this is the baseline a driver must beat.</summary>
internal sealed class ProvinceMeanBaseline : IRegressor
{
    public const string ModelName = "Baseline: province mean";

    public string Name => ModelName;

    public bool IsBaseline => true;

    public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount) =>
        new Fitted(training.GroupBy(r => r.Province.Key).ToDictionary(g => g.Key, g => g.Average(r => r.Target)), training.Average(r => r.Target));

    private sealed class Fitted(Dictionary<int, double> means, double overall) : IFittedRegressor
    {
        public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) => rows.Select(r => means.GetValueOrDefault(r.Province.Key, overall)).ToList();

        public IReadOnlyList<double>? Contributions(ModelRow row) => null;
    }
}

/// <summary>Predicts the province's own target of the previous year (persistence). Rows without one are not scored
/// by any model, so every model and baseline is scored on the same rows.</summary>
internal sealed class PreviousYearBaseline : IRegressor
{
    public const string ModelName = "Baseline: previous-year value";

    public string Name => ModelName;

    public bool IsBaseline => true;

    public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount) => new Fitted();

    private sealed class Fitted : IFittedRegressor
    {
        public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) =>
            rows.Select(r => r.PreviousTarget ?? throw new InvalidOperationException("The previous-year baseline scores only rows with a previous value.")).ToList();

        public IReadOnlyList<double>? Contributions(ModelRow row) => null;
    }
}

/// <summary>
/// Mean reversion: the target from the current rank alone, by least squares over the training rows
/// (target = a + b × current rank). A province ranked high tends to slip and one ranked low to climb, whatever its
/// profile; a model of next year's change has to beat this to show anything else.
/// </summary>
internal sealed class MeanReversionBaseline : IRegressor
{
    public const string ModelName = "Baseline: mean reversion";

    public string Name => ModelName;

    public bool IsBaseline => true;

    public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount)
    {
        var rows = training.Where(r => r.CurrentRank is not null).ToList();
        if (rows.Count < 2)
        {
            return new Fitted(training.Average(r => r.Target), 0);
        }

        var meanX = rows.Average(r => r.CurrentRank!.Value);
        var meanY = rows.Average(r => r.Target);
        var sxx = rows.Sum(r => (r.CurrentRank!.Value - meanX) * (r.CurrentRank!.Value - meanX));
        var slope = sxx == 0 ? 0 : rows.Sum(r => (r.CurrentRank!.Value - meanX) * (r.Target - meanY)) / sxx;
        return new Fitted(meanY - (slope * meanX), slope);
    }

    private sealed class Fitted(double intercept, double slope) : IFittedRegressor
    {
        public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) =>
            rows.Select(r => intercept + (slope * (r.CurrentRank ?? throw new InvalidOperationException("Mean reversion scores only rows with a current rank.")))).ToList();

        public IReadOnlyList<double>? Contributions(ModelRow row) => null;
    }
}
