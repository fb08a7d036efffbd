using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Tests.Reports;

/// <summary>
/// A small warehouse for report tests, built through the real load path (ILoadSession.ReplaceScores): PAR fields and
/// criteria replacing the seeded PAR catalogue with one small version valid every year, deterministic scores in which criteria add
/// up to fields and fields to the total, PCI and PAPI totals for the scatter and rank history.
/// </summary>
public sealed class ReportWarehouse : IDisposable
{
    public const string LamDong = "68";

    public static readonly (string Code, string Vi, string En, double Max)[] Fields =
    [
        ("1", "Công tác chỉ đạo điều hành CCHC", "Direction and management of reform", 10.0),
        ("2", "Xây dựng và tổ chức thực hiện văn bản QPPL tại tỉnh", "Legal normative documents", 10.0),
        ("3", "Cải cách thủ tục hành chính", "Administrative procedure reform", 14.5),
        ("4", "Cải cách tổ chức bộ máy hành chính", "Organisational reform", 11.0),
        ("5", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", "Officials, civil servants and public employees", 16.0),
        ("6", "Cải cách tài chính công", "Public finance reform", 7.0),
        ("7", "Hiện đại hóa hành chính", "Modernisation of administration", 16.0),
        ("8", "Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH của tỉnh", "Impact on people, organisations and development", 15.5),
    ];

    private readonly int? _provinceCount;
    private int _nextCriterionKey = 5000;

    public ReportWarehouse(IReadOnlyList<int> years, int? provinceCount = null, bool synthetic = true, bool nfdNames = false)
    {
        Temp = new TempWarehouse();
        Years = years;
        AddParCatalogue(nfdNames);
        _provinceCount = provinceCount;
        Provinces = ProvincesIn(years[^1]);
        foreach (var year in years)
        {
            Load(IndexCodes.Par, year, ParScores(year, synthetic), $"par-{year}.xlsx");
            Load(IndexCodes.Pci, year, Totals(IndexCodes.Pci, year, 55, 15, synthetic), $"pci-{year}.xlsx");
            if (year >= 2018 || year == years[^1])
            {
                Load(IndexCodes.Papi, year, Totals(IndexCodes.Papi, year, 35, 12, synthetic), $"papi-{year}.xlsx");
            }
        }
    }

    public TempWarehouse Temp { get; }

    public IWarehouse Warehouse => Temp.Warehouse;

    public IReadOnlyList<int> Years { get; }

    /// <summary>The provinces of the last year.</summary>
    public IReadOnlyList<Province> Provinces { get; }

    /// <summary>The provinces scored in a year: those existing at its end (63 before the reform, 34 after), or a few of them.</summary>
    public IReadOnlyList<Province> ProvincesIn(int year) =>
        ProvinceCatalog.Default.ValidAtEndOf(year)
            .Where(p => _provinceCount is null || p.GsoCode == LamDong || p.Key % 9 == 1)
            .OrderBy(p => p.GsoCode == LamDong ? 0 : 1).ThenBy(p => p.Key)
            .Take(_provinceCount ?? int.MaxValue)
            .ToList();

    /// <summary>Share of the maximum a province earns in a field in a year: deterministic, spread over 0.45–0.98.</summary>
    public static double Share(int province, int field, int year) =>
        0.45 + (0.53 * ((((province * 37) + (field * 53) + (province * field * 11) + (year * 7)) % 97) / 96.0));

    public double? Score(string indexCode, int year, string provinceCode, string criterion) =>
        Warehouse.Query<double?>(
            "SELECT score FROM rpt.index_score WHERE index_code = @indexCode AND year = @year AND province_code = @provinceCode AND criterion_code = @criterion",
            new { indexCode, year, provinceCode, criterion }).SingleOrDefault();

    public int Rank(string indexCode, int year, string provinceCode) =>
        Warehouse.Query<int>(
            "SELECT rank FROM rpt.index_score WHERE index_code = @indexCode AND year = @year AND province_code = @provinceCode AND criterion_code = 'TOTAL'",
            new { indexCode, year, provinceCode }).Single();

    public void Dispose() => Temp.Dispose();

    private void AddParCatalogue(bool nfdNames)
    {
        // The test's own small PAR tree replaces the seeded methodology, so that expected numbers stay hand-checkable.
        // One version for every year, so that consecutive years compare field by field.
        Warehouse.Execute("DELETE FROM dw.dim_criterion WHERE index_code = 'PAR'");
        string Name(string text) => nfdNames ? text.Normalize(System.Text.NormalizationForm.FormD) : text;
        AddCriterion(IndexCodes.Total, null, 0, "Chỉ số CCHC cấp tỉnh", "Provincial PAR Index", 100.0);
        foreach (var (code, vi, en, max) in Fields)
        {
            AddCriterion(code, null, 1, Name(vi), en, max);
            var parts = code == "3" ? 4 : 2;
            for (var k = 1; k <= parts; k++)
            {
                AddCriterion($"{code}.{k}", code, 2, Name(k == 4 ? "Tỷ lệ hồ sơ giải quyết đúng hạn" : $"Tiêu chí {code}.{k} của lĩnh vực {code}"),
                    k == 4 ? "On-time dossiers" : $"Criterion {code}.{k}", Math.Round(max / parts, 4));
            }
        }

        foreach (var (code, level) in new[] { ("3.4.1", "cấp tỉnh"), ("3.4.2", "cấp huyện"), ("3.4.3", "cấp xã") })
        {
            AddCriterion(code, "3.4", 3, Name($"Tỷ lệ hồ sơ đúng hạn {level}"), $"On-time dossiers, {code}", Math.Round(14.5 / 4 / 3, 4));
        }
    }

    private void AddCriterion(string code, string? parent, int level, string vi, string en, double max) =>
        Warehouse.Execute(
            """
            INSERT INTO dw.dim_criterion (criterion_key, index_code, version_code, criterion_code, parent_code, level, name_vi, name_en,
                max_points, weight, points_source, valid_from_year, valid_to_year, is_illustrative, note)
            VALUES (@key, 'PAR', 'PAR', @code, @parent, @level, @vi, @en, @max, NULL, 'appraisal', 2012, NULL, TRUE, NULL)
            """,
            new { key = _nextCriterionKey++, code, parent, level, vi, en, max });

    private List<ScoreRecord> ParScores(int year, bool synthetic)
    {
        var records = new List<ScoreRecord>();
        foreach (var p in ProvincesIn(year))
        {
            var total = 0.0;
            for (var f = 0; f < Fields.Length; f++)
            {
                var (code, _, _, max) = Fields[f];
                var parts = code == "3" ? 4 : 2;
                var partMax = Math.Round(max / parts, 4);
                var fieldScore = 0.0;
                for (var k = 1; k <= parts; k++)
                {
                    var s = Math.Round(partMax * Share(p.Key + k, f, year), 2);
                    fieldScore += s;
                    records.Add(Record(IndexCodes.Par, year, p, $"{code}.{k}", s, synthetic));
                    if (code == "3" && k == 4)
                    {
                        var third = Math.Round(s / 3, 2);
                        records.Add(Record(IndexCodes.Par, year, p, "3.4.1", third, synthetic));
                        records.Add(Record(IndexCodes.Par, year, p, "3.4.2", third, synthetic));
                        records.Add(Record(IndexCodes.Par, year, p, "3.4.3", Math.Round(s - (2 * third), 2), synthetic));
                    }
                }

                fieldScore = Math.Round(fieldScore, 2);
                total += fieldScore;
                records.Add(Record(IndexCodes.Par, year, p, code, fieldScore, synthetic));
            }

            records.Add(Record(IndexCodes.Par, year, p, IndexCodes.Total, Math.Round(total, 2), synthetic));
        }

        return records;
    }

    private List<ScoreRecord> Totals(string index, int year, double floor, double spread, bool synthetic) =>
        ProvincesIn(year).Select(p => Record(index, year, p, IndexCodes.Total, Math.Round(floor + (spread * Share(p.Key, index.Length, year)), 2), synthetic)).ToList();

    private static ScoreRecord Record(string index, int year, Province p, string criterion, double score, bool synthetic) =>
        new(index, year, p.GsoCode, criterion, score, null, synthetic, new SourceLocation($"{index.ToLowerInvariant()}-{year}.xlsx", "Sheet1", 1));

    private void Load(string index, int year, List<ScoreRecord> records, string fileName)
    {
        var run = Warehouse.StartRun($"test load {index} {year}");
        using (var session = Warehouse.BeginFile(run, new SourceFileInfo(Path.Combine(Temp.Directory, fileName), index.ToLowerInvariant(), new string('a', 64), 1000)))
        {
            var rejected = session.ReplaceScores(index, [year], records);
            Assert.Empty(rejected);
            session.Commit(new FileLoadOutcome(records.Count, 0, "loaded"));
        }

        Warehouse.FinishRun(run, "succeeded");
    }
}
