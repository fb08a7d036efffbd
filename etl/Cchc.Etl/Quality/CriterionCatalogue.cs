using Cchc.Warehouse;

namespace Cchc.Etl.Quality;

/// <summary>The criteria of every index as dw.dim_criterion holds them, by code and year.</summary>
public sealed class CriterionCatalogue
{
    private readonly ILookup<(string Index, string Code), CatalogueCriterion> _byCode;
    private readonly ILookup<(string Index, string? Parent), CatalogueCriterion> _byParent;

    public CriterionCatalogue(IEnumerable<CatalogueCriterion> criteria)
    {
        All = criteria.ToList();
        _byCode = All.ToLookup(c => (c.IndexCode, c.CriterionCode));
        _byParent = All.ToLookup(c => (c.IndexCode, c.ParentCode));
    }

    public static CriterionCatalogue Empty { get; } = new([]);

    public IReadOnlyList<CatalogueCriterion> All { get; }

    public static CriterionCatalogue Load(ISqlRunner sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return new CriterionCatalogue(sql.Query<CatalogueCriterion>(
            """
            SELECT index_code AS IndexCode, criterion_code AS CriterionCode, parent_code AS ParentCode, level AS Level,
                   max_points AS MaxPoints, valid_from_year AS ValidFromYear, valid_to_year AS ValidToYear, is_illustrative AS IsIllustrative,
                   points_source AS PointsSource
            FROM dw.dim_criterion
            """));
    }

    public CatalogueCriterion? Find(string indexCode, string code, int year) =>
        _byCode[(indexCode, code)].FirstOrDefault(c => c.IsValidIn(year));

    public IReadOnlyList<CatalogueCriterion> ChildrenOf(string indexCode, string parentCode, int year) =>
        _byParent[(indexCode, parentCode)].Where(c => c.IsValidIn(year)).ToList();

    public IReadOnlyList<CatalogueCriterion> Level(string indexCode, int level, int year) =>
        All.Where(c => c.IndexCode == indexCode && c.Level == level && c.IsValidIn(year)).ToList();
}

/// <summary>One catalogue row, as the rules need it.</summary>
public sealed record CatalogueCriterion(
    string IndexCode,
    string CriterionCode,
    string? ParentCode,
    int Level,
    double? MaxPoints,
    int ValidFromYear,
    int? ValidToYear,
    bool IsIllustrative,
    string? PointsSource = null)
{
    public bool IsValidIn(int year) => ValidFromYear <= year && (ValidToYear is null || ValidToYear >= year);
}
