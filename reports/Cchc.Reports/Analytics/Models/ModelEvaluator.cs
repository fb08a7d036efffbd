namespace Cchc.Reports.Analytics.Models;

/// <summary>
/// Scores learned models and baselines on held-out years, as the dataset's <see cref="ModelDataset.Validation"/> says:
/// <list type="bullet">
/// <item><b>Leave-one-year-out</b> (cross-index targets): each year Y in turn is tested on; the training rows are every
/// row that shares no data year with Y's rows.</item>
/// <item><b>Forward chaining</b> (next-year targets): each year t in turn is tested on; the training rows are those
/// of years before t whose data are all known by the end of t (a forecast made at the end of t), with at least
/// <see cref="ModelOptions.MinimumTrainingYears"/> years of them.</item>
/// </list>
/// Every model and baseline is scored only on held-out rows that have a previous-year value and a current rank, so all
/// are compared on the same rows. Metrics (R², MAE) are pooled over the held-out predictions; each model is then compared
/// with each baseline by a paired test over the held-out years, and "beats" is said only when the model is
/// significantly better than every baseline. Importances are permutation importances on the held-out years, with
/// intervals from refitting everything on provinces drawn with replacement.
/// </summary>
internal static class ModelEvaluator
{
    public static ModelReport Evaluate(ModelDataset dataset, ModelOptions options) =>
        Evaluate(dataset, options,
        [
            MlNetRegressor.FastTree(options.Seed), MlNetRegressor.Linear(options.Seed),
            new MeanBaseline(), new ProvinceMeanBaseline(), new PreviousYearBaseline(), new MeanReversionBaseline(),
        ]);

    internal static ModelReport Evaluate(ModelDataset dataset, ModelOptions options, IReadOnlyList<IRegressor> regressors)
    {
        var notes = new List<string>(dataset.Notes);
        ModelReport Unavailable(string reason) => new(dataset.Key, dataset.Title, dataset.TargetName, false, reason, dataset.Validation, dataset.FeatureNames,
            dataset.Years, dataset.Rows.Count, 0, options.Seed, [], [], null, [], null, [reason], false, notes, dataset.IsSynthetic);

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
        var comparisons = Compare(regressors, folds, options);
        var shown = scores.Where(s => !s.IsBaseline).OrderBy(s => s.Mae).Select(s => s.Model).FirstOrDefault();
        // Refits are what an importance is judged by, and they are costly: they are made for the model to read.
        var importances = regressors.Select((r, i) => (r, i)).Where(x => !x.r.IsBaseline)
            .Select(x => PermutationImportance.Compute(x.r.Name, x.i, folds, dataset.FeatureNames, options))
            .Select(imp => imp.Model == shown ? WithBootstrap(imp, regressors.Single(r => r.Name == shown), dataset, options) : imp)
            .ToList();
        var focus = Focus(dataset, options, regressors, folds);
        var (verdicts, anyBeats) = Verdicts(scores, comparisons, dataset.TargetName, options);
        notes.Add(dataset.Validation == ValidationScheme.ForwardChaining
            ? $"Held-out scoring by forward chaining: {scored} rows in {folds.Count} held-out years, each predicted by models trained only on earlier years."
            : $"Held-out scoring by leaving one year out: {scored} rows in {folds.Count} held-out years.");
        notes.Add("Rows without a previous-year value or a current rank are not scored.");
        return new ModelReport(dataset.Key, dataset.Title, dataset.TargetName, true, null, dataset.Validation, dataset.FeatureNames, dataset.Years,
            dataset.Rows.Count, scored, options.Seed, scores, comparisons, shown, importances, focus, verdicts, anyBeats, notes, dataset.IsSynthetic,
            dataset.FeatureNamesVi);
    }

    /// <param name="yearBlocks">Hold out this many blocks of years instead of every year in turn (leave-one-year-out
    /// only; refits for the bootstrap use it to stay affordable). Null: every year.</param>
    internal static List<Fold> BuildFolds(ModelDataset dataset, IReadOnlyList<IRegressor> regressors, List<string>? notes, int? yearBlocks = null)
    {
        var specs = new List<(int Year, List<ModelRow> Training, List<ModelRow> Test, List<ModelRow> Scored)>();
        var years = dataset.Years;
        var groups = yearBlocks is { } k && k > 0 && k < years.Count && dataset.Validation == ValidationScheme.LeaveOneYearOut
            ? years.Select((y, i) => (y, i)).GroupBy(x => x.i % k).Select(g => g.Select(x => x.y).ToHashSet()).ToList()
            : years.Select(y => new HashSet<int> { y }).ToList();
        foreach (var group in groups)
        {
            var year = group.Min();
            var test = dataset.Rows.Where(r => group.Contains(r.Year)).ToList();
            List<ModelRow> training;
            if (dataset.Validation == ValidationScheme.ForwardChaining)
            {
                training = dataset.Rows.Where(r => r.Year < year && r.DataYears.All(y => y <= year)).ToList();
                var earlier = training.Select(r => r.Year).Distinct().Count();
                if (earlier < ModelOptions.MinimumTrainingYears)
                {
                    notes?.Add($"{year}: only {earlier} earlier year(s) to train on; forward chaining starts later.");
                    continue;
                }
            }
            else
            {
                var testYears = test.SelectMany(r => r.DataYears).ToHashSet();
                training = dataset.Rows.Where(r => !r.DataYears.Any(testYears.Contains)).ToList();
            }

            if (training.Count < 10)
            {
                notes?.Add($"{year}: only {training.Count} training rows once its data years are held out; not scored.");
                continue;
            }

            specs.Add((year, training, test, test.Where(r => r.PreviousTarget is not null && r.CurrentRank is not null).ToList()));
        }

        // Every fit starts from its own seeded context on one thread (MlNetRegressors), so fitting the folds' models in
        // parallel gives the very models a sequential loop would, in the same slots.
        var fits = new (IFittedRegressor Model, IReadOnlyList<double> Predictions)[specs.Count, regressors.Count];
        Parallel.For(0, specs.Count * regressors.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, n =>
        {
            var (spec, regressor) = (specs[n / regressors.Count], regressors[n % regressors.Count]);
            var model = regressor.Fit(spec.Training, dataset.FeatureNames.Count);
            fits[n / regressors.Count, n % regressors.Count] = (model, spec.Scored.Count == 0 ? [] : model.Predict(spec.Scored));
        });
        return specs.Select((spec, f) => new Fold(spec.Year, spec.Training.Count, spec.Test, spec.Scored,
            Enumerable.Range(0, regressors.Count).Select(r => fits[f, r].Model).ToList(),
            Enumerable.Range(0, regressors.Count).Select(r => fits[f, r].Predictions).ToList())).ToList();
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

    /// <summary>Every learned model against every baseline, paired by held-out year.</summary>
    private static List<BaselineComparison> Compare(IReadOnlyList<IRegressor> regressors, List<Fold> folds, ModelOptions options)
    {
        var years = folds.Where(f => f.Scored.Count > 0).ToList();
        double Mae(Fold f, int i) => RegressionMetrics.Mae(f.Scored.Select(r => r.Target).ToList(), f.Predictions[i]);
        var result = new List<BaselineComparison>();
        for (var m = 0; m < regressors.Count; m++)
        {
            for (var b = 0; b < regressors.Count; b++)
            {
                if (regressors[m].IsBaseline || !regressors[b].IsBaseline)
                {
                    continue;
                }

                var differences = years.Select(f => Mae(f, m) - Mae(f, b)).ToArray();
                var p = PairedTest.SignFlipPValue(differences);
                var mean = differences.Length == 0 ? 0 : differences.Average();
                result.Add(new BaselineComparison(regressors[m].Name, regressors[b].Name, differences.Length, mean, p, mean < 0 && p < options.SignificanceLevel));
            }
        }

        return result;
    }

    /// <summary>The importances' intervals: the evaluation refitted on provinces drawn with replacement (with
    /// <see cref="ModelOptions.BootstrapYearBlocks"/> blocks of held-out years when set).</summary>
    private static ModelImportance WithBootstrap(ModelImportance importance, IRegressor regressor, ModelDataset dataset, ModelOptions options)
    {
        if (options.BootstrapReplicates <= 0)
        {
            return importance;
        }

        var byProvince = dataset.Rows.GroupBy(r => r.Province.Key).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var replicas = dataset.FeatureNames.Select(_ => new List<double>()).ToArray();
        var inner = options with { Permutations = Math.Max(2, options.BootstrapPermutations) };
        for (var b = 0; b < options.BootstrapReplicates; b++)
        {
            var rng = new Random(unchecked((options.Seed * 17) + (b * 104_729) + 3));
            var rows = Enumerable.Range(0, byProvince.Count).SelectMany(_ => byProvince[rng.Next(byProvince.Count)]).ToList();
            var folds = BuildFolds(dataset with { Rows = rows }, [regressor], null, options.BootstrapYearBlocks);
            if (folds.Sum(f => f.Scored.Count) == 0)
            {
                continue;
            }

            var replica = PermutationImportance.Compute(regressor.Name, 0, folds, dataset.FeatureNames, inner);
            foreach (var f in replica.Features)
            {
                replicas[dataset.FeatureNames.ToList().IndexOf(f.Feature)].Add(f.MaeIncrease);
            }
        }

        var features = importance.Features.Select(f =>
        {
            var values = replicas[dataset.FeatureNames.ToList().IndexOf(f.Feature)].Order().ToArray();
            if (values.Length < 2)
            {
                return f;
            }

            var mean = values.Average();
            var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            return f with
            {
                Interval = new ImportanceInterval(Attribution.RankUncertainty.Percentile(values, 0.05), Attribution.RankUncertainty.Percentile(values, 0.95)),
                BootstrapStandardError = sd,
            };
        }).ToList();
        return importance with { BootstrapReplicates = options.BootstrapReplicates, Features = features };
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
            if ((regressors[i] is PreviousYearBaseline && row.PreviousTarget is null) || (regressors[i] is MeanReversionBaseline && row.CurrentRank is null))
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

    private static (IReadOnlyList<string> Verdicts, bool AnyBeats) Verdicts(
        IReadOnlyList<HeldOutScore> scores, IReadOnlyList<BaselineComparison> comparisons, string target, ModelOptions options)
    {
        var verdicts = new List<string>();
        var anyBeats = false;
        foreach (var model in scores.Where(s => !s.IsBaseline))
        {
            var against = comparisons.Where(c => c.Model == model.Model).ToList();
            var years = against.Select(c => c.HeldOutYears).DefaultIfEmpty(0).Max();
            string Describe(BaselineComparison c) =>
                FormattableString.Invariant($"{Short(c.Baseline)}: MAE {scores.Single(s => s.Model == c.Baseline).Mae:0.##}, mean paired difference {c.MeanMaeDifference:+0.##;-0.##;0}, p = {c.PValue:0.###}");
            var detail = FormattableString.Invariant($"MAE {model.Mae:0.##}, R² {Format(model.R2)}; ") + string.Join("; ", against.Select(Describe));
            if (against.Count > 0 && against.All(c => c.Significant))
            {
                anyBeats = true;
                verdicts.Add($"{model.Model} beats every baseline on held-out years, significantly (paired sign-flip test over {years} held-out years, " +
                             FormattableString.Invariant($"α = {options.SignificanceLevel}): {detail}."));
            }
            else
            {
                var notBeaten = against.Where(c => !c.Significant).Select(c => Short(c.Baseline)).ToList();
                var tooFew = years > 0 && Math.Pow(0.5, years) >= options.SignificanceLevel
                    ? $" With {years} held-out years no difference can be significant at α = {options.SignificanceLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)}."
                    : string.Empty;
                verdicts.Add($"{model.Model} does NOT beat the {string.Join(" and ", notBeaten)} baseline{(notBeaten.Count == 1 ? string.Empty : "s")} " +
                             $"significantly on held-out years ({detail}): it adds nothing shown over the baseline for predicting {target}, " +
                             "and its importances should not be read as drivers." + tooFew);
            }
        }

        return (verdicts, anyBeats);
    }

    private static string Short(string baseline) => baseline.Replace("Baseline: ", string.Empty, StringComparison.Ordinal);

    private static string Format(double? r2) => r2 is { } v ? v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}

/// <summary>One held-out year: its rows, the fitted learners and their predictions on the scored rows.</summary>
internal sealed record Fold(int Year, int TrainingRows, IReadOnlyList<ModelRow> Test, IReadOnlyList<ModelRow> Scored,
    IReadOnlyList<IFittedRegressor> Fitted, IReadOnlyList<IReadOnlyList<double>> Predictions);

/// <summary>
/// The exact one-sided sign-flip (permutation) test of paired differences: under "no difference" each held-out year's
/// difference is as likely to have either sign, so p = the share of the 2^k sign assignments whose sum is at most the
/// observed sum. Exact for k ≤ 20 (every assignment enumerated); beyond that a seeded sample of 2^20 assignments.
/// </summary>
internal static class PairedTest
{
    public static double SignFlipPValue(IReadOnlyList<double> differences)
    {
        var k = differences.Count;
        if (k == 0)
        {
            return 1.0;
        }

        var observed = differences.Sum();
        const double slack = 1e-12;
        if (k <= 20)
        {
            var atMost = 0L;
            for (var mask = 0L; mask < 1L << k; mask++)
            {
                var sum = 0.0;
                for (var i = 0; i < k; i++)
                {
                    sum += (mask & (1L << i)) == 0 ? differences[i] : -differences[i];
                }

                atMost += sum <= observed + slack ? 1 : 0;
            }

            return atMost / (double)(1L << k);
        }

        var rng = new Random(20180620);
        const int samples = 1 << 20;
        var hits = 0;
        for (var s = 0; s < samples; s++)
        {
            var sum = differences.Sum(d => rng.Next(2) == 0 ? d : -d);
            hits += sum <= observed + slack ? 1 : 0;
        }

        return hits / (double)samples;
    }
}
