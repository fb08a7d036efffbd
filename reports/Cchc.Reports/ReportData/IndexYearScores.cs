namespace Cchc.Reports.ReportData;

/// <summary>One criterion of an index in one year (from the rows that carry it).</summary>
public sealed record CriterionInfo(string Code, string NameVi, string NameEn, string? ParentCode, int Level, double? MaxPoints, string MethodologyVersion)
{
    public string Name(Localization.ReportText text) =>
        text.Language == Localization.ReportLanguage.En ? (NameEn.Length > 0 ? NameEn : Code) : NameVi;
}

/// <summary>A province that has scores in the year.</summary>
public sealed record ProvinceInfo(int Key, string Code, string Name, string ShortName);

/// <summary>
/// Every score of one index in one year, for all provinces, read once and shared by every section of a report (and by
/// every province of a <c>--all</c> run).
/// </summary>
public sealed class IndexYearScores
{
    private readonly Dictionary<(int Province, string Criterion), ScoreRow> _rows;

    public IndexYearScores(string indexCode, int year, IReadOnlyList<ScoreRow> rows)
    {
        IndexCode = indexCode;
        Year = year;
        Rows = rows;
        _rows = rows.ToDictionary(r => (r.ProvinceKey, r.CriterionCode));
        Provinces = rows.Where(r => r.CriterionCode == Warehouse.IndexCodes.Total)
            .Select(r => new ProvinceInfo(r.ProvinceKey, r.ProvinceCode, r.ProvinceName, r.ProvinceShortName))
            .DistinctBy(p => p.Key).OrderBy(p => p.Code, StringComparer.Ordinal).ToList();
        Criteria = rows.GroupBy(r => r.CriterionCode, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(r => new CriterionInfo(r.CriterionCode, r.CriterionName, r.CriterionNameEn, r.ParentCriterionCode, r.Level, r.MaxPoints, r.MethodologyVersion))
            .OrderBy(c => c.Level).ThenBy(c => c.Code, CriterionCodeComparer.Instance).ToList();
    }

    public string IndexCode { get; }

    public int Year { get; }

    public IReadOnlyList<ScoreRow> Rows { get; }

    /// <summary>Provinces with a total score, by GSO code.</summary>
    public IReadOnlyList<ProvinceInfo> Provinces { get; }

    /// <summary>Criteria present in the year: total first, then fields (level 1), then deeper levels; in code order.</summary>
    public IReadOnlyList<CriterionInfo> Criteria { get; }

    public IEnumerable<CriterionInfo> Fields => Criteria.Where(c => c.Level == 1);

    public bool IsSynthetic => Rows.Any(r => r.IsSynthetic);

    public string? MethodologyVersion => Row(Provinces.Count > 0 ? Provinces[0].Key : -1, Warehouse.IndexCodes.Total)?.MethodologyVersion;

    public ScoreRow? Row(int provinceKey, string criterionCode) => _rows.GetValueOrDefault((provinceKey, criterionCode));

    public double? Score(int provinceKey, string criterionCode) => Row(provinceKey, criterionCode)?.Score;

    public ScoreRow? Total(int provinceKey) => Row(provinceKey, Warehouse.IndexCodes.Total);

    public bool Has(int provinceKey) => Total(provinceKey)?.Score is not null;

    /// <summary>Every province's total, for re-ranking (only provinces with a total score).</summary>
    public IReadOnlyDictionary<int, double> Totals() =>
        Rows.Where(r => r.CriterionCode == Warehouse.IndexCodes.Total && r.Score is not null).ToDictionary(r => r.ProvinceKey, r => r.Score!.Value);

    public IEnumerable<CriterionInfo> ChildrenOf(string parentCode) => Criteria.Where(c => c.ParentCode == parentCode);
}
