namespace Cchc.Reports.Analytics.Models;

/// <summary>
/// Leave-one-year-out cross-validation. For each year Y: the test rows are Y's rows; the training rows are every row
/// that shares no data year with them (for next-year targets that also drops the neighbouring years whose targets
/// use Y's or Y+1's ranks). Every model and baseline is scored only on held-out rows that have a previous-year value,
/// so all are compared on the same rows. Metrics (R², MAE) are pooled over the held-out predictions.
/// </summary>
public static class ModelEvaluator
{
    public static ModelReport Evaluate(ModelDataset dataset, ModelOptions options) =>
        Evaluate(dataset, options, [MlNetRegressor.FastTree(options.Seed), MlNetRegressor.Linear(options.Seed), new MeanBaseline(), new PreviousYearBaseline()]);

    internal static ModelReport Evaluate(ModelDataset dataset, ModelOptions options, IReadOnlyList<IRegressor> regressors)
    {
        var notes = new List<string>(dataset.Notes);
        ModelReport Unavailable(string reason) => new(dataset.Key, dataset.Title, dataset.TargetName, false, reason, dataset.FeatureNames,
            dataset.Years, dataset.Rows.Count, 0, options.Seed, [], [], null, [reason], false, notes, dataset.IsSynthetic);

        if (dataset.FeatureNames.Count == 0 || dataset.Rows.Count == 0)
        {
            return Unavailable("No data for this model: " + (notes.LastOrDefault() ?? "no rows."));
        }

        if (dataset.Years.Count < ModelOptions.MinimumYears)
        {
            return Unavailable($"Only {dataset.Years.Count} year(s) of data; holding out whole years needs at least {ModelOptions.MinimumYears}.");
        }

        var folds = BuildFolds(dataset, regressors, notes);
        var scored = folds.Sum(f => f.Scored.Count);
        if (scored == 0)
        {
            return Unavailable("No held-out row has a previous-year value, so the models cannot be compared with the baselines.");
        }

        var scores = regressors.Select((r, i) => Score(r, i, folds)).ToList();
        var importances = regressors.Select((r, i) => (r, i)).Where(x => !x.r.IsBaseline)
            .Select(x => PermutationImportance.Compute(x.r.Name, x.i, folds, dataset.FeatureNames, options))
            .ToList();
        var focus = Focus(dataset, options, regressors, folds);
        var (verdicts, anyBeats) = Verdicts(scores, dataset.TargetName);
        notes.Add($"Held-out scoring: {scored} rows in {folds.Count} held-out years; rows without a previous-year value are not scored.");
        return new ModelReport(dataset.Key, dataset.Title, dataset.TargetName, true, null, dataset.FeatureNames, dataset.Years,
            dataset.Rows.Count, scored, options.Seed, scores, importances, focus, verdicts, anyBeats, notes, dataset.IsSynthetic);
    }

    private static List<Fold> BuildFolds(ModelDataset dataset, IReadOnlyList<IRegressor> regressors, List<string> notes)
    {
        var folds = new List<Fold>();
        foreach (var year in dataset.Years)
        {
            var test = dataset.Rows.Where(r => r.Year == year).ToList();
            var testYears = test.SelectMany(r => r.DataYears).ToHashSet();
            var training = dataset.Rows.Where(r => !r.DataYears.Any(testYears.Contains)).ToList();
            if (training.Count < 10)
            {
                notes.Add($"{year}: only {training.Count} training rows once its data years are held out; not scored.");
                continue;
            }

            var scored = test.Where(r => r.PreviousTarget is not null).ToList();
            var fitted = regressors.Select(r => r.Fit(training, dataset.FeatureNames.Count)).ToList();
            var predictions = fitted.Select(f => scored.Count == 0 ? [] : f.Predict(scored)).ToList();
            folds.Add(new Fold(year, training.Count, test, scored, fitted, predictions));
        }

        return folds;
    }

    private static HeldOutScore Score(IRegressor regressor, int index, List<Fold> folds)
    {
        var actual = folds.SelectMany(f => f.Scored.Select(r => r.Target)).ToList();
        var predicted = folds.SelectMany(f => f.Predictions[index]).ToList();
        var byYear = folds.Where(f => f.Scored.Count > 0)
            .Select(f => new YearScore(f.Year, f.TrainingRows, f.Scored.Count,
                RegressionMetrics.R2(f.Scored.Select(r => r.Target).ToList(), f.Predictions[index]),
                RegressionMetrics.Mae(f.Scored.Select(r => r.Target).ToList(), f.Predictions[index])))
            .ToList();
        return new HeldOutScore(regressor.Name, regressor.IsBaseline, RegressionMetrics.R2(actual, predicted), RegressionMetrics.Mae(actual, predicted), actual.Count, byYear);
    }

    private static FocusExplanation? Focus(ModelDataset dataset, ModelOptions options, IReadOnlyList<IRegressor> regressors, List<Fold> folds)
    {
        var fold = folds.FirstOrDefault(f => f.Year == options.FocusYear);
        var row = fold?.Test.FirstOrDefault(r => r.Province.Key == options.FocusProvinceKey);
        if (fold is null || row is null)
        {
            return null;
        }

        var predictions = new List<FocusPrediction>();
        var contributions = new List<ModelContributions>();
        for (var i = 0; i < regressors.Count; i++)
        {
            if (regressors[i] is PreviousYearBaseline && row.PreviousTarget is null)
            {
                continue;
            }

            predictions.Add(new FocusPrediction(regressors[i].Name, fold.Fitted[i].Predict([row])[0]));
            if (fold.Fitted[i].Contributions(row) is { } c)
            {
                contributions.Add(new ModelContributions(regressors[i].Name,
                    dataset.FeatureNames.Select((name, j) => new FeatureContribution(name, row.Features[j], c[j]))
                        .OrderByDescending(x => Math.Abs(x.Contribution)).ToList()));
            }
        }

        return new FocusExplanation(row.Province, row.Year, row.Target, predictions, contributions);
    }

    private static (IReadOnlyList<string> Verdicts, bool AnyBeats) Verdicts(IReadOnlyList<HeldOutScore> scores, string target)
    {
        var baselines = scores.Where(s => s.IsBaseline).ToList();
        var verdicts = new List<string>();
        var anyBeats = false;
        foreach (var model in scores.Where(s => !s.IsBaseline))
        {
            var beaten = baselines.Where(b => model.Mae < b.Mae && (model.R2 ?? double.MinValue) > (b.R2 ?? double.MinValue)).ToList();
            var comparison = string.Join("; ", baselines.Select(b => FormattableString.Invariant($"{b.Model} MAE {b.Mae:0.##}, R² {Format(b.R2)}")));
            if (beaten.Count == baselines.Count)
            {
                anyBeats = true;
                verdicts.Add(FormattableString.Invariant($"{model.Model} beats every baseline on held-out years (MAE {model.Mae:0.##}, R² {Format(model.R2)}; {comparison})."));
            }
            else
            {
                var notBeaten = baselines.Except(beaten).Select(b => b.Model.Replace("Baseline: ", string.Empty, StringComparison.Ordinal));
                verdicts.Add($"{model.Model} does NOT beat the {string.Join(" and ", notBeaten)} baseline on held-out years " +
                             FormattableString.Invariant($"(MAE {model.Mae:0.##}, R² {Format(model.R2)}; {comparison}): ") + $"it adds nothing over the baseline for predicting {target}, " +
                             "and its importances should not be read as drivers.");
            }
        }

        return (verdicts, anyBeats);
    }

    private static string Format(double? r2) => r2 is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}

/// <summary>One held-out year: its rows, the fitted learners and their predictions on the scored rows.</summary>
internal sealed record Fold(int Year, int TrainingRows, IReadOnlyList<ModelRow> Test, IReadOnlyList<ModelRow> Scored,
    IReadOnlyList<IFittedRegressor> Fitted, IReadOnlyList<IReadOnlyList<double>> Predictions);
