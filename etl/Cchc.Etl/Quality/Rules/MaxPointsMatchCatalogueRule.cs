using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>A plan's "Điểm chuẩn" equals the max points of the criterion in the PAR catalogue of the result year
/// (illustrative catalogue rows are not official, so they are not compared).</summary>
public sealed class MaxPointsMatchCatalogueRule : QualityRule
{
    public override string Name => "max-points-match-catalogue";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "A plan's max points equal the methodology's max points for the criterion.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var row in data.PlanRows)
        {
            if (row.MaxPoints is { } max
                && data.Catalogue.Find(row.IndexCode, row.CriterionCode, row.Year) is { IsIllustrative: false, MaxPoints: { } official }
                && Differs(max, official))
            {
                yield return Finding(
                    row,
                    $"{Where(row)}, criterion {row.CriterionCode}: the plan gives {Num(max)} max points, the {row.IndexCode} methodology of {row.Year} {Num(official)}",
                    $"plan max points {Num(max)}; catalogue max points {Num(official)}");
            }
        }
    }
}
