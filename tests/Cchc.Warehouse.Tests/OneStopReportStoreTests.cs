using Cchc.TestSupport;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Reference;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// One-stop results reports at the warehouse's seam: what <see cref="OneStopReportStore"/> writes is what
/// rpt.onestop_report shows (on_time_rate counted as rpt.dossier_on_time counts it), and a report replaces exactly its
/// scope — province, period, levels — whatever its file is called.
/// </summary>
public sealed class OneStopReportStoreTests : IDisposable
{
    private static readonly int LamDong = ProvinceCatalog.Default.ByCode("68", 2019)!.Key;
    private static readonly int KhanhHoa = ProvinceCatalog.Default.ByCode("56", 2019)!.Key;
    private readonly TempWarehouse _temp = new();

    private IWarehouse W => _temp.Warehouse;

    public void Dispose() => _temp.Dispose();

    private static ReportCounts Counts(int carried, int online, int inPerson, int? early, int onTime, int late, int notDue, int? overdue) =>
        new(carried + online + inPerson, carried, online + inPerson, online, inPerson, (early ?? 0) + onTime + late, early, onTime, late,
            notDue + (overdue ?? 0), notDue, overdue);

    private static OneStopReport Report(int province, DateOnly start, DateOnly end, params (string Level, string Field, ReportCounts Counts)[] rows) =>
        new(new OneStopReportScope(province, start, end, rows.Select(r => r.Level).Distinct().ToList()),
            new ReportPeriod(start, end, "quarter", "Quý II năm 2019"),
            "06c/VPCP/KSTT",
            IsSynthetic: true,
            rows.Select((r, i) => new OneStopReportRow(r.Level, r.Field, null, r.Counts, null, new SourceLocation("r.xlsx", "Biểu", 10 + i))).ToList(),
            [new OneStopReportSubtotal(OneStopReportSubtotal.GrandTotal, null, null, "Tổng cộng", Counts(1, 1, 1, 1, 1, 1, 1, 1), new SourceLocation("r.xlsx", "Biểu", 99))]);

    private long Load(string name, OneStopReport report)
    {
        var run = W.StartRun("test");
        using var session = W.BeginFile(run, new SourceFileInfo("/tmp/" + name, "onestop-report", Guid.NewGuid().ToString("N"), 1));
        OneStopReportStore.ReplaceScope(session, report.Scope);
        OneStopReportStore.Write(session, report);
        session.Commit(new FileLoadOutcome(report.Rows.Count, 0, "loaded"));
        W.FinishRun(run, "succeeded");
        return session.FileId;
    }

    [Fact]
    public void The_view_shows_the_rows_with_the_on_time_rate_of_the_dossier_view()
    {
        var q2 = (new DateOnly(2019, 4, 1), new DateOnly(2019, 6, 30));
        var file = Load("a.xlsx", Report(LamDong, q2.Item1, q2.Item2,
            ("province", "Đất đai", Counts(10, 20, 70, 30, 40, 10, 15, 5)),
            ("commune", "Hộ tịch", Counts(0, 0, 0, 0, 0, 0, 0, 0)),
            ("district", "Đất đai", Counts(5, 0, 10, null, 8, 2, 5, null))));
        var rows = W.Query<(string Level, string Province, string Name, int Received, double? Rate, bool Synthetic, long File)>(
            "SELECT level_code, province_code, province_name, received_total, on_time_rate, is_synthetic, file_id FROM rpt.onestop_report ORDER BY level_code");
        Assert.Equal(("commune", "68", "Lâm Đồng", 0, (double?)null, true, file), rows[0]);          // nothing rated: NULL, not 0
        Assert.Equal(8.0 / (8 + 2), rows[1].Rate!.Value, 12);                                        // no early, no overdue split: they count as 0
        Assert.Equal((30.0 + 40) / (30 + 40 + 10 + 5), rows[2].Rate!.Value, 12);                     // on time ÷ (on time + late + pending overdue)
    }

    [Fact]
    public void A_report_replaces_its_scope_only_whatever_the_file_name()
    {
        var q2 = (new DateOnly(2019, 4, 1), new DateOnly(2019, 6, 30));
        var c = Counts(1, 2, 3, 1, 2, 1, 1, 1);
        var first = Load("bao-cao.xlsx", Report(LamDong, q2.Item1, q2.Item2, ("province", "Đất đai", c), ("district", "Đất đai", c), ("commune", "Hộ tịch", c)));
        Load("bao-cao.xlsx", Report(KhanhHoa, q2.Item1, q2.Item2, ("province", "Đất đai", c)));                               // another province
        Load("bao-cao.xlsx", Report(LamDong, new DateOnly(2019, 3, 15), new DateOnly(2019, 6, 14), ("province", "Đất đai", c))); // another period
        Assert.Equal(5, W.Query<long>("SELECT COUNT(*) FROM rpt.onestop_report").Single());

        var correction = Load("dinh-chinh.xlsx", Report(LamDong, q2.Item1, q2.Item2, ("district", "Đất đai", Counts(9, 9, 9, 9, 9, 9, 9, 9))));
        var lamDongQ2 = W.Query<(string Level, long File)>(
            "SELECT level_code, file_id FROM rpt.onestop_report WHERE province_code = '68' AND period_start = @start ORDER BY level_code",
            new { start = new DateTime(2019, 4, 1) });
        Assert.Equal([("commune", first), ("district", correction), ("province", first)], lamDongQ2);
        Assert.Equal("loaded", W.Query<string>("SELECT status FROM etl.file WHERE file_id = @first", new { first }).Single());
        Assert.Equal(0, W.Query<long>("SELECT COUNT(*) FROM dw.onestop_report_subtotal WHERE file_id = @first", new { first }).Single());

        Load("alle-ebenen.xlsx", Report(LamDong, q2.Item1, q2.Item2, ("province", "Đất đai", c), ("district", "Đất đai", c), ("commune", "Hộ tịch", c)));
        Assert.Equal(["replaced", "loaded", "loaded", "replaced", "loaded"], W.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }
}
