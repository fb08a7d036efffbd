using Cchc.Warehouse.Quality;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Quality.Rules;

/// <summary>Every province of the period appears in a year's results (63 before 2025, 64 in PCI 2006–2008, 34 from
/// 2025); a province listed twice with identical values is reported here too (conflicting values: province-unique).</summary>
internal sealed class ProvinceCoverageRule : QualityRule
{
    public override string Name => "province-coverage";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "Every year lists every province of its period (63 / 64 in PCI 2006–2008 / 34 from 2025).";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var year in data.Scores.GroupBy(i => (i.IndexCode, i.Year)))
        {
            var expected = ProvincePeriod.Expected(year.Key.IndexCode, year.Key.Year);
            var present = year.Select(i => i.ProvinceKey).ToHashSet();
            foreach (var missing in expected.Where(p => !present.Contains(p.Key)))
            {
                yield return new DqFinding(Name, Severity, DqSubjects.IndexScore,
                    $"{year.Key.IndexCode} {year.Key.Year}: {missing.ShortName} is missing ({present.Count} of the {expected.Count} provinces of the period are listed)")
                {
                    IndexCode = year.Key.IndexCode,
                    Year = year.Key.Year,
                    ProvinceKey = missing.Key,
                    OffendingValues = $"{present.Count(k => expected.Any(p => p.Key == k))} of {expected.Count} provinces",
                };
            }

            foreach (var repeated in year.GroupBy(i => (i.ProvinceKey, i.CriterionCode)).Where(g => g.Count() > 1 && g.Select(i => i.Score).Distinct().Count() == 1))
            {
                var first = repeated.First();
                yield return Finding(
                    repeated.Last(),
                    $"{Where(first)}, {first.CriterionCode}: {ProvinceCatalog.Default.ByKey(first.ProvinceKey).ShortName} is listed {repeated.Count()} times with the same value",
                    $"score {Num(first.Score)} × {repeated.Count()}");
            }
        }
    }
}
