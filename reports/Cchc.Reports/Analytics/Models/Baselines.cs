namespace Cchc.Reports.Analytics.Models;

/// <summary>Predicts the mean target of the training years.</summary>
internal sealed class MeanBaseline : IRegressor
{
    public string Name => "Baseline: mean";

    public bool IsBaseline => true;

    public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount) => new Fitted(training.Average(r => r.Target));

    private sealed class Fitted(double mean) : IFittedRegressor
    {
        public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) => rows.Select(_ => mean).ToList();

        public IReadOnlyList<double>? Contributions(ModelRow row) => null;
    }
}

/// <summary>Predicts the province's own target of the previous year (persistence). Rows without one are not scored
/// by any model, so every model and baseline is scored on the same rows.</summary>
internal sealed class PreviousYearBaseline : IRegressor
{
    public string Name => "Baseline: previous-year value";

    public bool IsBaseline => true;

    public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount) => new Fitted();

    private sealed class Fitted : IFittedRegressor
    {
        public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) =>
            rows.Select(r => r.PreviousTarget ?? throw new InvalidOperationException("The previous-year baseline scores only rows with a previous value.")).ToList();

        public IReadOnlyList<double>? Contributions(ModelRow row) => null;
    }
}
