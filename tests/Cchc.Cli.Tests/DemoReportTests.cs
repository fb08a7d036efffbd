using Cchc.Warehouse;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc demo</c>, the README's first command: sample → warehouse → analysis → report, for Lâm Đồng in the newest year
/// it can be compared with the year before, every analysis section filled and the synthetic data named as such.
/// </summary>
[Collection(DemoWarehouseGroup.Name)]
public sealed class DemoReportTests(DemoWarehouse demo)
{
    [Fact]
    public void Demo_loads_the_sample_explains_Lam_Dong_s_rank_and_writes_its_full_report()
    {
        Assert.True(demo.ExitCode == 0, demo.Err);

        // 2025 is the merged Lâm Đồng (no previous year of its own) and has no PCI: 2024 is the newest full year.
        Assert.Contains("Analysis: Lâm Đồng, PAR 2024 [SYNTHETIC DATA]", demo.Out);
        Assert.Matches(@"rank \d+ → \d+ of 63", demo.Out);
        Assert.Contains("exact Owen values", demo.Out);
        Assert.Contains("other provinces moving:", demo.Out);
        Assert.Matches(@"(more than|within) sampling noise: re-measuring the survey points 200 times", demo.Out);

        var line = demo.Out.Split('\n').Single(l => l.StartsWith("Report: ", StringComparison.Ordinal));
        var path = line["Report: ".Length..].Trim();
        Assert.Equal(Path.Combine(demo.Directory, "report", "index.html"), path);
        var html = File.ReadAllText(path);
        Assert.Contains("Lâm Đồng: báo cáo Chỉ số CCHC năm 2024", html);
        Assert.Contains("dữ liệu tổng hợp (synthetic)", html);
        // A report travels: it names the engine and the file, never the folder, server, database or user.
        Assert.DoesNotContain(demo.Directory, html, StringComparison.Ordinal);
        Assert.DoesNotContain("duckdb:", html, StringComparison.Ordinal);
        Assert.Contains(demo.Target.DisplayName, html, StringComparison.Ordinal);
        Assert.Contains("Vì sao thứ hạng thay đổi: mức thay đổi được chia chính xác cho hai nhóm", html);
        Assert.Contains("Khoảng tin cậy:", html);
        var charts = Directory.GetFiles(Path.Combine(demo.Directory, "report"), "*.png").Select(Path.GetFileName).ToList();
        foreach (var chart in new[] { "01-rank-history.png", "03-score-waterfall.png", "04-rank-attribution.png", "07-model-importance.png", "08-what-if.png", "09-one-stop-on-time.png", "10-index-scatter.png" })
        {
            Assert.Contains(chart, charts);
        }
    }

    /// <summary>The seed plan addresses the 2017 results (methodology 2948): its agencies lead the 2017 priorities, in English in
    /// the English report; the 2024 report (methodology 876) does not borrow them.</summary>
    [Fact]
    public void Demo_loads_the_synthetic_results_reports_which_stand_in_for_the_dossier_log_of_2017()
    {
        Assert.Contains("onestop-report", demo.Out);
        using var warehouse = demo.Open();
        var periods = warehouse.Query<(string Start, string End, long Rows, long Real)>(
            """
            SELECT CAST(period_start AS VARCHAR), CAST(period_end AS VARCHAR), COUNT(*), COUNT(*) FILTER (WHERE NOT is_synthetic)
            FROM rpt.onestop_report WHERE province_code = '68' GROUP BY ALL ORDER BY 1
            """);
        Assert.Equal(["2017-01-01", "2017-04-01", "2017-07-01", "2017-10-01", "2023-12-15"], periods.Select(p => p.Start));
        Assert.All(periods, p => Assert.Equal(0, p.Real));
        Assert.Equal(0, warehouse.Query<long>("SELECT COUNT(*) FROM rpt.dossier_on_time WHERE year = 2017").Single());

        var reports = Cchc.Reports.ReportData.OneStopReportReader.Read(new Cchc.Reports.ReportData.ReportReader(warehouse), "68", 2017);
        Assert.NotNull(reports.Value);
        Assert.Equal(3, reports.Value!.Levels.Count);
        Assert.True(reports.Value.IsSynthetic);
    }

    [Fact]
    public void The_English_report_names_the_plan_s_agencies_in_English_for_the_results_of_its_own_methodology()
    {
        using var warehouse = demo.Open();
        var later = File.ReadAllText(new Cchc.Reports.Report.ReportRunner(warehouse).WriteProvince(
            new Cchc.Reports.Report.ReportRequest("68", 2024, Language: Cchc.Reports.Localization.ReportLanguage.En),
            Path.Combine(demo.Directory, "report-en-2024")));
        Assert.DoesNotContain("Department of Home Affairs", later);
        Assert.Contains("no remediation plan of the province for this methodology version is loaded", later);
        var path = new Cchc.Reports.Report.ReportRunner(warehouse).WriteProvince(
            new Cchc.Reports.Report.ReportRequest("68", 2017, Language: Cchc.Reports.Localization.ReportLanguage.En),
            Path.Combine(demo.Directory, "report-en"));
        var html = File.ReadAllText(path);
        Assert.Contains("(collective) provincial departments and agencies", html);
        Assert.Contains("Department of Home Affairs", html);
        foreach (var vietnamese in new[] { "Các sở, ban, ngành", "Sở Nội vụ", "Cơ quan" })
        {
            Assert.DoesNotContain(vietnamese, html);
        }
    }

    [Fact]
    public void Plan_agencies_meet_their_own_one_stop_results_through_the_conformed_agency()
    {
        using var warehouse = demo.Open();
        var conformed = warehouse.Query<(string OneStopName, string PlanName)>(
            "SELECT o.agency_name, a.agency_name FROM rpt.onestop_agency o JOIN rpt.agency a ON a.agency_key = o.conformed_agency_key");
        Assert.NotEmpty(conformed);
        Assert.All(conformed, c => Assert.Equal(c.PlanName, c.OneStopName));

        var rows = warehouse.Query<(int AgencyKey, string Agency, int PlanYear, long TasksLed, long? Rated, long? OnTime, double? Rate, bool IsSynthetic)>(
            """
            SELECT agency_key, agency_name, plan_year, tasks_led, dossiers_rated, dossiers_on_time, on_time_rate, is_synthetic
            FROM rpt.remediation_agency_on_time WHERE province_code = '68'
            """);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.TasksLed > 0));
        var measured = rows.Where(r => r.Rated is > 0).ToList();
        Assert.NotEmpty(measured);

        // The plan is the real seed plan; the one-stop log is synthetic, so every row that shows dossiers says so.
        Assert.All(measured, r => Assert.True(r.IsSynthetic, $"{r.Agency} {r.PlanYear}"));
        foreach (var r in measured)
        {
            Assert.Equal((double)r.OnTime!.Value / r.Rated!.Value, r.Rate!.Value, 9);
            var direct = warehouse.Query<long>(
                """
                SELECT CAST(SUM(d.rated) AS BIGINT) FROM rpt.dossier_on_time d JOIN rpt.onestop_agency o ON o.agency_key = d.agency_key
                WHERE o.conformed_agency_key = @AgencyKey AND d.year = @PlanYear
                """, new { r.AgencyKey, r.PlanYear }).Single();
            Assert.Equal(direct, r.Rated.Value);
        }
    }
}
