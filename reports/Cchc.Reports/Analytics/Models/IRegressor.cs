namespace Cchc.Reports.Analytics.Models;

/// <summary>The one seam between the evaluation and a learner (ML.NET trainers, baselines, test doubles).</summary>
internal interface IRegressor
{
    string Name { get; }

    /// <summary>True for baselines (mean, previous-year value), false for learned models.</summary>
    bool IsBaseline { get; }

    IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount);
}

internal interface IFittedRegressor
{
    IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows);

    /// <summary>Per-feature contributions to one row's prediction; null when the learner cannot explain itself.</summary>
    IReadOnlyList<double>? Contributions(ModelRow row);
}
