using Cchc.Etl.Quality.Rules;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>Every data-quality rule, run by the loaders (before and after a load) and by <c>cchc dq</c>.</summary>
public static class QualityRules
{
    public static IReadOnlyList<IQualityRule> All { get; } =
    [
        new ScoreWithinRangeRule(),
        new TotalOn100ScaleRule(),
        new ProvinceUniqueRule(),
        new PointsLostArithmeticRule(),
        new ChildrenSumToParentRule(),
        new CatalogueFieldsSumTo100Rule(),
        new RankMatchesScoreRule(),
        new ProvinceCoverageRule(),
        new MaxPointsMatchCatalogueRule(),
        new PlanScoreMatchesResultRule(),
        new DeadlineReadableRule(),
        new AgencyCataloguedRule(),
        new OneStopReportPartsAddUpRule(),
        new OneStopReportTotalsMatchRowsRule(),
    ];

    public static IReadOnlyList<DqFinding> Run(QualityDataset data, IEnumerable<IQualityRule>? rules = null) =>
        (rules ?? All).SelectMany(rule => rule.Check(data)).ToList();
}
