using System.Collections.Concurrent;

namespace Cchc.Reports.Analytics.Tables;

/// <summary>One province's scores in one index-year.</summary>
public sealed record ProvinceScores(ProvinceRef Province, int? PublishedRank, IReadOnlyDictionary<string, decimal> Scores, bool IsSynthetic)
{
    public decimal? Total => Scores.TryGetValue(Warehouse.IndexCodes.Total, out var t) ? t : null;

    public decimal? Score(string criterionCode) => Scores.TryGetValue(criterionCode, out var s) ? s : null;
}

/// <summary>
/// One index in one year, in memory: its criterion tree (one methodology version) and every province's scores.
/// The analytics are pure functions over these tables; <see cref="Data.AnalyticsSource"/> fills them from rpt views.
/// </summary>
public sealed class IndexYear
{
    private readonly Dictionary<string, List<CriterionInfo>> _children;
    // Filled on first use by whichever report thread asks; a rule is a pure function of the table, so two threads that
    // infer the same one at once agree.
    private readonly ConcurrentDictionary<string, AggregationRule> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Province, string Criterion), ScoreRow> _rows;

    public IndexYear(string indexCode, int year, IEnumerable<CriterionInfo> criteria, IEnumerable<ProvinceScores> provinces, IReadOnlyList<ScoreRow>? rows = null)
    {
        IndexCode = indexCode;
        Year = year;
        Rows = rows ?? [];
        _rows = Rows.ToDictionary(r => (r.ProvinceKey, r.CriterionCode));
        Criteria = criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        Provinces = provinces.ToDictionary(p => p.Province.Key);
        _children = Criteria.Values.Where(c => c.ParentCode is not null || c.Level == 1)
            .GroupBy(c => c.ParentCode ?? Warehouse.IndexCodes.Total, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Code, CriterionCodeComparer.Instance).ToList(), StringComparer.Ordinal);
        // The version most criteria carry: a catalogue may keep one TOTAL row across versions while the criteria
        // below it change, and criteria are what must not be compared across versions without a mapping.
        MethodologyVersion = Criteria.Values.Where(c => c.Code != Warehouse.IndexCodes.Total)
            .GroupBy(c => c.Version, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .FirstOrDefault()
            ?? (Criteria.TryGetValue(Warehouse.IndexCodes.Total, out var total) ? total.Version : "?");
        IsSynthetic = Provinces.Values.Any(p => p.IsSynthetic);
    }

    public string IndexCode { get; }

    public int Year { get; }

    /// <summary>The methodology version of the year's criteria (the one most of them carry).</summary>
    public string MethodologyVersion { get; }

    public IReadOnlyDictionary<string, CriterionInfo> Criteria { get; }

    public IReadOnlyDictionary<int, ProvinceScores> Provinces { get; }

    /// <summary>True when any score of this index-year is synthetic.</summary>
    public bool IsSynthetic { get; }

    /// <summary>The rows the table was read from (empty for tables built in memory): provenance for reports.</summary>
    public IReadOnlyList<ScoreRow> Rows { get; }

    /// <summary>Level-1 parts (fields, sub-indices, dimensions) in code order.</summary>
    public IReadOnlyList<CriterionInfo> Fields => ChildrenOf(Warehouse.IndexCodes.Total);

    /// <summary>Provinces with a total, in GSO code order.</summary>
    public IReadOnlyList<ProvinceScores> Ranked =>
        Provinces.Values.Where(p => p.Total is not null).OrderBy(p => p.Province.Code, StringComparer.Ordinal).ToList();

    /// <summary>The warehouse row of a province's criterion, when the table was read from the warehouse.</summary>
    public ScoreRow? Row(int provinceKey, string criterionCode) => _rows.GetValueOrDefault((provinceKey, criterionCode));

    /// <summary>Provinces with a total, i.e. the ones ranked.</summary>
    public int ProvincesRanked => Provinces.Values.Count(p => p.Total is not null);

    /// <summary>Builds the tables of every index-year present in <paramref name="rows"/>.</summary>
    public static IReadOnlyList<IndexYear> FromRows(IEnumerable<ScoreRow> rows) =>
        rows.GroupBy(r => (r.IndexCode, r.Year)).OrderBy(g => g.Key.IndexCode, StringComparer.Ordinal).ThenBy(g => g.Key.Year)
            .Select(g => FromRowsOfOneYear(g.Key.IndexCode, g.Key.Year, g.ToList()))
            .ToList();

    /// <summary>Children of a criterion; for TOTAL also level-1 criteria that name no parent.</summary>
    public IReadOnlyList<CriterionInfo> ChildrenOf(string code) =>
        _children.TryGetValue(code, out var list) ? list : [];

    public IReadOnlyList<CriterionInfo> AtLevel(int level) =>
        Criteria.Values.Where(c => c.Level == level).OrderBy(c => c.Code, CriterionCodeComparer.Instance).ToList();

    public ProvinceScores? Province(int key) => Provinces.GetValueOrDefault(key);

    /// <summary>Ranking of everyone else's totals, as seen by <paramref name="provinceKey"/> (null: rank everyone).</summary>
    public Exact.CompetitionRank PeersOf(int? provinceKey) =>
        new(Provinces.Values.Where(p => p.Province.Key != provinceKey && p.Total is not null).Select(p => p.Total!.Value));

    /// <summary>How <paramref name="parentCode"/> is computed from its children this year (sum, weights, fitted weights).</summary>
    public AggregationRule RuleFor(string parentCode) => _rules.GetOrAdd(parentCode, code => AggregationRule.Infer(this, code));

    /// <summary>The criterion a code adds up into (level-1 criteria without a parent add up into TOTAL).</summary>
    public string? ParentOf(string code) =>
        Criteria.TryGetValue(code, out var c) && code != Warehouse.IndexCodes.Total
            ? c.ParentCode ?? (c.Level == 1 ? Warehouse.IndexCodes.Total : null)
            : null;

    /// <summary>True when every parent from <paramref name="code"/> up to the total is a sum or weighted sum of its
    /// parts, i.e. a change to the code can be carried up to the total.</summary>
    public bool AddsUpToTotal(string code)
    {
        for (var parent = ParentOf(code); parent is not null; parent = ParentOf(parent))
        {
            if (RuleFor(parent).Basis == AggregationBasis.Unexplained)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How much one point of <paramref name="code"/> moves the total (product of factors up the tree).</summary>
    public decimal TotalEffectPerPoint(string code)
    {
        var factor = 1m;
        for (var (child, parent) = (code, ParentOf(code)); parent is not null; (child, parent) = (parent, ParentOf(parent)))
        {
            factor *= RuleFor(parent).FactorOf(child);
        }

        return factor;
    }

    private static IndexYear FromRowsOfOneYear(string indexCode, int year, IReadOnlyList<ScoreRow> rows)
    {
        var criteria = rows.GroupBy(r => r.CriterionCode, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(r => new CriterionInfo(r.CriterionCode, r.ParentCode, r.Level, r.CriterionName, r.CriterionNameEn, r.MethodologyVersion, r.MaxPoints, r.Weight, r.PointsSource));
        var provinces = rows.GroupBy(r => r.ProvinceKey).Select(g =>
        {
            var first = g.First();
            var total = g.FirstOrDefault(r => r.CriterionCode == Warehouse.IndexCodes.Total);
            var scores = g.Where(r => r.Score is not null).ToDictionary(r => r.CriterionCode, r => r.Score!.Value, StringComparer.Ordinal);
            return new ProvinceScores(new ProvinceRef(first.ProvinceKey, first.ProvinceCode, first.ProvinceName), total?.Rank, scores, g.Any(r => r.IsSynthetic));
        });
        return new IndexYear(indexCode, year, criteria, provinces, rows);
    }
}
