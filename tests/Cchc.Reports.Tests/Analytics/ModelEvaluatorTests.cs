using System.Text.Json;
using Cchc.Reports.Analytics.Models;
using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Tests.Analytics;

public sealed class ModelEvaluatorTests
{
    private const int Provinces = 30;
    private static readonly int[] Years = [2014, 2015, 2016, 2017, 2018, 2019];

    /// <summary>Target = 30 − 20·x1 + 10·x2² + noise; x3 is pure noise. Previous target: the same province a year earlier.</summary>
    private static ModelDataset Signal(double noise = 2)
    {
        var rng = new Random(7);
        var rows = new List<ModelRow>();
        var last = new Dictionary<int, double>();
        foreach (var year in Years)
        {
            for (var p = 1; p <= Provinces; p++)
            {
                double[] x = [rng.NextDouble(), rng.NextDouble(), rng.NextDouble()];
                var target = 30 - (20 * x[0]) + (10 * x[1] * x[1]) + (noise * (rng.NextDouble() - 0.5));
                rows.Add(new ModelRow(Province(p), year, x, target, last.TryGetValue(p, out var prev) ? prev : null, [year], last.TryGetValue(p, out var rank) ? rank : null));
                last[p] = target;
            }
        }

        return new ModelDataset("signal", "Signal", "target", ["x1", "x2", "x3 (noise)"], rows, false, []);
    }

    private static ProvinceRef Province(int p) => new(p, p.ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"P{p}");

    [Fact]
    public void Two_runs_give_identical_numbers()
    {
        var options = new ModelOptions(Permutations: 8, FocusProvinceKey: 5, FocusYear: 2017, BootstrapReplicates: 3);
        var first = JsonSerializer.Serialize(ModelEvaluator.Evaluate(Signal(), options));
        var second = JsonSerializer.Serialize(ModelEvaluator.Evaluate(Signal(), options));
        Assert.Equal(first, second);
    }

    [Fact]
    public void A_real_signal_beats_the_baselines_and_its_features_rank_first()
    {
        var report = ModelEvaluator.Evaluate(Signal(), new ModelOptions(Permutations: 8, FocusProvinceKey: 5, FocusYear: 2017, BootstrapReplicates: 6));

        Assert.True(report.Available);
        Assert.Equal(ValidationScheme.LeaveOneYearOut, report.Validation);
        Assert.Equal(
            ["FastTree (boosted trees)", "Linear (SDCA)", "Baseline: mean", "Baseline: province mean", "Baseline: previous-year value", "Baseline: mean reversion"],
            report.Scores.Select(s => s.Model));
        Assert.Equal(Years.Length - 1, report.Scores[0].ByYear.Count); // the first year has no previous value: not scored
        Assert.Equal((Years.Length - 1) * Provinces, report.ScoredRows);
        Assert.All(report.Scores, s => Assert.Equal(report.ScoredRows, s.Rows));
        var tree = report.Scores.Single(s => s.Model.StartsWith("FastTree", StringComparison.Ordinal));
        var mean = report.Scores.Single(s => s.Model == "Baseline: mean");
        Assert.True(tree.R2 > 0.8, $"FastTree held-out R² {tree.R2}");
        Assert.True(tree.Mae < mean.Mae);
        Assert.True(report.AnyModelBeatsBaselines);
        Assert.Contains(report.Verdicts, v => v.StartsWith("FastTree (boosted trees) beats every baseline", StringComparison.Ordinal));
        var versusMean = report.Comparisons.Single(c => c.Model.StartsWith("FastTree", StringComparison.Ordinal) && c.Baseline == "Baseline: mean");
        Assert.Equal((5, 1.0 / 32), (versusMean.HeldOutYears, versusMean.PValue)); // better in all 5 held-out years: 1 of 2⁵ sign patterns
        Assert.True(versusMean.Significant);

        var importance = report.Importances.Single(i => i.Model == report.ShownModel);
        Assert.Equal(6, importance.BootstrapReplicates);
        Assert.Equal("x1", importance.Features[0].Feature);
        Assert.True(importance.Features[0].StandardError > 0);
        Assert.True(importance.Features[0].MaeIncrease > 10 * importance.Features[0].StandardError);
        Assert.Equal("x3 (noise)", importance.Features[^1].Feature);
        var (x1, noise) = (importance.Features[0].Interval!, importance.Features[^1].Interval!);
        Assert.True(x1.Lower > noise.Upper, $"x1 {x1} stands clear of the noise feature {noise}");
        Assert.True(importance.Features[0].BootstrapStandardError > 0);

        var focus = report.Focus!;
        Assert.Equal((5, 2017), (focus.Province.Key, focus.Year));
        Assert.Equal(6, focus.Predictions.Count);
        Assert.Equal(2, focus.Contributions.Count);
        Assert.All(focus.Contributions, c => Assert.Equal(3, c.Features.Count));
    }

    /// <summary>
    /// Each year has its own random code g_y (the one feature) and its own random level c_y (the target, plus a little
    /// noise), drawn independently. A model that trained on the held-out year would map g_y to c_y and predict it
    /// almost perfectly; one that did not cannot, because the mapping from code to level is random across years.
    /// </summary>
    [Fact]
    public void A_feature_that_identifies_the_held_out_year_is_useless_because_that_year_is_never_trained_on()
    {
        var rng = new Random(11);
        var rows = new List<ModelRow>();
        var years = Enumerable.Range(2010, 8).ToArray();
        var codes = years.ToDictionary(y => y, _ => rng.NextDouble() * 100);
        var levels = years.ToDictionary(y => y, _ => rng.NextDouble() * 100);
        foreach (var y in years)
        {
            for (var p = 1; p <= Provinces; p++)
            {
                rows.Add(new ModelRow(Province(p), y, [codes[y]], levels[y] + rng.NextDouble(), y > years[0] ? levels[y - 1] : null, [y], 30));
            }
        }

        var report = ModelEvaluator.Evaluate(new ModelDataset("leak", "Leak", "c", ["year constant"], rows, false, []), new ModelOptions(Permutations: 4, BootstrapReplicates: 0));

        var tree = report.Scores.Single(s => s.Model.StartsWith("FastTree", StringComparison.Ordinal));
        Assert.True(tree.R2 < 0.5, $"held-out R² {tree.R2} would be ~1 if the held-out year leaked into training");
        Assert.All(tree.ByYear, y => Assert.Equal(Provinces, y.Rows));
    }

    [Fact]
    public void Pure_noise_is_reported_as_not_beating_the_baselines()
    {
        var rng = new Random(5);
        var rows = Years.SelectMany(y => Enumerable.Range(1, Provinces).Select(p =>
            new ModelRow(Province(p), y, [rng.NextDouble(), rng.NextDouble()], rng.NextDouble() * 60, y > Years[0] ? rng.NextDouble() * 60 : null, [y], rng.Next(1, 64)))).ToList();

        var report = ModelEvaluator.Evaluate(new ModelDataset("noise", "Noise", "rank", ["a", "b"], rows, false, []), new ModelOptions(Permutations: 4, BootstrapReplicates: 0));

        Assert.False(report.AnyModelBeatsBaselines);
        Assert.All(report.Verdicts, v => Assert.Contains("does NOT beat the ", v, StringComparison.Ordinal));
        Assert.All(report.Verdicts, v => Assert.Contains("mean", v[..v.IndexOf("significantly", StringComparison.Ordinal)], StringComparison.Ordinal));
    }

    [Fact]
    public void Training_never_sees_a_held_out_data_year_and_only_held_out_rows_are_scored()
    {
        // Next-year targets: a row of year Y uses data of Y and Y+1, so the fold for Y must drop Y−1 and Y+1 as well.
        var rows = Years.SelectMany(y => Enumerable.Range(1, Provinces).Select(p =>
            new ModelRow(Province(p), y, [p, y], p + y, y > Years[0] ? p + y - 1 : null, [y, y + 1], p))).ToList();
        var spy = new SpyRegressor();

        var report = ModelEvaluator.Evaluate(new ModelDataset("spy", "Spy", "t", ["p", "y"], rows, false, []), new ModelOptions(Permutations: 2, BootstrapReplicates: 0), [spy, new MeanBaseline()]);

        Assert.True(report.Available);
        Assert.Equal(Years.Length, spy.Fits.Count);
        Assert.Equal(Years.Skip(1), spy.Calls.Select(c => c.Rows[0].Year).Distinct().Order()); // every scored year was predicted
        foreach (var (fit, predicted) in spy.Calls)
        {
            var heldOut = predicted.Select(r => r.Year).Distinct().Single();
            Assert.DoesNotContain(heldOut, spy.Fits[fit]);
            Assert.DoesNotContain(heldOut - 1, spy.Fits[fit]);
            Assert.DoesNotContain(heldOut + 1, spy.Fits[fit]);
            Assert.All(predicted, r => Assert.NotNull(r.PreviousTarget));
        }

        Assert.Equal(rows.Count(r => r.PreviousTarget is not null), report.ScoredRows);
    }

    [Fact]
    public void Forward_chaining_trains_only_on_what_was_known_before_the_year_it_predicts()
    {
        var rows = Years.SelectMany(y => Enumerable.Range(1, Provinces).Select(p =>
            new ModelRow(Province(p), y, [p, y], p + y, y > Years[0] ? p + y - 1 : null, [y, y + 1], p))).ToList();
        var spy = new SpyRegressor();
        var dataset = new ModelDataset("spy", "Spy", "t", ["p", "y"], rows, false, [], Validation: ValidationScheme.ForwardChaining);

        var report = ModelEvaluator.Evaluate(dataset, new ModelOptions(Permutations: 2, BootstrapReplicates: 0), [spy, new MeanBaseline()]);

        Assert.Equal(ValidationScheme.ForwardChaining, report.Validation);
        // 2014 and 2015 have fewer than two earlier years to learn from; 2016…2019 are predicted.
        Assert.Equal(Years.Skip(2), spy.Calls.Select(c => c.Rows[0].Year).Distinct().Order());
        foreach (var (fit, predicted) in spy.Calls)
        {
            var year = predicted.Select(r => r.Year).Distinct().Single();
            Assert.All(spy.Fits[fit], trained => Assert.True(trained < year, $"{year} trained on {trained}"));
            Assert.Contains(year - 1, spy.Fits[fit]); // last year's change is known by the end of this year
        }

        Assert.Contains(report.Notes, n => n.Contains("forward chaining", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_better_in_every_held_out_year_is_not_said_to_beat_a_baseline_with_too_few_years_to_show_it()
    {
        // Four years: three held-out years with a previous value. Even perfect predictions leave p = 1/8 > 0.05.
        var rows = Years.Take(4).SelectMany(y => Enumerable.Range(1, Provinces).Select(p =>
            new ModelRow(Province(p), y, [p], (p * 3) + (y % 7), y > Years[0] ? p : null, [y], p))).ToList();
        var report = ModelEvaluator.Evaluate(new ModelDataset("few", "Few", "t", ["p"], rows, false, []),
            new ModelOptions(Permutations: 2, BootstrapReplicates: 0), [new OracleRegressor(), new MeanBaseline()]);

        var comparison = Assert.Single(report.Comparisons);
        Assert.Equal((3, 0.125, false), (comparison.HeldOutYears, comparison.PValue, comparison.Significant));
        Assert.True(comparison.MeanMaeDifference < 0);
        Assert.False(report.AnyModelBeatsBaselines);
        Assert.Contains("does NOT beat the mean baseline significantly", Assert.Single(report.Verdicts), StringComparison.Ordinal);
        Assert.Contains("With 3 held-out years no difference can be significant", report.Verdicts[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { -1.0, -2.0, -3.0 }, 0.125)] // only the observed signs give a sum ≤ −6
    [InlineData(new[] { -1.0, 0.5 }, 0.5)] // sums −0.5, 1.5, −1.5, 0.5: two of four are ≤ −0.5
    [InlineData(new[] { 2.0, 1.0 }, 1.0)]
    public void The_sign_flip_test_counts_sign_patterns_exactly(double[] differences, double p) =>
        Assert.Equal(p, PairedTest.SignFlipPValue(differences), 12);

    [Fact]
    public void Province_mean_and_mean_reversion_baselines_give_the_hand_computed_predictions()
    {
        // Training: province 1 targets 4 and 6 at current ranks 10 and 30; province 2 target 8 at rank 50.
        ModelRow Row(int p, double target, double rank) => new(Province(p), 2016, [0], target, 0, [2016], rank);
        var training = new[] { Row(1, 4, 10), Row(1, 6, 30), Row(2, 8, 50) };
        var test = new[] { Row(1, 0, 20), Row(3, 0, 40) };

        Assert.Equal([5.0, 6.0], new ProvinceMeanBaseline().Fit(training, 1).Predict(test)); // province 3 is new: the training mean
        // Least squares of target on rank: slope = Σ(x−30)(y−6)/Σ(x−30)² = (40 + 0 + 40)/(400 + 0 + 400) = 0.1, intercept 6 − 3 = 3.
        var reversion = new MeanReversionBaseline().Fit(training, 1).Predict(test);
        Assert.Equal(5.0, reversion[0], 12);
        Assert.Equal(7.0, reversion[1], 12);
    }

    /// <summary>Predicts every row's target exactly (a stand-in for a perfect model).</summary>
    private sealed class OracleRegressor : IRegressor
    {
        public string Name => "oracle";

        public bool IsBaseline => false;

        public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount) => new Fitted();

        private sealed class Fitted : IFittedRegressor
        {
            public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows) => rows.Select(r => r.Target).ToList();

            public IReadOnlyList<double>? Contributions(ModelRow row) => null;
        }
    }

    private sealed class SpyRegressor : IRegressor
    {
        /// <summary>Years of the training rows of each fit.</summary>
        public List<HashSet<int>> Fits { get; } = [];

        /// <summary>Every prediction request: which fit answered it, and the rows.</summary>
        public List<(int Fit, List<ModelRow> Rows)> Calls { get; } = [];

        public string Name => "spy";

        public bool IsBaseline => false;

        public IFittedRegressor Fit(IReadOnlyList<ModelRow> training, int featureCount)
        {
            Fits.Add(training.Select(r => r.Year).ToHashSet());
            return new Fitted(this, Fits.Count - 1);
        }

        private sealed class Fitted(SpyRegressor owner, int fit) : IFittedRegressor
        {
            public IReadOnlyList<double> Predict(IReadOnlyList<ModelRow> rows)
            {
                owner.Calls.Add((fit, [.. rows]));
                return rows.Select(r => r.Target + 1).ToList();
            }

            public IReadOnlyList<double>? Contributions(ModelRow row) => null;
        }
    }
}
