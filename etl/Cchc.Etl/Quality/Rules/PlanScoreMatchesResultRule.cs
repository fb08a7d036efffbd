using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>
/// A plan's "Điểm thẩm định" equals the loaded PAR appraisal result of the province for that criterion and year. Rows
/// whose max points differ from the methodology's measure something else (3770/KH-UBND's field rows count only the
/// appraised part of fields 4–8) and are left to max-points-match-catalogue.
/// </summary>
internal sealed class PlanScoreMatchesResultRule : QualityRule
{
    public override string Name => "plan-score-matches-result";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "A plan's appraised points equal the province's loaded PAR result for the criterion.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var row in data.PlanRows)
        {
            var sameScope = data.Catalogue.Find(row.IndexCode, row.CriterionCode, row.Year) is not { MaxPoints: { } official }
                || row.MaxPoints is not { } max || !Differs(max, official);
            if (sameScope && row.Score is { } planned && data.ParResult(row.ProvinceKey, row.Year, row.CriterionCode) is { Score: { } result }
                && Differs(planned, result))
            {
                yield return Finding(
                    row,
                    $"{Where(row)}, criterion {row.CriterionCode}: the plan says the province was appraised {Num(planned)}, the loaded PAR result is {Num(result)}",
                    $"plan appraised points {Num(planned)}; PAR result {Num(result)}");
            }
        }
    }
}
