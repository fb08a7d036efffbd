using Cchc.Reports.Drivers;
using Cchc.Reports.Report;
using Cchc.Reports.ReportData;
using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Tests.Reports;

/// <summary>
/// For a year with no dossier log, the report's one-stop section and its PAR 3.4.x comparison read the results reports
/// (rpt.onestop_report) instead: the longest non-overlapping periods of the year, rated as the dossier view rates.
/// </summary>
public sealed class OneStopReportSectionTests : IDisposable
{
    private readonly ReportWarehouse _data = new([2016, 2017], provinceCount: 4);

    public void Dispose() => _data.Dispose();

    private static ReportCounts Counts(int early, int onTime, int late, int notDue, int overdue) =>
        new(early + onTime + late + notDue + overdue, 0, early + onTime + late + notDue + overdue, null, null,
            early + onTime + late, early, onTime, late, notDue + overdue, notDue, overdue);

    private void Report(DateOnly start, DateOnly end, string kind, params (string Level, ReportCounts Counts)[] rows)
    {
        var province = ProvinceCatalog.Default.ByCode(ReportWarehouse.LamDong, end)!.Key;
        var report = new OneStopReport(
            new OneStopReportScope(province, start, end, rows.Select(r => r.Level).Distinct().ToList()),
            new ReportPeriod(start, end, kind, $"{start:dd/MM}–{end:dd/MM}"), null, IsSynthetic: true,
            rows.Select((r, i) => new OneStopReportRow(r.Level, "Đất đai", null, r.Counts, null, new SourceLocation("b.xlsx", "S", 10 + i))).ToList(), []);
        var run = _data.Warehouse.StartRun("test");
        using var session = _data.Warehouse.BeginFile(run, new SourceFileInfo($"/tmp/{start:yyyyMMdd}.xlsx", "onestop-report", Guid.NewGuid().ToString("N"), 1));
        OneStopReportStore.Write(session, report);
        session.Commit(new FileLoadOutcome(rows.Length, 0, "loaded"));
    }

    private void LoadYear2017()
    {
        // H1 overlaps Q1 and Q2: the year is H1 + Q3 + Q4, never Q1 + H1.
        Report(new(2017, 1, 1), new(2017, 3, 31), "quarter", ("province", Counts(10, 80, 10, 0, 0)));
        Report(new(2017, 4, 1), new(2017, 6, 30), "quarter", ("province", Counts(10, 80, 10, 0, 0)));
        Report(new(2017, 1, 1), new(2017, 6, 30), "half_year", ("province", Counts(20, 150, 30, 5, 0)), ("commune", Counts(0, 99, 1, 0, 0)));
        Report(new(2017, 7, 1), new(2017, 9, 30), "quarter", ("province", Counts(5, 85, 5, 10, 5)), ("commune", Counts(0, 100, 0, 0, 0)));
        Report(new(2017, 10, 1), new(2017, 12, 31), "quarter", ("province", Counts(0, 95, 5, 0, 0)), ("commune", Counts(0, 50, 0, 0, 0)));
        Report(new(2016, 12, 15), new(2017, 1, 14), "month", ("province", Counts(1000, 0, 0, 0, 0)));          // counts for 2017, but overlaps H1
        Report(new(2018, 1, 1), new(2018, 3, 31), "quarter", ("province", Counts(0, 0, 100, 0, 0)));           // another year
    }

    [Fact]
    public void A_year_without_a_dossier_log_is_read_from_the_results_reports()
    {
        LoadYear2017();
        var result = OneStopReportReader.Read(new ReportReader(_data.Warehouse), ReportWarehouse.LamDong, 2017);
        var data = Assert.IsType<OnTimeData>(result.Value);
        Assert.Equal("onestop_report", result.View);
        Assert.Equal("01/01/2017–30/06/2017, 01/07/2017–30/09/2017, 01/10/2017–31/12/2017", data.Periods);
        // Rated = on time + late + pending overdue; pending not yet due is left out.
        Assert.Equal([(DossierLevel.Province, 400L, 355L), (DossierLevel.Commune, 250L, 249L)], data.Levels);
        Assert.Empty(data.Months);
        Assert.True(data.IsSynthetic);
    }

    [Fact]
    public void The_one_stop_section_and_its_PAR_comparison_use_the_reports_when_no_log_covers_the_year()
    {
        LoadYear2017();
        var report = new ProvinceReportBuilder(new ReportReader(_data.Warehouse), new ReportDrivers()).Build(new ReportRequest(ReportWarehouse.LamDong, 2017));
        var oneStop = report.Sections.Single(s => s.Id == "one-stop");
        Assert.Null(oneStop.OmittedBecause);
        var chart = oneStop.Blocks.OfType<ChartBlock>().Single().Chart;
        Assert.Contains("3.4.1", chart.Reading);
        Assert.Contains("rpt.onestop_report 2017", report.SyntheticBanner);
    }

    [Fact]
    public void Without_reports_or_logs_the_section_is_omitted_with_the_dossier_view_s_reason()
    {
        Report(new(2018, 1, 1), new(2018, 3, 31), "quarter", ("province", Counts(0, 10, 0, 0, 0)));
        Assert.Equal(ViewGap.NoRows, OneStopReportReader.Read(new ReportReader(_data.Warehouse), ReportWarehouse.LamDong, 2017).Gap);
        var report = new ProvinceReportBuilder(new ReportReader(_data.Warehouse), new ReportDrivers()).Build(new ReportRequest(ReportWarehouse.LamDong, 2017));
        Assert.Contains("rpt.dossier_on_time", report.Sections.Single(s => s.Id == "one-stop").OmittedBecause);
    }
}
