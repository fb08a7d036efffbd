using System.Globalization;
using System.Text;
using Cchc.Etl.Loading;
using Cchc.Etl.Quality;
using Cchc.Etl.Sources;
using Cchc.Etl.Spreadsheets;
using Cchc.Etl.Tests.Plans;
using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Tests.Quality;

/// <summary>The rules in the load path: errors block a file before it is loaded, findings are stored after it.</summary>
public sealed class QualityGateTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public QualityGateTests()
    {
        // A minimal PAR catalogue in place of the seeded tree (keeping its TOTAL rows): field 1 and two of its criteria.
        _temp.Warehouse.Execute("DELETE FROM dw.dim_criterion WHERE index_code = 'PAR' AND criterion_code <> 'TOTAL'");
        var rows = new (int Key, string Code, string? Parent, int Level, double Max)[]
        {
            (9001, "1", IndexCodes.Total, 1, 10), (9002, "1.1", "1", 2, 2), (9003, "1.2", "1", 2, 3),
        };
        foreach (var r in rows)
        {
            _temp.Warehouse.Execute(
                """
                INSERT INTO dw.dim_criterion (criterion_key, index_code, version_code, criterion_code, parent_code, level, name_vi, name_en,
                    max_points, weight, points_source, valid_from_year, valid_to_year, is_illustrative, note)
                VALUES (@Key, 'PAR', 'TEST', @Code, @Parent, @Level, @Code, @Code, @Max, NULL, 'appraisal', 2012, NULL, FALSE, NULL)
                """,
                new { r.Key, r.Code, r.Parent, r.Level, r.Max });
        }
    }

    public void Dispose() => _temp.Dispose();

    private IWarehouse W => _temp.Warehouse;

    /// <summary>A PAR 2017 result file: every province's total (ranked by score) and Lâm Đồng's score for 1.2.</summary>
    private string ResultFile(string name, double lamDong12, Func<Province, bool>? include = null, bool swapFirstRanks = false)
    {
        var lines = new List<string> { "year,province,criterion,score,rank" };
        var provinces = ProvinceCatalog.Default.ValidAtEndOf(2017).Where(include ?? (_ => true)).ToList();
        for (var i = 0; i < provinces.Count; i++)
        {
            var rank = swapFirstRanks && i < 2 ? 2 - i : i + 1;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"2017,{provinces[i].GsoCode},TOTAL,{90 - (i * 0.5)},{rank}"));
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"2017,68,1.2,{lamDong12},"));
        var path = Path.Combine(_temp.Directory, name);
        File.WriteAllText(path, string.Join("\n", lines), new UTF8Encoding(false));
        return path;
    }

    private static FileLoadResult LoadResults(IWarehouse warehouse, string path)
    {
        var run = warehouse.StartRun("test load par");
        var result = new IndexFileLoader(new CsvResultSource()).Load(warehouse, run, path);
        warehouse.FinishRun(run, result.Succeeded ? "succeeded" : "failed");
        return result;
    }

    private IReadOnlyList<(string Rule, string Severity, string Stage, string? Province, string? Criterion, bool Current)> Findings() =>
        W.Query<(string, string, string, string?, string?, bool)>(
            "SELECT rule_name, severity, stage, province_code, criterion_code, is_current FROM rpt.dq_finding ORDER BY finding_id");

    [Fact]
    public void An_error_blocks_the_file_and_is_stored_with_its_location()
    {
        var result = LoadResults(W, ResultFile("par-2017-bad.csv", lamDong12: 3.5));
        Assert.False(result.Succeeded);
        Assert.StartsWith("blocked by 1 data-quality error(s): [score-within-range] Lâm Đồng PAR 2017, criterion 1.2: score 3.5 is above the max points 3", result.Error);
        Assert.Equal(0L, W.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
        Assert.Equal("failed", W.Query<string>("SELECT status FROM etl.file").Single());
        var finding = W.Query<(string Rule, string Stage, bool Blocked, string File, int Row)>(
            "SELECT rule_name, stage, blocked_load, source_file, source_row FROM rpt.dq_finding WHERE severity = 'error'").Single();
        Assert.Equal(("score-within-range", "pre-load", true, "par-2017-bad.csv", 65), finding);
    }

    [Fact]
    public void Warnings_are_stored_after_the_load_with_the_file_that_caused_them()
    {
        var result = LoadResults(W, ResultFile("par-2017.csv", lamDong12: 1.0, include: p => p.Key != 1, swapFirstRanks: true));
        Assert.True(result.Succeeded, result.Error);
        var findings = Findings();
        Assert.Contains(("province-coverage", "warning", "post-load", "01", (string?)null, true), findings);
        Assert.Equal(2, findings.Count(f => f.Rule == "rank-matches-score"));
        Assert.Contains(findings, f => f.Rule == "catalogue-fields-sum-to-100" && f.Criterion == IndexCodes.Total);
        Assert.All(W.Query<long?>("SELECT file_id FROM etl.dq_finding"), id => Assert.Equal(1L, id));
        Assert.DoesNotContain(findings, f => f.Severity == "error");
    }

    [Fact]
    public void Plans_are_keyed_to_the_catalogue_and_checked_against_the_loaded_results()
    {
        Assert.True(LoadResults(W, ResultFile("par-2017.csv", lamDong12: 1.0)).Succeeded);
        Assert.True(PlanFixtures.Load(W, PlanFixtures.Csv).Succeeded);

        var keys = W.Query<(string Code, int? Key, double? CatalogueMax)>(
            "SELECT criterion_code, criterion_key, catalogue_max_points FROM rpt.remediation_task WHERE criterion_code IN ('1', '1.1', '1.2', '1.5') ORDER BY criterion_code");
        Assert.Equal([("1", 9001, 10.0), ("1.1", 9002, 2.0), ("1.2", 9003, 3.0), ("1.5", null, null)], keys);
        Assert.Equal([9001, 9002, 9003], W.Query<int>("SELECT criterion_key FROM dw.fact_remediation_task WHERE criterion_key IS NOT NULL ORDER BY 1"));

        var planFindings = Findings().Where(f => f.Province == "68" && f.Current).ToList();
        Assert.Contains(("max-points-match-catalogue", "warning", "post-load", "68", "1.1", true), planFindings);
        Assert.Contains(("plan-score-matches-result", "warning", "post-load", "68", "1.2", true), planFindings);

        // The corrected result file agrees with the plan: reloading it re-checks the plan and clears the finding.
        Assert.True(LoadResults(W, ResultFile("par-2017-corrected.csv", lamDong12: 0.75)).Succeeded);
        var current = Findings().Where(f => f.Current).ToList();
        Assert.DoesNotContain(current, f => f.Rule == "plan-score-matches-result");
        Assert.Contains(current, f => f.Rule == "max-points-match-catalogue");
        Assert.Contains(Findings(), f => f.Rule == "plan-score-matches-result" && !f.Current);
    }

    [Fact]
    public void A_plan_with_a_score_above_its_max_is_blocked_and_leaves_the_earlier_plan_in_place()
    {
        Assert.True(PlanFixtures.Load(W, PlanFixtures.Csv).Succeeded);
        var path = Path.Combine(_temp.Directory, "ke-hoach-sai.csv");
        var text = File.ReadAllText(PlanFixtures.Csv, Encoding.UTF8)
            .Replace("1.2,Thực hiện chế độ báo cáo định kỳ,3,\"0,75\",\"2,25\"", "1.2,Thực hiện chế độ báo cáo định kỳ,3,\"3,75\",\"-0,75\"", StringComparison.Ordinal);
        File.WriteAllText(path, text, Encoding.UTF8);

        var result = PlanFixtures.Load(W, path);
        Assert.False(result.Succeeded);
        Assert.Contains("[score-within-range] Lâm Đồng PAR 2017 (plan 2018), criterion 1.2: score 3.75 is above the max points 3", result.Error);
        Assert.Equal(0.75, W.Query<double>("SELECT appraised_points FROM rpt.remediation_task WHERE criterion_code = '1.2'").Single());
        var blocked = W.Query<(string File, int Row, bool Current)>(
            "SELECT source_file, source_row, is_current FROM rpt.dq_finding WHERE blocked_load ORDER BY finding_id");
        Assert.Equal([("ke-hoach-sai.csv", 9, true), ("ke-hoach-sai.csv", 9, true)], blocked);
        Assert.Equal(["loaded", "failed"], W.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    [Fact]
    public void The_dq_command_supersedes_warehouse_findings_but_keeps_those_of_blocked_files()
    {
        Assert.False(LoadResults(W, ResultFile("par-2017-bad.csv", lamDong12: 3.5)).Succeeded);
        Assert.True(PlanFixtures.Load(W, PlanFixtures.Csv).Succeeded);
        var before = Findings().Where(f => f.Current).ToList();

        var run = W.StartRun("dq");
        var found = WarehouseQuality.Evaluate(SqlRunner.Of(W), run, null, DqStages.Command, new QualityScope(IndexCodes.Par, [2017]), loadedSubjects: []);
        W.FinishRun(run, "succeeded");

        var after = Findings().Where(f => f.Current).ToList();
        Assert.Equal(before.Count, after.Count);
        Assert.Contains(after, f => f is { Rule: "score-within-range", Stage: "pre-load" });
        Assert.Equal(found.Count, after.Count(f => f.Stage == "dq"));
        Assert.Equal(
            before.Where(f => f.Stage == "post-load").Select(f => (f.Rule, f.Criterion)).Order(),
            after.Where(f => f.Stage == "dq").Select(f => (f.Rule, f.Criterion)).Order());
    }

    /// <summary>A stand-in PAR result parser (the real one is built elsewhere): one score per CSV row.</summary>
    private sealed class CsvResultSource : IIndexSource
    {
        public string Kind => "par";

        public string IndexCode => IndexCodes.Par;

        public bool Recognises(Workbook workbook) => true;

        public ParsedScores Parse(Workbook workbook)
        {
            var sheet = workbook.Sheets[0];
            var scores = Enumerable.Range(1, sheet.RowCount - 1)
                .Select(r => new ScoreRecord(
                    IndexCodes.Par, (int)sheet.RequireNumber(r, 0, "year"), sheet.Text(r, 1)!, sheet.Text(r, 2)!, sheet.Number(r, 3),
                    sheet.Number(r, 4) is { } rank ? (int)rank : null, false, sheet.Where(r, 3)))
                .ToList();
            return new ParsedScores(IndexCodes.Par, scores.Select(s => s.Year).Distinct().ToList(), scores, []);
        }
    }
}
