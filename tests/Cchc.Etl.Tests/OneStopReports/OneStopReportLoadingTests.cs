using System.Text;
using Cchc.Etl.Loading;
using Cchc.Etl.Provinces;
using Cchc.Etl.Nightly;
using Cchc.Etl.Quality;
using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;
using static Cchc.Etl.Tests.OneStopReports.ReportFixtures;

namespace Cchc.Etl.Tests.OneStopReports;

/// <summary>Results reports through the real loader into a fresh warehouse: the view, scope replacement, quarantine,
/// accounting, the data-quality warnings, and recognition in the nightly inbox.</summary>
public sealed class OneStopReportLoadingTests : IDisposable
{
    private const string ReportHeader =
        """
        STT;Lĩnh vực;Số hồ sơ nhận giải quyết;;;;Số hồ sơ đã giải quyết;;;;Số hồ sơ đang giải quyết;;
        ;;Tổng số;Kỳ trước chuyển qua;Trực tuyến;Trực tiếp, dịch vụ bưu chính;Tổng số;Trước hạn;Đúng hạn;Quá hạn;Tổng số;Trong hạn;Quá hạn
        """;

    private readonly TempWarehouse _temp = new();

    private IWarehouse W => _temp.Warehouse;

    public void Dispose() => _temp.Dispose();

    private FileLoadResult Load(string path, string? province = null)
    {
        var loader = new OneStopReportLoader().WithProvince(ProvinceSetting.From(province, null));
        var run = W.StartRun("test load onestop-report");
        var result = loader.Load(W, run, path);
        W.FinishRun(run, result.Succeeded ? "succeeded" : "failed");
        return result;
    }

    private long Count(string sql, object? args = null) => W.Query<long>(sql, args).Single();

    private string Csv(string name, params string[] lines)
    {
        var path = System.IO.Path.Combine(_temp.Directory, name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true));
        return path;
    }

    private sealed record ViewRow(
        DateOnly PeriodStart, DateOnly PeriodEnd, string ProvinceCode, string ProvinceName, string LevelCode, string? FieldName, string? AgencyName,
        int ReceivedTotal, int? CarriedOver, int? ReceivedOnline, int? ReceivedInPersonPostal, int ResolvedTotal, int? ResolvedEarly,
        int? ResolvedOnTime, int? ResolvedLate, int PendingTotal, int? PendingNotDue, int? PendingOverdue, double? OnTimeRate, bool IsSynthetic, long FileId);

    private IReadOnlyList<ViewRow> View() => W.Query<ViewRow>(
        """
        SELECT period_start AS PeriodStart, period_end AS PeriodEnd, province_code AS ProvinceCode, province_name AS ProvinceName,
               level_code AS LevelCode, field_name AS FieldName, agency_name AS AgencyName, received_total AS ReceivedTotal,
               carried_over AS CarriedOver, received_online AS ReceivedOnline, received_in_person_postal AS ReceivedInPersonPostal,
               resolved_total AS ResolvedTotal, resolved_early AS ResolvedEarly, resolved_on_time AS ResolvedOnTime, resolved_late AS ResolvedLate,
               pending_total AS PendingTotal, pending_not_due AS PendingNotDue, pending_overdue AS PendingOverdue, on_time_rate AS OnTimeRate,
               is_synthetic AS IsSynthetic, file_id AS FileId
        FROM rpt.onestop_report ORDER BY file_id, level_code, field_name, agency_name
        """);

    [Fact]
    public void The_lowest_grain_rows_reach_the_view_and_nothing_reaches_the_dossier_fact()
    {
        var result = Load(Path(ThreeRowHeader));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(("onestop-report", 7, 0, 11, 4), (result.Kind, result.RowsLoaded, result.RowsQuarantined, result.RowsRead, result.RowsSkipped));
        Assert.Equal(result.RowsRead, result.RowsLoaded + result.RowsQuarantined + result.RowsSkipped);

        var rows = View();
        Assert.Equal(7, rows.Count);
        var land = rows.Single(r => r.LevelCode == "province" && r.FieldName == "Đất đai");
        Assert.Equal(new ViewRow(new DateOnly(2019, 3, 15), new DateOnly(2019, 6, 14), "68", "Lâm Đồng", "province", "Đất đai", null,
            1184, 212, 96, 876, 995, 310, 644, 41, 189, 170, 19, (310.0 + 644) / (310 + 644 + 41 + 19), false, land.FileId), land);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM dw.fact_dossier"));
        Assert.Equal(4, Count("SELECT COUNT(*) FROM dw.onestop_report_subtotal"));
        Assert.Equal("loaded", W.Query<string>("SELECT status FROM etl.file WHERE kind = 'onestop-report'").Single());
        Assert.Contains("province named by the report", W.Query<string>("SELECT message FROM etl.file WHERE kind = 'onestop-report'").Single());
    }

    [Fact]
    public void The_older_form_leaves_what_it_does_not_split_out_blank_and_rates_on_time_as_the_dossier_view_does()
    {
        Assert.True(Load(Path(OlderForm)).Succeeded);
        var row = View().Single(r => r.FieldName == "Kế hoạch và đầu tư");
        Assert.Equal((4420, (int?)null, (int?)null, (int?)null, 4250), (row.ReceivedTotal, row.ReceivedOnline, row.ReceivedInPersonPostal, row.ResolvedEarly, row.ResolvedOnTime!.Value));
        Assert.Equal(4250.0 / (4250 + 30 + 5), row.OnTimeRate!.Value, 12);
    }

    [Fact]
    public void Loading_the_same_report_again_replaces_it()
    {
        var first = Load(Path(ThreeRowHeader));
        var second = Load(Path(ThreeRowHeader));
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(7, View().Count);
        Assert.Equal(4, Count("SELECT COUNT(*) FROM dw.onestop_report_subtotal"));
        var files = W.Query<(long Id, string Status)>("SELECT file_id, status FROM etl.file WHERE kind = 'onestop-report' ORDER BY file_id");
        Assert.Equal(["replaced", "loaded"], files.Select(f => f.Status));
        Assert.All(View(), r => Assert.Equal(files[1].Id, r.FileId));
        Assert.Contains("which covers everything it covered", W.Query<string>("SELECT message FROM etl.file WHERE status = 'replaced'").Single());
        Assert.True(first.Succeeded);
    }

    [Fact]
    public void A_corrected_report_of_one_level_replaces_that_level_only()
    {
        Assert.True(Load(Path(ThreeRowHeader)).Succeeded);
        var correction = Csv("dinh-chinh-cap-huyen.csv",
            "UBND TỈNH LÂM ĐỒNG;;;;;;;;;;;;",
            "Kỳ báo cáo: Quý II năm 2019 (từ ngày 15/3/2019 đến ngày 14/6/2019) — số liệu đính chính cấp huyện;;;;;;;;;;;;",
            ReportHeader,
            "II;CẤP HUYỆN;;;;;;;;;;;",
            "1;Đất đai;5.300;1.184;150;3.966;4.500;1.250;2.870;380;800;730;70");
        var result = Load(correction);
        Assert.True(result.Succeeded, result.Error);

        var rows = View();
        Assert.Equal(["commune", "commune", "district", "province", "province", "province"], rows.Select(r => r.LevelCode).Order());
        Assert.Equal(5300, rows.Single(r => r.LevelCode == "district").ReceivedTotal);
        Assert.Equal(["loaded", "loaded"], W.Query<string>("SELECT status FROM etl.file WHERE kind = 'onestop-report' ORDER BY file_id"));

        // The first file's district group row and its grand total (which covered the district too) are gone.
        Assert.Equal(["commune", "province"], W.Query<string>("SELECT level_code FROM dw.onestop_report_subtotal WHERE file_id = (SELECT MIN(file_id) FROM etl.file WHERE kind = 'onestop-report') ORDER BY 1"));
        Assert.Contains("replaces the same scope of file(s)", W.Query<string>("SELECT message FROM etl.file WHERE kind = 'onestop-report' ORDER BY file_id DESC LIMIT 1").Single());
    }

    [Fact]
    public void Reports_of_another_period_or_province_with_the_same_file_name_both_stay()
    {
        var a = Directory.CreateDirectory(System.IO.Path.Combine(_temp.Directory, "a")).FullName;
        var b = Directory.CreateDirectory(System.IO.Path.Combine(_temp.Directory, "b")).FullName;
        var c = Directory.CreateDirectory(System.IO.Path.Combine(_temp.Directory, "c")).FullName;
        File.Copy(Path(ThreeRowHeader), System.IO.Path.Combine(a, "bao-cao.xlsx"));
        File.Copy(Path(SignatureAndNotes), System.IO.Path.Combine(b, "bao-cao.xlsx"));
        File.Copy(Path(AgencyWithFields), System.IO.Path.Combine(c, "bao-cao.xlsx"));
        Assert.True(Load(System.IO.Path.Combine(a, "bao-cao.xlsx")).Succeeded);
        Assert.True(Load(System.IO.Path.Combine(b, "bao-cao.xlsx")).Succeeded);
        Assert.True(Load(System.IO.Path.Combine(c, "bao-cao.xlsx")).Succeeded);

        Assert.Equal(7 + 3 + 3, View().Count);
        Assert.Equal(["loaded", "loaded", "loaded"], W.Query<string>("SELECT status FROM etl.file WHERE kind = 'onestop-report' ORDER BY file_id"));
    }

    [Fact]
    public void Unreadable_rows_are_quarantined_with_file_sheet_row_and_column_and_every_row_is_accounted_for()
    {
        var path = Csv("co-dong-loi.csv",
            "UBND TỈNH LÂM ĐỒNG;;;;;;;;;;;;",
            "Kỳ báo cáo: Quý I năm 2024;;;;;;;;;;;;",
            ReportHeader,
            "I;Cấp tỉnh;;;;;;;;;;;",
            "1;Xây dựng;12;2;5;5;10;2;7;1;2;1;1",
            "2;Hộ tịch;1,5;0;1;0;1;0;1;0;0;0;0",
            ";;;;;;;;;;;;",
            "II;Cấp huyện;;;;;;;;;;;",
            "1;Đất đai;20;5;0;15;18;6;10;2;2;2;0");
        var result = Load(path);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2, 1, 6, 3), (result.RowsLoaded, result.RowsQuarantined, result.RowsRead, result.RowsSkipped));
        var q = W.Query<(string File, string Sheet, int Row, string Column, string Reason)>(
            "SELECT file_name, sheet, row_number, column_name, reason FROM etl.quarantine").Single();
        Assert.Equal(("co-dong-loi.csv", "co-dong-loi", 7, "C"), (q.File, q.Sheet, q.Row, q.Column));
        Assert.Contains("'1,5' is not a count of dossiers", q.Reason);
    }

    [Fact]
    public void A_file_that_cannot_be_loaded_fails_whole_with_a_reason_naming_the_file()
    {
        var result = Load(Path(NoProvince));
        Assert.False(result.Succeeded);
        Assert.Contains("khong-ghi-tinh-quy-i-2023.xlsx", result.Error);
        Assert.Contains("--province", result.Error);
        Assert.Equal("failed", W.Query<string>("SELECT status FROM etl.file").Single());
        Assert.Empty(View());

        var withOption = Load(Path(NoProvince), "Lâm Đồng");
        Assert.True(withOption.Succeeded, withOption.Error);
        Assert.All(View(), r => Assert.Equal("68", r.ProvinceCode));
        Assert.Throws<ArgumentException>(() => ProvinceSetting.From("Atlantis", null));
    }

    [Fact]
    public void Parts_that_do_not_add_up_and_group_rows_that_disagree_are_warnings_naming_sheet_row_and_numbers()
    {
        var result = Load(Path(PartsDoNotAddUp));
        Assert.True(result.Succeeded, result.Error);
        var findings = DqFindingStore.Read(W).Where(f => f.Subject == DqSubjects.OneStopReport).ToList();
        Assert.All(findings, f => Assert.Equal(("warning", 2018, "68", "Nam 2018", "so-lieu-khong-khop-nam-2018.xlsx"), (f.Severity, f.Year!.Value, f.ProvinceCode!, f.SourceSheet!, f.SourceFile!)));

        var parts = findings.Where(f => f.Rule == "onestop-report-parts-add-up").OrderBy(f => f.SourceRow).ToList();
        Assert.Equal([8, 9, 10], parts.Select(f => f.SourceRow!.Value));
        Assert.Equal("sheet 'Nam 2018' row 8 (cấp tỉnh, Đất đai): received total 560; carried over 100 + online 50 + in person/postal 400 = 550", parts[0].OffendingValues);
        Assert.EndsWith(": resolved total 190; early 90 + on time 90 + late 5 = 185", parts[1].OffendingValues);
        Assert.Contains("Lâm Đồng, Năm 2018, sheet 'Nam 2018' row 8 (cấp tỉnh, Đất đai)", parts[0].Message);

        var totals = findings.Where(f => f.Rule == "onestop-report-totals-match-rows").OrderBy(f => f.SourceRow).ToList();
        Assert.Equal([7, 10, 12], totals.Select(f => f.SourceRow!.Value));
        Assert.Equal("sheet 'Nam 2018' row 7 (cấp tỉnh, CẤP TỈNH): received total 750 ≠ sum of rows 760; resolved total 705 ≠ sum of rows 710", totals[0].OffendingValues);
        Assert.EndsWith(": received total 1500 ≠ sum of rows 1540", totals[1].OffendingValues);
        Assert.Contains("the grand total disagrees with the sum of its 3 rows", totals[2].Message);

        // 'cchc dq' evaluates the same scope again: the same findings, the earlier ones superseded.
        var again = WarehouseQuality.Evaluate(SqlRunner.Of(W), W.StartRun("dq"), null, DqStages.Command, QualityScope.Everything, []);
        Assert.Equal(findings.Count, again.Count(f => f.Subject == DqSubjects.OneStopReport));
        Assert.Equal(findings.Count, DqFindingStore.Read(W).Count(f => f.Subject == DqSubjects.OneStopReport));
        Assert.Equal(0, DqFindingStore.Read(W).Count(f => f.Subject == DqSubjects.OneStopReport && f.Stage == DqStages.PostLoad));
        Assert.Empty(WarehouseQuality.Evaluate(SqlRunner.Of(W), W.StartRun("dq --index PAR"), null, DqStages.Command, new QualityScope("PAR"), []));
    }

    [Fact]
    public void A_corrected_report_supersedes_the_warnings_of_the_one_it_replaces()
    {
        Assert.True(Load(Path(PartsDoNotAddUp)).Succeeded);
        Assert.Contains(DqFindingStore.Read(W), f => f.Subject == DqSubjects.OneStopReport);
        var corrected = Csv("dinh-chinh-2018.csv",
            "UBND TỈNH LÂM ĐỒNG;;;;;;;;;;;;",
            "Kỳ báo cáo: Năm 2018 (từ ngày 15/12/2017 đến ngày 14/12/2018);;;;;;;;;;;;",
            ReportHeader,
            "I;CẤP TỈNH;750;120;80;550;705;290;370;45;45;35;10",
            "1;Đất đai;550;100;50;400;520;200;280;40;30;25;5",
            "2;Xây dựng;200;20;30;150;185;90;90;5;15;10;5",
            "II;CẤP HUYỆN;1.540;300;40;1.200;1.400;500;800;100;140;120;20",
            "1;Đất đai;1.540;300;40;1.200;1.400;500;800;100;140;120;20",
            ";TỔNG CỘNG;2.290;420;120;1.750;2.105;790;1.170;145;185;155;30");
        var result = Load(corrected);
        Assert.True(result.Succeeded, result.Error);
        Assert.DoesNotContain(DqFindingStore.Read(W), f => f.Subject == DqSubjects.OneStopReport);
        Assert.Equal(["replaced", "loaded"], W.Query<string>("SELECT status FROM etl.file WHERE kind = 'onestop-report' ORDER BY file_id"));
    }

    [Fact]
    public void The_nightly_inbox_recognises_a_report_by_its_content_whatever_its_name()
    {
        var inbox = Directory.CreateDirectory(System.IO.Path.Combine(_temp.Directory, "inbox")).FullName;
        File.Copy(Path(CsvExport), System.IO.Path.Combine(inbox, "export-20220516.csv"));
        File.Copy(Path(TwoRowHeaderXls), System.IO.Path.Combine(inbox, "Book1.xls"));
        File.Copy(Path(NotAReport), System.IO.Path.Combine(inbox, "bao-cao-quy-ii.xlsx"));
        using var log = new RunLog(new StringWriter(), null);
        var result = new NightlyJob(W, new NightlyOptions(inbox) { SettleTime = TimeSpan.FromMilliseconds(20) }, log).Run([]);

        var outcomes = result.Files.ToDictionary(f => f.File, f => (f.Kind, f.Outcome));
        Assert.Equal(("onestop-report", InboxOutcome.Loaded), outcomes["export-20220516.csv"]);
        Assert.Equal(("onestop-report", InboxOutcome.Loaded), outcomes["Book1.xls"]);
        Assert.Equal(InboxOutcome.Failed, outcomes["bao-cao-quy-ii.xlsx"].Outcome);
        Assert.Equal(8, View().Count);
    }
}
