using Cchc.Etl.Samples;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Plans;

/// <summary>The appendix loaded once from the CSV fixture, shared by the tests that only read it.</summary>
public sealed class LoadedAppendix : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public LoadedAppendix()
    {
        var result = PlanFixtures.Load(_temp.Warehouse, PlanFixtures.Csv);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Error);
        }
    }

    public IWarehouse Warehouse => _temp.Warehouse;

    public void Dispose() => _temp.Dispose();
}

public sealed class PlanLoadingTests(LoadedAppendix appendix) : IClassFixture<LoadedAppendix>
{
    [Fact]
    public void Xlsx_docx_and_csv_of_the_appendix_give_identical_facts()
    {
        using var fromDocx = new TempWarehouse();
        using var fromXlsx = new TempWarehouse();
        Assert.True(PlanFixtures.Load(fromDocx.Warehouse, PlanFixtures.Docx).Succeeded);
        var xlsx = PlanFixtures.Xlsx(fromXlsx.Directory);
        var result = PlanFixtures.Load(fromXlsx.Warehouse, xlsx);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(49, result.RowsLoaded);
        Assert.Equal(0, result.RowsQuarantined);

        var facts = PlanFixtures.Facts(appendix.Warehouse);
        Assert.Equal(49, facts.Count);
        Assert.Equal(facts, PlanFixtures.Facts(fromDocx.Warehouse));
        Assert.Equal(facts, PlanFixtures.Facts(fromXlsx.Warehouse));

        string Agencies(IWarehouse w) => string.Join("\n", w.Query<string>(
            "SELECT criterion_code || ' ' || agency_role || ' ' || agency_ordinal || ' ' || agency_name FROM rpt.remediation_task_agency ORDER BY task_key, agency_role, agency_ordinal"));
        Assert.Equal(Agencies(appendix.Warehouse), Agencies(fromDocx.Warehouse));
        Assert.Equal(Agencies(appendix.Warehouse), Agencies(fromXlsx.Warehouse));
    }

    [Fact]
    public void The_appendix_is_Lam_Dongs_2018_plan_for_the_2017_result_with_every_row()
    {
        var w = appendix.Warehouse;
        var plan = w.Query<(string Province, int PlanYear, int ResultYear, string Number, string Date, bool Synthetic)>(
            "SELECT DISTINCT province_code, plan_year, result_year, plan_number, CAST(plan_date AS VARCHAR), is_synthetic FROM rpt.remediation_task").Single();
        Assert.Equal(("68", 2018, 2017, "3770/KH-UBND", "2018-06-20", false), plan);

        var row = w.Query<(double Max, double Score, double Stated, double Computed, string Remedy, string Deadline, string Kind)>(
            """
            SELECT max_points, appraised_points, points_lost_stated, points_lost_computed, remedy, CAST(deadline_date AS VARCHAR), deadline_kind
            FROM rpt.remediation_task WHERE criterion_code = '1.2'
            """).Single();
        Assert.Equal((3.0, 0.75, 2.25, 2.25), (row.Max, row.Score, row.Stated, row.Computed));
        Assert.Equal("Thực hiện đầy đủ, đúng thời gian quy định về các báo cáo định kỳ", row.Remedy);
        Assert.Equal(("2018-12-31", "periodic"), (row.Deadline, row.Kind));

        var levels = w.Query<(string Level, long Rows)>(
            "SELECT criterion_level_name, COUNT(*) FROM rpt.remediation_task GROUP BY criterion_level_name ORDER BY 1");
        Assert.Equal([("criterion", 18L), ("field", 7L), ("sub-criterion", 24L)], levels);
        var note = w.Query<string>("SELECT note FROM rpt.remediation_task WHERE note IS NOT NULL").Single();
        Assert.Equal("Văn phòng UBND tỉnh đã ban hành ngày 27/4/2018", note);
    }

    [Fact]
    public void Agencies_are_split_with_their_roles_and_collective_groups_are_one_agency_each()
    {
        var w = appendix.Warehouse;

        var leads = w.Query<string>(
            "SELECT agency_name FROM rpt.remediation_task_agency WHERE criterion_code = '1.2' AND agency_role = 'lead' ORDER BY agency_ordinal");
        Assert.Equal(["Sở Nội vụ", "Sở Tư pháp", "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh"], leads);
        var task = w.Query<(string Lead, string Coordinating, string LeadWritten)>(
            "SELECT lead_agencies, coordinating_agencies, lead_agencies_as_written FROM rpt.remediation_task WHERE criterion_code = '1.2'").Single();
        Assert.Equal("Sở Nội vụ; Sở Tư pháp; Sở Thông tin và Truyền thông; Văn phòng UBND tỉnh", task.Lead);
        Assert.Equal("Các sở, ban, ngành; UBND các huyện, thành phố", task.Coordinating);
        Assert.Equal("Sở Nội vụ, Sở Tư pháp, Sở TT&TT, Văn phòng UBND tỉnh", task.LeadWritten);

        var agencies = w.Query<(string Name, string Type, bool Collective, bool Catalogued, string? Province)>(
            "SELECT agency_name, agency_type, is_collective, is_catalogued, province_code FROM rpt.agency ORDER BY agency_name");
        Assert.Equal(11, agencies.Count);
        Assert.All(agencies, a => Assert.True(a.Catalogued));
        Assert.All(agencies, a => Assert.Equal("68", a.Province));
        Assert.Equal(
            ["Các sở, ban, ngành", "Các đơn vị sự nghiệp", "UBND các huyện, thành phố", "UBND cấp xã"],
            agencies.Where(a => a.Collective).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("department", agencies.Single(a => a.Name == "Sở Thông tin và Truyền thông").Type);
        Assert.Equal("provincial_office", agencies.Single(a => a.Name == "Văn phòng UBND tỉnh").Type);

        // "Sở TT&TT" (1.2, 3.4.x) and "Sở Thông tin và Truyền thông" (7.1.x) are one agency.
        var ictTasks = w.Query<string>(
            "SELECT DISTINCT criterion_code FROM rpt.remediation_task_agency WHERE agency_abbreviation = 'Sở TT&TT' ORDER BY 1");
        Assert.Equal(["1.2", "3.4.1", "3.4.2", "3.4.3", "7.1.2", "7.1.4", "7.1.5"], ictTasks);
    }

    [Fact]
    public void Reloading_a_plan_replaces_it_instead_of_duplicating()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Assert.True(PlanFixtures.Load(w, PlanFixtures.Csv).Succeeded);
        var facts = PlanFixtures.Facts(w);
        var bridge = w.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency").Single();
        Assert.True(PlanFixtures.Load(w, PlanFixtures.Docx).Succeeded);
        Assert.True(PlanFixtures.Load(w, PlanFixtures.Csv).Succeeded);

        Assert.Equal(facts, PlanFixtures.Facts(w));
        Assert.Equal(49L, w.Query<long>("SELECT COUNT(*) FROM dw.fact_remediation_task").Single());
        Assert.Equal(bridge, w.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency").Single());
        Assert.Equal(11L, w.Query<long>("SELECT COUNT(*) FROM dw.dim_agency").Single());
        Assert.Equal(["replaced", "replaced", "loaded"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
        Assert.Equal(3L, w.Query<long>("SELECT COUNT(*) FROM rpt.dq_finding WHERE is_current").Single());
    }

    [Fact]
    public void The_appendix_inconsistency_is_found_when_the_appendix_is_loaded()
    {
        var findings = appendix.Warehouse.Query<(string Rule, string Severity, string Criterion, string Values, string Stage, string File, int Row, int Year, int PlanYear)>(
            """
            SELECT rule_name, severity, criterion_code, offending_values, stage, source_file, source_row, year, plan_year
            FROM rpt.dq_finding WHERE is_current AND province_code = '68' ORDER BY rule_name, criterion_code
            """);
        var arithmetic = findings.Where(f => f.Rule == "points-lost-arithmetic").ToList();
        Assert.Equal(["1.1", "1.1.2"], arithmetic.Select(f => f.Criterion));
        Assert.All(arithmetic, f =>
        {
            Assert.Equal("warning", f.Severity);
            Assert.Equal("post-load", f.Stage);
            Assert.Contains("points lost as written 0.889", f.Values);
            Assert.Contains("max − score 0.0889", f.Values);
            Assert.Equal("ke-hoach-3770-phu-luc.csv", f.File);
            Assert.Equal((2017, 2018), (f.Year, f.PlanYear));
        });
        Assert.Equal([7, 8], arithmetic.Select(f => f.Row)); // the CSV rows of 1.1 and 1.1.2

        // The typo also breaks the field's sum: field 1 loses 4.8389, its rows 0.889 + 2.25 + 1.5 + 1.0 as written.
        var sum = Assert.Single(findings, f => f.Rule == "children-sum-to-parent");
        Assert.Equal("1", sum.Criterion);
        Assert.Contains("= 5.639", sum.Values);
        Assert.Equal(3, findings.Count);
    }

    [Fact]
    public void The_demo_sample_writes_the_plan_as_real_data_with_a_note_that_we_generated_the_file()
    {
        var directory = Path.Combine(Path.GetTempPath(), "cchc-plan-sample-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var file = Assert.Single(SampleGenerator.WriteAll(directory), f => f.Kind == "plan");
            var workbook = Cchc.Etl.Spreadsheets.Workbook.Open(file.Path);
            Assert.False(SyntheticMarker.IsSynthetic(workbook));
            Assert.Contains("Generated by CchcAnalytics", workbook.Sheets[0].Text(3, 0));
            Assert.Contains("real figures", workbook.SheetNamed("Nguồn - Source")!.Text(1, 0));

            using var temp = new TempWarehouse();
            Assert.True(PlanFixtures.Load(temp.Warehouse, file.Path).Succeeded);
            Assert.Equal([false], temp.Warehouse.Query<bool>("SELECT DISTINCT is_synthetic FROM rpt.remediation_task"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
