namespace Cchc.Reports.Analytics.Models;

internal static class RegressionMetrics
{
    public static double Mae(IReadOnlyList<double> actual, IReadOnlyList<double> predicted) =>
        actual.Count == 0 ? 0 : actual.Select((a, i) => Math.Abs(a - predicted[i])).Average();

    /// <summary>1 − SS_res / SS_tot around the mean of the actual values scored; null when they do not vary.</summary>
    public static double? R2(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        if (actual.Count == 0)
        {
            return null;
        }

        var mean = actual.Average();
        var total = actual.Sum(a => (a - mean) * (a - mean));
        return total == 0 ? null : 1 - (actual.Select((a, i) => (a - predicted[i]) * (a - predicted[i])).Sum() / total);
    }
}
