using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.Models;

/// <summary>Fit on held-out years only. R² is null when the held-out targets do not vary.</summary>
public sealed record HeldOutScore(string Model, bool IsBaseline, double? R2, double Mae, int Rows, IReadOnlyList<YearScore> ByYear);

/// <summary>One held-out year: trained on <see cref="TrainingRows"/> rows of other years, scored on <see cref="Rows"/>.</summary>
public sealed record YearScore(int Year, int TrainingRows, int Rows, double? R2, double Mae);

/// <summary>Permutation importance on held-out years: how much the held-out MAE grows when the feature is shuffled
/// within each held-out year; mean over the permutations and its standard error.</summary>
public sealed record FeatureImportance(string Feature, double MaeIncrease, double StandardError);

public sealed record ModelImportance(string Model, int Permutations, IReadOnlyList<FeatureImportance> Features);

/// <summary>A feature's value for the focus province-year and its contribution to the model's prediction.</summary>
public sealed record FeatureContribution(string Feature, double Value, double Contribution);

public sealed record FocusPrediction(string Model, double Prediction);

public sealed record ModelContributions(string Model, IReadOnlyList<FeatureContribution> Features);

/// <summary>The focus province-year, predicted by models that did not see its year.</summary>
public sealed record FocusExplanation(ProvinceRef Province, int Year, double Actual, IReadOnlyList<FocusPrediction> Predictions, IReadOnlyList<ModelContributions> Contributions);

/// <summary>
/// One model dataset evaluated with leave-one-year-out cross-validation: learned models and baselines side by side
/// on the same held-out rows, permutation importances with standard errors, the focus province explained, and plain
/// verdicts saying whether any model beats the baselines.
/// </summary>
public sealed record ModelReport(
    string Key,
    string Title,
    string TargetName,
    bool Available,
    string? UnavailableReason,
    IReadOnlyList<string> Features,
    IReadOnlyList<int> Years,
    int Rows,
    int ScoredRows,
    int Seed,
    IReadOnlyList<HeldOutScore> Scores,
    IReadOnlyList<ModelImportance> Importances,
    FocusExplanation? Focus,
    IReadOnlyList<string> Verdicts,
    bool AnyModelBeatsBaselines,
    IReadOnlyList<string> Notes,
    bool IsSynthetic);

/// <summary>Evaluation settings; the defaults are what the CLI and reports use.</summary>
public sealed record ModelOptions(int Seed = ModelOptions.DefaultSeed, int Permutations = 30, int? FocusProvinceKey = null, int? FocusYear = null)
{
    public const int DefaultSeed = 20180620;

    public const int MinimumYears = 3;
}
