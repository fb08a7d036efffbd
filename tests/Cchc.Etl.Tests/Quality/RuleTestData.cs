using Cchc.Etl.Quality;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Tests.Quality;

/// <summary>Small in-memory datasets for the rules.</summary>
internal static class RuleTestData
{
    public const int LamDong = 68;

    public static readonly CriterionCatalogue Catalogue = new(
    [
        new CatalogueCriterion(IndexCodes.Par, IndexCodes.Total, null, 0, 100, 2012, null, false),
        new CatalogueCriterion(IndexCodes.Par, "1", IndexCodes.Total, 1, 60, 2012, null, false),
        new CatalogueCriterion(IndexCodes.Par, "2", IndexCodes.Total, 1, 40, 2012, null, false),
        new CatalogueCriterion(IndexCodes.Par, "1.1", "1", 2, 1.5, 2012, null, false),
        new CatalogueCriterion(IndexCodes.Par, "1.2", "1", 2, 3, 2012, null, false),
        new CatalogueCriterion(IndexCodes.Par, "1.3", "1", 2, 55.5, 2012, null, true),
    ]);

    public static QualityItem Plan(string code, double? max, double? score, double? lost) =>
        new(DqSubjects.RemediationPlan, IndexCodes.Par, 2017, LamDong, code)
        {
            ParentCode = code.Contains('.', StringComparison.Ordinal) ? code[..code.LastIndexOf('.')] : IndexCodes.Total,
            MaxPoints = max,
            Score = score,
            StatedPointsLost = lost,
            PlanYear = 2018,
            Source = new SourceLocation("plan.xlsx", "Phụ lục", 7),
        };

    public static QualityItem Score(int province, string code, double? score, int? rank = null, int year = 2017, string index = IndexCodes.Par)
    {
        var criterion = Catalogue.Find(index, code, year);
        return new QualityItem(DqSubjects.IndexScore, index, year, province, code)
        {
            ParentCode = criterion?.ParentCode,
            MaxPoints = criterion?.MaxPoints,
            Score = score,
            PublishedRank = rank,
            Source = new SourceLocation("par-2017.xlsx", "Tổng hợp", 10 + province),
        };
    }

    /// <summary>A complete, consistent year: every province of the period, totals descending with the ranks they earn.</summary>
    public static List<QualityItem> FullYear(string index, int year)
    {
        var provinces = ProvincePeriod.Expected(index, year);
        return provinces.Select((p, i) => Score(p.Key, IndexCodes.Total, 90 - (i * 0.5), i + 1, year, index)).ToList();
    }

    public static QualityDataset Data(IEnumerable<QualityItem> items) => new(DqStages.PreLoad, items.ToList(), Catalogue);

    public static IReadOnlyList<DqFinding> Run(IQualityRule rule, IEnumerable<QualityItem> items) => rule.Check(Data(items)).ToList();
}
