using Cchc.Warehouse.Quality;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Quality.Rules;

/// <summary>A province appears at most once per criterion and year with one value, and only provinces of the period
/// appear (no Hà Tây after 2008 outside PCI, no pre-2025 province in a 2025 table).</summary>
internal sealed class ProvinceUniqueRule : QualityRule
{
    public override string Name => "province-unique";

    public override DqSeverity Severity => DqSeverity.Error;

    public override string Description => "No province is listed twice with different values, and none outside the year's period.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var year in data.Scores.GroupBy(i => (i.IndexCode, i.Year)))
        {
            var expected = ProvincePeriod.Expected(year.Key.IndexCode, year.Key.Year).Select(p => p.Key).ToHashSet();
            foreach (var stranger in year.Where(i => !expected.Contains(i.ProvinceKey)).DistinctBy(i => i.ProvinceKey))
            {
                yield return Finding(
                    stranger,
                    $"{year.Key.IndexCode} {year.Key.Year}: {ProvinceCatalog.Default.ByKey(stranger.ProvinceKey).OfficialName} is not one of the provinces of {year.Key.Year}",
                    $"province key {stranger.ProvinceKey}");
            }

            foreach (var conflict in year.GroupBy(i => (i.ProvinceKey, i.CriterionCode)).Where(g => g.Select(i => i.Score).Distinct().Count() > 1))
            {
                var first = conflict.First();
                yield return Finding(
                    conflict.Skip(1).First(),
                    $"{Where(first)}, {first.CriterionCode}: {ProvinceCatalog.Default.ByKey(first.ProvinceKey).ShortName} is listed {conflict.Count()} times with different values",
                    string.Join("; ", conflict.Select(i => $"{Num(i.Score)}" + (i.Source?.Row is { } row ? $" (row {row})" : string.Empty))));
            }
        }
    }
}
