using System.Text.Json.Serialization;
using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.Models;

/// <summary>One province-year of a model's data.</summary>
/// <param name="PreviousTarget">The same province's target one year earlier (the previous-year baseline); null when unknown.</param>
/// <param name="DataYears">Every year whose data the row uses (features and target). Cross-validation never trains on a
/// row that shares a data year with the held-out year's rows (leave-one-year-out), nor on one known only later than the
/// held-out year (forward chaining).</param>
/// <param name="CurrentRank">The rank known when the prediction is made (this year's rank for next year's change, last
/// year's rank for this year's rank): what the mean-reversion baseline regresses on. Null when unknown.</param>
internal sealed record ModelRow(
    ProvinceRef Province, int Year, IReadOnlyList<double> Features, double Target, double? PreviousTarget, IReadOnlyList<int> DataYears,
    double? CurrentRank = null);

/// <summary>How a model is scored on data it did not see.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValidationScheme>))]
public enum ValidationScheme
{
    /// <summary>Each year held out in turn; training drops every row sharing a data year with it. For targets that
    /// describe the same year as their features (cross-index ranks).</summary>
    LeaveOneYearOut,

    /// <summary>Train on years before t, test on t, for every t in turn: nothing from the future is ever used. For
    /// targets that lie ahead of their features (next year's rank change).</summary>
    ForwardChaining,
}

/// <summary>A model's data: a target that is NOT a sum of its features, and the features explaining it.</summary>
/// <param name="FeatureNamesVi">The features' Vietnamese names, in the order of <paramref name="FeatureNames"/>, when known.</param>
/// <param name="Validation">The scheme the evaluation uses for this target.</param>
internal sealed record ModelDataset(
    string Key,
    string Title,
    string TargetName,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<ModelRow> Rows,
    bool IsSynthetic,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string>? FeatureNamesVi = null,
    ValidationScheme Validation = ValidationScheme.LeaveOneYearOut)
{
    public IReadOnlyList<int> Years => Rows.Select(r => r.Year).Distinct().Order().ToList();
}
