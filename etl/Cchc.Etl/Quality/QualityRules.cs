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

    /// <summary>The rules over the warehouse's structure, run by <c>cchc dq</c> and the nightly step over everything.</summary>
    public static IReadOnlyList<IWarehouseRule> Warehouse { get; } = [new OrphanRowsRule()];

    /// <summary>Every rule's name, severity and description, for <c>cchc dq --rules</c> and the reports' wording.</summary>
    public static IReadOnlyList<(string Name, DqSeverity Severity, string Description)> Described { get; } =
        All.Select(r => (r.Name, r.Severity, r.Description)).Concat(Warehouse.Select(r => (r.Name, r.Severity, r.Description))).ToList();

    public static IReadOnlyList<DqFinding> Run(QualityDataset data, IEnumerable<IQualityRule>? rules = null) =>
        (rules ?? All).SelectMany(rule => rule.Check(data)).ToList();
}
