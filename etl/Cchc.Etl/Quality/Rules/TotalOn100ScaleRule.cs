using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>
/// Totals of an additive index are points out of 100 (the PAR Index publishes "70,99%"): a total above 100, or a year
/// whose totals all lie between 0 and 1 (written as fractions: 0.7099), is not on that scale.
/// </summary>
internal sealed class TotalOn100ScaleRule : QualityRule
{
    public override string Name => "total-on-100-scale";

    public override DqSeverity Severity => DqSeverity.Error;

    public override string Description => "Index totals are points out of 100, not fractions of 1 and not above 100.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var totals = data.Scores.Where(i => i.CriterionCode == IndexCodes.Total && i.Score is not null && QualityPolicy.IsAdditive(i.IndexCode));
        foreach (var year in totals.GroupBy(i => (i.IndexCode, i.Year)))
        {
            var items = year.ToList();
            if (items.Count >= 3 && items.All(i => i.Score is >= 0 and <= 1))
            {
                foreach (var item in items)
                {
                    yield return Finding(
                        item,
                        $"{Where(item)}: the total {Num(item.Score)} looks like a fraction of 1 (every total of the year is ≤ 1), not points out of 100",
                        $"total {Num(item.Score)}");
                }

                continue;
            }

            foreach (var item in items.Where(i => i.Score > 100 + Rounding))
            {
                yield return Finding(item, $"{Where(item)}: the total {Num(item.Score)} is above 100", $"total {Num(item.Score)}");
            }
        }
    }
}
