namespace Cchc.Reports.Analytics.Models;

/// <summary>
/// Permutation importance on held-out years: shuffle one feature among each held-out year's scored rows, predict with
/// that year's model (which never saw the year), and measure how much the pooled MAE grows. Repeated
/// <see cref="ModelOptions.Permutations"/> times; the standard error is the standard deviation of the increases over
/// √permutations. The shuffles depend only on the seed, the feature and the year (the same for every model). Every
/// shuffled copy of a year is predicted in one batch (a learner's per-call overhead dominates small batches).
/// </summary>
internal static class PermutationImportance
{
    public static ModelImportance Compute(string model, int regressorIndex, IReadOnlyList<Fold> folds, IReadOnlyList<string> features, ModelOptions options)
    {
        var repeats = options.Permutations;
        var actual = folds.SelectMany(f => f.Scored.Select(r => r.Target)).ToList();
        var baseMae = RegressionMetrics.Mae(actual, folds.SelectMany(f => f.Predictions[regressorIndex]).ToList());
        var absErrors = new double[features.Count, repeats];
        foreach (var fold in folds.Where(f => f.Scored.Count > 0))
        {
            var n = fold.Scored.Count;
            var batch = new List<ModelRow>(features.Count * repeats * n);
            for (var j = 0; j < features.Count; j++)
            {
                var rng = new Random(unchecked((options.Seed * 31) + (j * 7919) + fold.Year));
                for (var r = 0; r < repeats; r++)
                {
                    var column = fold.Scored.Select(row => row.Features[j]).ToArray();
                    rng.Shuffle(column);
                    batch.AddRange(fold.Scored.Select((row, i) => row with { Features = WithFeature(row.Features, j, column[i]) }));
                }
            }

            var predicted = fold.Fitted[regressorIndex].Predict(batch);
            for (var k = 0; k < batch.Count; k++)
            {
                var copy = k / n;
                absErrors[copy / repeats, copy % repeats] += Math.Abs(batch[k].Target - predicted[k]);
            }
        }

        var result = new List<FeatureImportance>();
        for (var j = 0; j < features.Count; j++)
        {
            var increases = Enumerable.Range(0, repeats).Select(r => (absErrors[j, r] / actual.Count) - baseMae).ToArray();
            var mean = increases.Average();
            var sd = repeats > 1 ? Math.Sqrt(increases.Sum(x => (x - mean) * (x - mean)) / (repeats - 1)) : 0;
            result.Add(new FeatureImportance(features[j], mean, sd / Math.Sqrt(repeats)));
        }

        return new ModelImportance(model, repeats, 0, result.OrderByDescending(f => f.MaeIncrease).ToList());
    }

    private static double[] WithFeature(IReadOnlyList<double> features, int index, double value)
    {
        var copy = features.ToArray();
        copy[index] = value;
        return copy;
    }
}
