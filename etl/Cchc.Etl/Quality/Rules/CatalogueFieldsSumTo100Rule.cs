using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>For every year with data of an additive index, the catalogue's fields carry max points adding up to 100.</summary>
internal sealed class CatalogueFieldsSumTo100Rule : QualityRule
{
    public override string Name => "catalogue-fields-sum-to-100";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "The methodology's fields of a year add up to 100 max points.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (index, year) in data.Scores.Select(i => (i.IndexCode, i.Year)).Distinct().Where(k => QualityPolicy.IsAdditive(k.IndexCode)))
        {
            var fields = data.Catalogue.Level(index, 1, year);
            if (fields.Count == 0 || fields.Any(f => f.MaxPoints is null))
            {
                continue;
            }

            var sum = fields.Sum(f => f.MaxPoints!.Value);
            if (Differs(sum, 100))
            {
                yield return new DqFinding(Name, Severity, DqSubjects.Catalogue,
                    $"{index} {year}: the catalogue's {fields.Count} fields have {Num(sum)} max points, not 100")
                {
                    IndexCode = index,
                    Year = year,
                    CriterionCode = IndexCodes.Total,
                    OffendingValues = string.Join(" + ", fields.OrderBy(f => f.CriterionCode, StringComparer.Ordinal).Select(f => $"{f.CriterionCode} {Num(f.MaxPoints)}")) + $" = {Num(sum)}",
                };
            }
        }
    }
}
