using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.Models;

/// <summary>One province-year of a model's data.</summary>
/// <param name="PreviousTarget">The same province's target one year earlier (the previous-year baseline); null when unknown.</param>
/// <param name="DataYears">Every year whose data the row uses (features and target). Cross-validation never trains on a
/// row that shares a data year with the held-out year's rows.</param>
public sealed record ModelRow(ProvinceRef Province, int Year, IReadOnlyList<double> Features, double Target, double? PreviousTarget, IReadOnlyList<int> DataYears);

/// <summary>A model's data: a target that is NOT a sum of its features, and the features explaining it.</summary>
/// <param name="FeatureNamesVi">The features' Vietnamese names, in the order of <paramref name="FeatureNames"/>, when known.</param>
public sealed record ModelDataset(
    string Key,
    string Title,
    string TargetName,
    IReadOnlyList<string> FeatureNames,
    IReadOnlyList<ModelRow> Rows,
    bool IsSynthetic,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string>? FeatureNamesVi = null)
{
    public IReadOnlyList<int> Years => Rows.Select(r => r.Year).Distinct().Order().ToList();
}
