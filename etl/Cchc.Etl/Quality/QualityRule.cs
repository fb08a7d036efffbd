using System.Globalization;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>Shared plumbing of the rules: building a finding from the item it is about, and writing numbers.</summary>
internal abstract class QualityRule : IQualityRule
{
    /// <summary>Published points carry two to four decimals; two values rounded independently may differ by one unit
    /// in the second decimal, so that much is "within rounding".</summary>
    public const double Rounding = 0.01;

    public abstract string Name { get; }

    public abstract DqSeverity Severity { get; }

    public abstract string Description { get; }

    public abstract IEnumerable<DqFinding> Check(QualityDataset data);

    protected DqFinding Finding(QualityItem item, string message, string offendingValues) =>
        new(Name, Severity, item.Subject, message)
        {
            IndexCode = item.IndexCode,
            Year = item.Year,
            PlanYear = item.PlanYear,
            ProvinceKey = item.ProvinceKey,
            CriterionCode = item.CriterionCode,
            OffendingValues = offendingValues,
            Source = item.Source,
            FileId = item.FileId,
        };

    protected static bool Differs(double a, double b, double tolerance = Rounding) => Math.Abs(a - b) > tolerance + 1e-9;

    protected static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    protected static string Num(double? value) => value is { } v ? Num(v) : "(blank)";

    protected static string Where(QualityItem item) =>
        $"{Warehouse.Reference.ProvinceCatalog.Default.ByKey(item.ProvinceKey).ShortName} {item.IndexCode} {item.Year}"
        + (item.PlanYear is { } plan ? $" (plan {plan})" : string.Empty);
}
