using System.Globalization;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Analytics.Data;

/// <summary>
/// The analytics' only door to the warehouse: reads the reporting contract (<c>rpt.index_score</c>,
/// <c>rpt.criterion</c>, <c>rpt.province</c>) and, when present, <c>rpt.par_criterion_mapping</c>,
/// <c>rpt.remediation_task</c> and <c>rpt.dossier_on_time</c>, into the in-memory tables the pure analytics work on.
/// Results are cached for the life of the object.
/// </summary>
public sealed class AnalyticsSource(IWarehouse warehouse)
{
    private readonly Dictionary<(string, int), IndexYear?> _tables = [];
    private readonly Dictionary<string, IReadOnlyList<IndexYear>> _level1 = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private IReadOnlyDictionary<int, ProvinceInfo>? _provinces;

    /// <summary>What the source found or could not use among the optional views.</summary>
    public IReadOnlyList<string> Notes => _notes;

    public IReadOnlyDictionary<int, ProvinceInfo> Provinces => _provinces ??= ReadProvinces();

    public IReadOnlyList<int> Years(string indexCode) =>
        warehouse.Query<int>("SELECT DISTINCT year FROM rpt.index_score WHERE index_code = @indexCode ORDER BY year", new { indexCode });

    /// <summary>One index-year with every criterion level, or null when nothing of it is loaded.</summary>
    public IndexYear? Table(string indexCode, int year)
    {
        if (!_tables.TryGetValue((indexCode, year), out var table))
        {
            _tables[(indexCode, year)] = table = IndexYear.FromRows(ReadScores(indexCode, year, year, int.MaxValue)).SingleOrDefault();
        }

        return table;
    }

    /// <summary>Every year of an index, totals and level-1 parts only (what the models use).</summary>
    public IReadOnlyList<IndexYear> Level1Tables(string indexCode)
    {
        if (!_level1.TryGetValue(indexCode, out var tables))
        {
            _level1[indexCode] = tables = IndexYear.FromRows(ReadScores(indexCode, int.MinValue, int.MaxValue, 1));
        }

        return tables;
    }

    /// <summary>The PAR criterion mapping between methodology versions (empty when <c>rpt.par_criterion_mapping</c>
    /// is absent or has none). Expected columns: from_version, from_criterion_code, to_version, to_criterion_code.</summary>
    public ICriterionMapping CriterionMapping(string indexCode)
    {
        if (indexCode != IndexCodes.Par)
        {
            return Attribution.CriterionMapping.Empty;
        }

        var view = ViewColumns.Read(warehouse, "par_criterion_mapping");
        var fromVersion = view.Pick("from_version", "old_version", "source_version", "from_methodology_version");
        var fromCode = view.Pick("from_criterion_code", "old_criterion_code", "source_criterion_code", "from_code");
        var toVersion = view.Pick("to_version", "new_version", "target_version", "to_methodology_version");
        var toCode = view.Pick("to_criterion_code", "new_criterion_code", "target_criterion_code", "to_code");
        if (!view.Exists)
        {
            _notes.Add("No PAR criterion mapping (rpt.par_criterion_mapping) is loaded: criteria of different methodology versions are not compared.");
            return Attribution.CriterionMapping.Empty;
        }

        if (fromVersion is null || fromCode is null || toVersion is null || toCode is null)
        {
            _notes.Add($"{view.Describe()} lacks the expected columns from_version, from_criterion_code, to_version, to_criterion_code; it is not used.");
            return Attribution.CriterionMapping.Empty;
        }

        var rows = warehouse.Query<(string FromVersion, string? FromCode, string ToVersion, string? ToCode)>(
            $"SELECT {fromVersion}, {fromCode}, {toVersion}, {toCode} FROM rpt.par_criterion_mapping");
        return new CriterionMapping(rows.Select(r => new CriterionCorrespondence(r.FromVersion, Blank(r.FromCode), r.ToVersion, Blank(r.ToCode))));
    }

    /// <summary>
    /// Lead agency per criterion code from the province's remediation plan for results of <paramref name="year"/>
    /// (the plan of year+1, else of that year, else the latest earlier one); null when no plan is loaded.
    /// </summary>
    public IReadOnlyDictionary<string, string>? LeadAgencies(ProvinceRef province, int year)
    {
        var view = ViewColumns.Read(warehouse, "remediation_task");
        if (!view.Exists)
        {
            return null;
        }

        var provinceColumn = view.Pick("province_key", "province_code");
        var yearColumn = view.Pick("plan_year", "year");
        var criterion = view.Pick("criterion_code");
        var lead = view.Pick("lead_agencies", "lead_agency", "lead_agency_name", "lead_agency_vi", "agency_lead");
        var (agency, role) = (view.Pick("agency_name", "agency"), view.Pick("agency_role", "role"));
        if (provinceColumn is null || yearColumn is null || criterion is null || (lead is null && (agency is null || role is null)))
        {
            _notes.Add($"{view.Describe()} lacks a province, plan year, criterion code or lead-agency column; lead agencies are not shown.");
            return null;
        }

        var agencyExpression = lead ?? agency!;
        var roleFilter = lead is null ? $" AND LOWER({role}) IN (@lead, @leadVi, @leadFolded)" : string.Empty;
        var rows = warehouse.Query<(int PlanYear, string Code, string? Agency)>(
            $"SELECT CAST({yearColumn} AS INTEGER), {criterion}, {agencyExpression} FROM rpt.remediation_task " +
            $"WHERE CAST({provinceColumn} AS VARCHAR(10)) = @province{roleFilter}",
            new
            {
                province = provinceColumn == "province_key" ? province.Key.ToString(CultureInfo.InvariantCulture) : province.Code,
                lead = "lead", leadVi = "chủ trì", leadFolded = "chu tri",
            });
        var planYears = rows.Select(r => r.PlanYear).Distinct().ToList();
        int? chosen = planYears.Contains(year + 1) ? year + 1 : planYears.Contains(year) ? year : planYears.Where(y => y < year).Order().LastOrDefault();
        if (chosen is null or 0)
        {
            return null;
        }

        _notes.Add($"Lead agencies from {province.Name}'s remediation plan of {chosen}.");
        return rows.Where(r => r.PlanYear == chosen && !string.IsNullOrWhiteSpace(r.Agency))
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("; ", g.Select(r => r.Agency!.Trim()).Distinct()), StringComparer.Ordinal);
    }

    /// <summary>Yearly one-stop on-time rate per province key and year from <c>rpt.dossier_on_time</c>: on time ÷ rated
    /// as the view counts them (on time ÷ finished for a view without a rated count); null when the view is absent or
    /// its columns are not recognised.</summary>
    public IReadOnlyDictionary<(int ProvinceKey, int Year), double>? OnTimeRates()
    {
        var view = ViewColumns.Read(warehouse, "dossier_on_time");
        if (!view.Exists)
        {
            _notes.Add("No one-stop data (rpt.dossier_on_time): the models use index scores only.");
            return null;
        }

        var provinceColumn = view.Pick("province_key", "province_code");
        var period = view.Pick("year", "month_start", "month", "period_month", "received_month");
        var onTime = view.Pick("on_time", "on_time_count", "dossiers_on_time", "finished_on_time");
        var finished = view.Pick("rated", "finished", "finished_count", "dossiers_finished", "resolved", "completed");
        if (provinceColumn is null || period is null || onTime is null || finished is null)
        {
            _notes.Add($"{view.Describe()} lacks a province, month/year, on-time or finished column; one-stop rates are not used.");
            return null;
        }

        var rows = warehouse.Query<(object Province, object Period, decimal OnTime, decimal Finished)>(
            $"SELECT {provinceColumn}, {period}, SUM({onTime} * 1.0), SUM({finished} * 1.0) FROM rpt.dossier_on_time GROUP BY {provinceColumn}, {period}");
        var rates = new Dictionary<(int, int), (decimal OnTime, decimal Finished)>();
        foreach (var r in rows)
        {
            var year = YearOf(r.Period);
            var key = provinceColumn == "province_key" ? Convert.ToInt32(r.Province, CultureInfo.InvariantCulture) : KeyOf(Convert.ToString(r.Province, CultureInfo.InvariantCulture)!, year);
            if (year is null || key is null)
            {
                continue;
            }

            var sum = rates.GetValueOrDefault((key.Value, year.Value));
            rates[(key.Value, year.Value)] = (sum.OnTime + r.OnTime, sum.Finished + r.Finished);
        }

        return rates.Where(r => r.Value.Finished > 0).ToDictionary(r => r.Key, r => (double)(r.Value.OnTime / r.Value.Finished));
    }

    private int? KeyOf(string code, int? year) =>
        year is null ? null : Provinces.Values.FirstOrDefault(p => p.Code == code && p.IsValidAtEndOf(year.Value))?.Key;

    private static int? YearOf(object period) => period switch
    {
        DateTime d => d.Year,
        DateOnly d => d.Year,
        int n => n > 10000 ? n / 100 : n,
        long n => (int)(n > 10000 ? n / 100 : n),
        string s when s.Length >= 4 && int.TryParse(s[..4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) => y,
        _ => null,
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private IReadOnlyDictionary<int, ProvinceInfo> ReadProvinces() =>
        warehouse.Query<(int Key, string Code, string ShortName, string ValidFrom, string? ValidTo, string FormedFrom)>(
                """
                SELECT province_key, province_code, province_short_name, CAST(valid_from AS VARCHAR(10)), CAST(valid_to AS VARCHAR(10)), formed_from_codes
                FROM rpt.province
                """)
            .Select(p => new ProvinceInfo(p.Key, p.Code, p.ShortName, DateOnly.ParseExact(p.ValidFrom, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.ValidTo is null ? null : DateOnly.ParseExact(p.ValidTo, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.FormedFrom.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            .ToDictionary(p => p.Key);

    private IReadOnlyList<ScoreRow> ReadScores(string indexCode, int fromYear, int toYear, int maxLevel) =>
        warehouse.Query<ScoreDto>(
                """
                SELECT s.index_code AS IndexCode, s.year AS Year, s.province_key AS ProvinceKey, s.province_code AS ProvinceCode,
                       s.province_short_name AS ProvinceName, s.criterion_code AS CriterionCode, s.parent_criterion_code AS ParentCode,
                       s.level AS Level, s.methodology_version AS MethodologyVersion, s.criterion_name AS CriterionName,
                       s.criterion_name_en AS CriterionNameEn, s.max_points AS MaxPoints, c.weight AS Weight, s.score AS Score,
                       s.rank AS Rank, s.is_synthetic AS IsSynthetic, s.source_file AS SourceFile
                FROM rpt.index_score s
                LEFT JOIN rpt.criterion c ON c.criterion_key = s.criterion_key
                WHERE s.index_code = @indexCode AND s.year BETWEEN @fromYear AND @toYear AND s.level <= @maxLevel
                ORDER BY s.year, s.province_key, s.level, s.criterion_code
                """,
                new { indexCode, fromYear, toYear, maxLevel })
            .Select(d => new ScoreRow(d.IndexCode, d.Year, d.ProvinceKey, d.ProvinceCode, d.ProvinceName, d.CriterionCode, d.ParentCode, d.Level,
                d.MethodologyVersion, d.CriterionName, d.CriterionNameEn, Exact(d.MaxPoints), Exact(d.Weight), Exact(d.Score), d.Rank, d.IsSynthetic, d.SourceFile))
            .ToList();

    /// <summary>Published scores are short decimals stored as doubles; converting keeps 15 significant digits, so
    /// 70.99 comes back as exactly 70.99m and sums of scores are exact.</summary>
    private static decimal? Exact(double? value) => value is null ? null : (decimal)value.Value;

    private sealed class ScoreDto
    {
        public string IndexCode { get; set; } = "";

        public int Year { get; set; }

        public int ProvinceKey { get; set; }

        public string ProvinceCode { get; set; } = "";

        public string ProvinceName { get; set; } = "";

        public string CriterionCode { get; set; } = "";

        public string? ParentCode { get; set; }

        public int Level { get; set; }

        public string MethodologyVersion { get; set; } = "";

        public string CriterionName { get; set; } = "";

        public string CriterionNameEn { get; set; } = "";

        public double? MaxPoints { get; set; }

        public double? Weight { get; set; }

        public double? Score { get; set; }

        public int? Rank { get; set; }

        public bool IsSynthetic { get; set; }

        public string? SourceFile { get; set; }
    }
}
