using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.Models;

/// <summary>Fit on held-out years only. R² is null when the held-out targets do not vary.</summary>
public sealed record HeldOutScore(string Model, bool IsBaseline, double? R2, double Mae, int Rows, IReadOnlyList<YearScore> ByYear);

/// <summary>One held-out year: trained on <see cref="TrainingRows"/> rows of other years, scored on <see cref="Rows"/>.</summary>
public sealed record YearScore(int Year, int TrainingRows, int Rows, double? R2, double Mae);

/// <summary>A 90 % interval (5th–95th percentile over bootstrap refits).</summary>
public sealed record ImportanceInterval(double Lower, double Upper)
{
    public bool Overlaps(ImportanceInterval other) => Lower <= other.Upper && other.Lower <= Upper;
}

/// <summary>
/// Permutation importance on held-out years: how much the held-out MAE grows when the feature is shuffled within each
/// held-out year. <see cref="StandardError"/> is the shuffles' own noise (standard error over the permutations);
/// <see cref="Interval"/> and <see cref="BootstrapStandardError"/> are what matters for reading it: the spread of the
/// importance when the whole evaluation is refitted on provinces drawn with replacement (a bootstrap over provinces).
/// </summary>
public sealed record FeatureImportance(string Feature, double MaeIncrease, double StandardError, ImportanceInterval? Interval = null, double? BootstrapStandardError = null);

/// <param name="BootstrapReplicates">Refits on provinces drawn with replacement behind the intervals (0: none).</param>
public sealed record ModelImportance(string Model, int Permutations, int BootstrapReplicates, IReadOnlyList<FeatureImportance> Features);

/// <summary>
/// A model against one baseline, paired by held-out year: the mean over the held-out years of (model MAE − baseline MAE)
/// and the one-sided p-value of an exact sign-flip test (under no difference each year's sign is a coin toss).
/// <see cref="Significant"/>: the model's MAE is lower and p is below the significance level.
/// </summary>
public sealed record BaselineComparison(string Model, string Baseline, int HeldOutYears, double MeanMaeDifference, double PValue, bool Significant);

/// <summary>A feature's value for the focus province-year and its contribution to the model's prediction.</summary>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);

public sealed record FocusPrediction(string Model, double Prediction);

public sealed record ModelContributions(string Model, IReadOnlyList<FeatureContribution> Features);

/// <summary>The focus province-year, predicted by models that did not see its year.</summary>
public sealed record FocusExplanation(ProvinceRef Province, int Year, double Actual, IReadOnlyList<FocusPrediction> Predictions, IReadOnlyList<ModelContributions> Contributions);

/// <summary>
/// One model dataset evaluated on held-out years (<see cref="Validation"/>: leave-one-year-out for cross-index targets,
/// forward chaining for next-year targets): learned models and baselines side by side on the same held-out rows, paired
/// tests of each model against each baseline, permutation importances with bootstrap intervals, the focus province
/// explained, and plain verdicts saying whether any model beats the baselines (only when significantly).
/// </summary>
/// <param name="ShownModel">The learned model whose importances a reader should look at (the lowest held-out MAE): the
/// one charts name and the report shows.</param>
public sealed record ModelReport(
    string Key,
    string Title,
    string TargetName,
    bool Available,
    string? UnavailableReason,
    ValidationScheme Validation,
    IReadOnlyList<string> Features,
    IReadOnlyList<int> Years,
    int Rows,
    int ScoredRows,
    int Seed,
    IReadOnlyList<HeldOutScore> Scores,
    IReadOnlyList<BaselineComparison> Comparisons,
    string? ShownModel,
    IReadOnlyList<ModelImportance> Importances,
    FocusExplanation? Focus,
    IReadOnlyList<string> Verdicts,
    bool AnyModelBeatsBaselines,
    IReadOnlyList<string> Notes,
    bool IsSynthetic,
    IReadOnlyList<string>? FeaturesVi = null);

/// <summary>Evaluation settings; the defaults are what the CLI uses (reports use fewer refits).</summary>
/// <param name="BootstrapReplicates">Refits of the whole evaluation on provinces drawn with replacement, for the
/// importances' intervals of the model to read (0: none).</param>
/// <param name="BootstrapPermutations">Permutations per feature inside each refit.</param>
/// <param name="BootstrapYearBlocks">Inside a refit, hold out this many blocks of years rather than each year in turn
/// (leave-one-year-out only); null: each year, as the evaluation itself.</param>
public sealed record ModelOptions(
    int Seed = ModelOptions.DefaultSeed, int Permutations = 30, int? FocusProvinceKey = null, int? FocusYear = null,
    int BootstrapReplicates = 10, int BootstrapPermutations = 3, double SignificanceLevel = 0.05, int? BootstrapYearBlocks = null)
{
    public const int DefaultSeed = 20180620;

    public const int MinimumYears = 3;

    /// <summary>Forward chaining trains on at least this many earlier years before it scores a year.</summary>
    public const int MinimumTrainingYears = 2;
}
