using System.Collections.Concurrent;
using System.Globalization;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Analytics.Data;

/// <summary>
/// The one door of the analytics and the report to the warehouse's scores: reads the reporting contract
/// (<c>rpt.index_score</c>, <c>rpt.criterion</c>, <c>rpt.province</c>) and, when present, <c>rpt.par_criterion_mapping</c>,
/// <c>rpt.remediation_task</c> and <c>rpt.dossier_on_time</c>, into the in-memory tables the pure analytics work on.
/// Every view is this repository's own, so columns are read by their documented names (warehouse/README.md).
/// Results are cached for the life of the object, and the object may be used from several threads (a report run
/// builds provinces in parallel over one source).
/// </summary>
public sealed class AnalyticsSource
{
    private readonly IWarehouse warehouse;

    // Lazy values: each table is read once even when several provinces ask for it at the same moment.
    private readonly ConcurrentDictionary<(string, int), Lazy<IndexYear?>> _tables = [];
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<IndexYear>>> _level1 = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyList<int>> _years = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, int), string?> _versions = [];
    private readonly Lazy<IReadOnlyDictionary<int, ProvinceInfo>> _provinces;
    private readonly List<string> _notes = [];

    public AnalyticsSource(IWarehouse warehouse)
    {
        this.warehouse = warehouse;
        _provinces = new(ReadProvinces);
    }

    /// <summary>What the source found or could not use among the optional views.</summary>
    public IReadOnlyList<string> Notes
    {
        get
        {
            lock (_notes)
            {
                return [.. _notes];
            }
        }
    }

    public IReadOnlyDictionary<int, ProvinceInfo> Provinces => _provinces.Value;

    public IReadOnlyList<int> Years(string indexCode) =>
        _years.GetOrAdd(indexCode, code =>
            warehouse.Query<int>("SELECT DISTINCT year FROM rpt.index_score WHERE index_code = @indexCode ORDER BY year", new { indexCode = code }));

    /// <summary>One index-year with every criterion level, or null when nothing of it is loaded.</summary>
    public IndexYear? Table(string indexCode, int year) =>
        _tables.GetOrAdd((indexCode, year), key =>
            new Lazy<IndexYear?>(() => IndexYear.FromRows(ReadScores(key.Item1, key.Item2, key.Item2, int.MaxValue)).SingleOrDefault())).Value;

    /// <summary>Every year of an index, totals and level-1 parts only (what the models use).</summary>
    public IReadOnlyList<IndexYear> Level1Tables(string indexCode) =>
        _level1.GetOrAdd(indexCode, code =>
            new Lazy<IReadOnlyList<IndexYear>>(() => IndexYear.FromRows(ReadScores(code, int.MinValue, int.MaxValue, 1)))).Value;

    /// <summary>The PAR criterion mapping between methodology versions (<c>rpt.par_criterion_mapping</c>; empty for other
    /// indices or when the view has no rows). Illustrative rows are kept, flagged: the attribution uses only the others.</summary>
    public ICriterionMapping CriterionMapping(string indexCode)
    {
        if (indexCode != IndexCodes.Par)
        {
            return Attribution.CriterionMapping.Empty;
        }

        if (!ViewExists("par_criterion_mapping"))
        {
            Note("No PAR criterion mapping (rpt.par_criterion_mapping) is loaded: criteria of different methodology versions are not compared.");
            return Attribution.CriterionMapping.Empty;
        }

        // A cast, not a bare boolean: SQL Server's bit is not a predicate and has no TRUE literal.
        var rows = warehouse.Query<(string FromVersion, string? FromCode, string ToVersion, string? ToCode, int Illustrative)>(
            "SELECT from_version, from_code, to_version, to_code, CAST(is_illustrative AS INTEGER) FROM rpt.par_criterion_mapping");
        return new CriterionMapping(rows.Select(r => new CriterionCorrespondence(r.FromVersion, Blank(r.FromCode), r.ToVersion, Blank(r.ToCode), r.Illustrative != 0)));
    }

    /// <summary>
    /// Lead agencies per criterion code from the province's remediation plans (<c>rpt.remediation_task</c>), taken only
    /// from a plan whose criteria are of the same methodology version as <paramref name="year"/>'s results: the plan that
    /// addresses that very year, else the plan addressing the nearest other year of the same version (earlier first).
    /// Null when no such plan is loaded.
    /// </summary>
    public PlanAgencies? LeadAgencies(ProvinceRef province, string indexCode, int year)
    {
        if (!ViewExists("remediation_task"))
        {
            Note("No remediation plans (rpt.remediation_task): lead agencies are not shown.");
            return null;
        }

        var rows = warehouse.Query<(int PlanYear, int ResultYear, string Code, string? Agencies, string? AgenciesEn)>(
            """
            SELECT CAST(plan_year AS INTEGER), CAST(result_year AS INTEGER), criterion_code, lead_agencies, lead_agencies_en FROM rpt.remediation_task
            WHERE province_key = @province AND index_code = @indexCode
            """,
            new { province = province.Key, indexCode });
        var version = VersionOf(indexCode, year);
        var plans = rows.Select(r => (r.PlanYear, r.ResultYear)).Distinct().ToList();
        var sameVersion = plans.Where(p => VersionOf(indexCode, p.ResultYear) == version)
            .OrderBy(p => Math.Abs(p.ResultYear - year)).ThenBy(p => p.ResultYear > year ? 1 : 0).ThenByDescending(p => p.PlanYear)
            .ToList();
        foreach (var other in plans.Except(sameVersion).Select(p => p.PlanYear).Distinct().Order())
        {
            Note($"{province.Name}'s remediation plan of {other} addresses results of another {indexCode} methodology than {version}: its lead agencies are not used.");
        }

        if (sameVersion.Count == 0)
        {
            return null;
        }

        var (planYear, resultYear) = sameVersion[0];
        Note($"Lead agencies from {province.Name}'s remediation plan of {planYear} (it addresses the {resultYear} results, methodology {version}).");
        var agencies = rows.Where(r => r.PlanYear == planYear && r.ResultYear == resultYear && !string.IsNullOrWhiteSpace(r.Agencies))
            .GroupBy(r => r.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new AgencyNames(string.Join("; ", g.Select(r => r.Agencies!.Trim()).Distinct()),
                g.All(r => r.AgenciesEn is null) ? null : string.Join("; ", g.Select(r => (r.AgenciesEn ?? r.Agencies)!.Trim()).Distinct())), StringComparer.Ordinal);
        return new PlanAgencies(planYear, resultYear, version, agencies);
    }

    /// <summary>The methodology version most of an index's criteria valid in <paramref name="year"/> carry (rpt.criterion).</summary>
    public string? VersionOf(string indexCode, int year) =>
        _versions.GetOrAdd((indexCode, year), key => warehouse.Query<(string Version, long Criteria)>(
                    """
                    SELECT methodology_version, COUNT(*) FROM rpt.criterion
                    WHERE index_code = @indexCode AND level >= 1 AND valid_from_year <= @year AND (valid_to_year IS NULL OR valid_to_year >= @year)
                    GROUP BY methodology_version
                    """,
                    new { indexCode = key.Item1, year = key.Item2 })
                .OrderByDescending(v => v.Criteria).ThenBy(v => v.Version, StringComparer.Ordinal)
                .Select(v => v.Version).FirstOrDefault());

    /// <summary>Yearly one-stop on-time rate per province key and year from <c>rpt.dossier_on_time</c>: on time ÷ rated,
    /// as the view's own <c>on_time_rate</c> counts them; null when the view is absent or has no rows.</summary>
    public IReadOnlyDictionary<(int ProvinceKey, int Year), double>? OnTimeRates()
    {
        if (!ViewExists("dossier_on_time"))
        {
            Note("No one-stop data (rpt.dossier_on_time): the models use index scores only.");
            return null;
        }

        var rows = warehouse.Query<(int Province, int Year, decimal OnTime, decimal Rated)>(
            """
            SELECT CAST(province_key AS INTEGER), CAST(year AS INTEGER), CAST(SUM(on_time) AS DECIMAL(18, 0)), CAST(SUM(rated) AS DECIMAL(18, 0))
            FROM rpt.dossier_on_time GROUP BY province_key, year
            """);
        return rows.Count == 0 ? null : rows.Where(r => r.Rated > 0).ToDictionary(r => (r.Province, r.Year), r => (double)(r.OnTime / r.Rated));
    }

    /// <summary>Every <c>rpt</c> view this code reads is defined by the warehouse's own schema; an older or partial
    /// warehouse may lack the optional ones (plans, one-stop, mapping), which then produce a note, never an error.</summary>
    private bool ViewExists(string view) =>
        warehouse.Query<long>("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'rpt' AND table_name = @view", new { view }).Single() > 0;

    private void Note(string note)
    {
        lock (_notes)
        {
            _notes.Add(note);
        }
    }

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
                       s.rank AS Rank, s.is_synthetic AS IsSynthetic, s.source_file AS SourceFile, c.points_source AS PointsSource,
                       s.rank_source AS RankSource, s.provinces_ranked AS ProvincesRanked, s.run_id AS RunId
                FROM rpt.index_score s
                LEFT JOIN rpt.criterion c ON c.criterion_key = s.criterion_key
                WHERE s.index_code = @indexCode AND s.year BETWEEN @fromYear AND @toYear AND s.level <= @maxLevel
                ORDER BY s.year, s.province_key, s.level, s.criterion_code
                """,
                new { indexCode, fromYear, toYear, maxLevel })
            .Select(d => new ScoreRow(d.IndexCode, d.Year, d.ProvinceKey, d.ProvinceCode, d.ProvinceName, d.CriterionCode, d.ParentCode, d.Level,
                d.MethodologyVersion, d.CriterionName, d.CriterionNameEn, Exact(d.MaxPoints), Exact(d.Weight), Exact(d.Score), d.Rank, d.IsSynthetic, d.SourceFile,
                string.IsNullOrWhiteSpace(d.PointsSource) ? null : d.PointsSource, d.RankSource, d.ProvincesRanked, d.RunId))
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

        public string? PointsSource { get; set; }

        public string RankSource { get; set; } = "computed";

        public int ProvincesRanked { get; set; }

        public long RunId { get; set; }
    }
}
