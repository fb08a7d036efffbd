using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>A plan's "Điểm chuẩn" equals the max points of the criterion in the PAR catalogue of the result year
/// (illustrative catalogue rows are not official, so they are not compared).</summary>
internal sealed class MaxPointsMatchCatalogueRule : QualityRule
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
                && data.Catalogue.Find(row.IndexCode, row.CriterionCode, row.Year) is { IsIllustrative: false, MaxPoints: { } official } criterion
                && Differs(max, official)
                && !IsAppraisalPart(data.Catalogue, criterion, row.Year, max))
            {
                yield return Finding(
                    row,
                    $"{Where(row)}, criterion {row.CriterionCode}: the plan gives {Num(max)} max points, the {row.IndexCode} methodology of {row.Year} {Num(official)}",
                    $"plan max points {Num(max)}; catalogue max points {Num(official)}");
            }
        }
    }

    /// <summary>A field that mixes appraisal and survey points is often stated in plans by its appraised part only
    /// (as in plan 3770's fields 4–8): that is its own max, not a mismatch.</summary>
    private static bool IsAppraisalPart(Cchc.Etl.Quality.CriterionCatalogue catalogue, Cchc.Etl.Quality.CatalogueCriterion criterion, int year, double max)
    {
        if (criterion.PointsSource != "mixed")
        {
            return false;
        }

        var appraisal = catalogue.ChildrenOf(criterion.IndexCode, criterion.CriterionCode, year)
            .Where(c => c.PointsSource == "appraisal")
            .Sum(c => c.MaxPoints ?? 0);
        return !Differs(max, appraisal);
    }
}
