using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.OneStop;

public sealed class OneStopLoaderTests
{
    private sealed record DossierView(string DossierCode, string StatusCode, string Outcome, int? DaysLate, int? ProcessingDays, long UpdateCount);

    private static DossierView Dossier(LogFixture f, string code) =>
        f.Warehouse.Query<DossierView>(
            "SELECT dossier_code AS DossierCode, status_code AS StatusCode, outcome AS Outcome, days_late AS DaysLate, processing_days AS ProcessingDays, CAST(update_count AS BIGINT) AS UpdateCount FROM rpt.dossier WHERE dossier_code = @code",
            new { code }).Single();

    [Fact]
    public void A_later_export_updates_the_dossier_in_place_and_never_duplicates_it()
    {
        using var f = new LogFixture();
        var first = f.Write("export-1.csv",
            "HS-1;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;04/03/2024 08:10;06/03/2024;;;Đang xử lý",
            "HS-2;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tuyến;Toàn trình;04/03/2024;05/03/2024;05/03/2024;05/03/2024;Đã trả kết quả",
            "HS-9;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;05/03/2024;07/03/2024;;;");
        var second = f.Write("export-2.csv",
            "HS-1;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;04/03/2024 08:10;06/03/2024;08/03/2024;;Đã có kết quả",
            "HS-3;2.000815;Chứng thực bản sao;Chứng thực;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;08/03/2024;08/03/2024;08/03/2024;08/03/2024;");
        Assert.True(f.Load(first).Succeeded);
        Assert.Equal("pending_not_due", Dossier(f, "HS-1").Outcome); // as of 05/03, due 06/03

        var result = f.Load(second);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, f.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
        var hs1 = Dossier(f, "HS-1");
        Assert.Equal(("resolved", "late", 2, 4, 1L), (hs1.StatusCode, hs1.Outcome, hs1.DaysLate, hs1.ProcessingDays, hs1.UpdateCount));

        // HS-9 was not re-delivered: it keeps the first export's as-of date (05/03, not yet due on 07/03).
        Assert.Equal("pending_not_due", Dossier(f, "HS-9").Outcome);
        Assert.Equal(1, f.Count("SELECT rows_new FROM dw.dossier_export WHERE file_id = (SELECT MAX(file_id) FROM dw.dossier_export)"));
        Assert.Equal(1, f.Count("SELECT rows_updated FROM dw.dossier_export WHERE file_id = (SELECT MAX(file_id) FROM dw.dossier_export)"));
    }

    [Fact]
    public void An_older_export_loaded_late_does_not_undo_progress()
    {
        using var f = new LogFixture();
        var newer = f.Write("newer.csv", "HS-1;;;;Sở Tư pháp;Cấp tỉnh;68;Trực tiếp;;04/03/2024;14/03/2024;10/03/2024;11/03/2024;Đã trả kết quả");
        var older = f.Write("older.csv", "HS-1;;;;Sở Tư pháp;Cấp tỉnh;68;Trực tiếp;;04/03/2024;14/03/2024;;;Đang xử lý");
        f.Load(newer);
        f.Load(older);
        Assert.Equal(("returned", "early"), (Dossier(f, "HS-1").StatusCode, Dossier(f, "HS-1").Outcome));
    }

    [Fact]
    public void Reloading_the_same_file_changes_nothing()
    {
        using var f = new LogFixture();
        var path = f.Write("log.csv",
            "HS-1;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;04/03/2024;06/03/2024;05/03/2024;;",
            "HS-2;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;04/03/2024;06/03/2024;;;",
            "HS-3;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;xx;06/03/2024;;;");
        const string snapshot = "SELECT dossier_code, status_code, received_date, due_date, resolved_date, update_count, procedure_key, agency_key FROM dw.fact_dossier ORDER BY 1";
        f.Load(path);
        var before = f.Warehouse.Query<(string, string, DateOnly, DateOnly, DateOnly?, int, int, int)>(snapshot);
        var again = f.Load(path);
        Assert.True(again.Succeeded);
        Assert.Equal(before, f.Warehouse.Query<(string, string, DateOnly, DateOnly, DateOnly?, int, int, int)>(snapshot));
        Assert.Equal(2, f.Count("SELECT COUNT(*) FROM dw.dim_procedure"));     // '(none)' + 1.001193, not inferred twice
        Assert.Equal(1, f.Count("SELECT COUNT(*) FROM dw.dim_onestop_agency"));
        Assert.Equal(0, f.Count("SELECT rows_new FROM dw.dossier_export WHERE file_id = (SELECT MAX(file_id) FROM dw.dossier_export)"));
    }

    [Fact]
    public void On_time_rules_on_hand_built_cases()
    {
        using var f = new LogFixture();
        var path = f.Write("cases.csv",
            "EARLY;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;08/04/2024;09/04/2024;",
            "ONDUE;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;10/04/2024 16:45;;",
            "LATE;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;13/04/2024;;",
            "RETURNONLY;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;12/04/2024;Đã trả kết quả",
            "OVERDUE;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;15/04/2024;;;Đang xử lý",
            "NOTDUE;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;19/04/2024;30/04/2024;;;",
            "WITHDRAWN;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;02/04/2024;;;Rút hồ sơ",
            "REJECTED;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;02/04/2024;;;Từ chối",
            "LAST;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;20/04/2024;25/04/2024;20/04/2024;20/04/2024;");
        Assert.True(f.Load(path).Succeeded);

        // As of 20/04/2024 (the latest date in the export).
        Assert.Equal(("early", 0, 7), Outcome("EARLY"));
        Assert.Equal(("on_time", 0, 9), Outcome("ONDUE"));
        Assert.Equal(("late", 3, 12), Outcome("LATE"));
        Assert.Equal(("late", 2, 11), Outcome("RETURNONLY"));
        Assert.Equal(("pending_overdue", 5, (int?)null), Outcome("OVERDUE"));
        Assert.Equal(("pending_not_due", 0, (int?)null), Outcome("NOTDUE"));
        Assert.Equal(("withdrawn", (int?)null, (int?)null), Outcome("WITHDRAWN"));
        Assert.Equal(("rejected", (int?)null, (int?)null), Outcome("REJECTED"));

        var april = f.Warehouse.Query<(long Received, long Finished, long OnTime, long Late, long Overdue, long NotDue, long Withdrawn, long Rejected, long Rated, double Rate)>(
            """
            SELECT SUM(received), SUM(finished), SUM(on_time), SUM(late), SUM(pending_overdue), SUM(pending_not_due), SUM(withdrawn), SUM(rejected),
                   SUM(rated), SUM(on_time) * 1.0 / SUM(rated)
            FROM rpt.dossier_on_time WHERE month_start = DATE '2024-04-01'
            """).Single();
        Assert.Equal((9L, 5L, 3L, 2L, 1L, 1L, 1L, 1L, 6L), (april.Received, april.Finished, april.OnTime, april.Late, april.Overdue, april.NotDue, april.Withdrawn, april.Rejected, april.Rated));
        Assert.Equal(0.5, april.Rate, 10);
        Assert.Equal(0.5, f.Warehouse.Query<double>("SELECT on_time_rate FROM rpt.dossier_on_time").Single(), 10);

        (string, int?, int?) Outcome(string code)
        {
            var d = Dossier(f, code);
            return (d.Outcome, d.DaysLate, d.ProcessingDays);
        }
    }

    [Fact]
    public void Bad_rows_go_to_quarantine_with_reason_file_and_line()
    {
        using var f = new LogFixture();
        var path = f.Write("bad.csv",
            "OK-1;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;;",
            ";;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;;",
            "BAD-DATE;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;32/04/2024;10/04/2024;;;",
            "BAD-ORDER;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;05/04/2024;10/04/2024;03/04/2024;;",
            "BAD-LEVEL;;;;Sở Y tế;Trung ương;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;;",
            "BAD-DISTRICT;;;;UBND huyện Đức Trọng;Cấp huyện;Lâm Đồng;Trực tiếp;;02/07/2025;10/07/2025;;;",
            "BAD-PROVINCE;;;;Sở Y tế;Cấp tỉnh;Atlantis;Trực tiếp;;01/04/2024;10/04/2024;;;",
            "OK-2;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;;");
        var result = f.Load(path);
        Assert.True(result.Succeeded);
        Assert.Equal((2, 6), (result.RowsLoaded, result.RowsQuarantined));
        var rows = f.Warehouse.Query<(string File, int Line, string? Column, string Reason, string Raw)>(
            "SELECT file_name, row_number, column_name, reason, raw_values FROM etl.quarantine ORDER BY row_number");
        Assert.All(rows, r => Assert.Equal(Path.GetFileName(path), r.File));
        Assert.Equal([3, 4, 5, 6, 7, 8], rows.Select(r => r.Line));
        Assert.Contains("missing dossier number", rows[0].Reason);
        Assert.Contains("unparseable received date", rows[1].Reason);
        Assert.Equal("Ngày tiếp nhận", rows[1].Column);
        Assert.Contains("finished 03/04/2024 before received 05/04/2024", rows[2].Reason);
        Assert.Contains("unknown level 'Trung ương'", rows[3].Reason);
        Assert.Contains("districts were abolished", rows[4].Reason);
        Assert.Contains("unknown province 'Atlantis'", rows[5].Reason);
        Assert.StartsWith("BAD-PROVINCE;", rows[5].Raw);
        Assert.Equal(6, f.Count("SELECT rows_quarantined FROM etl.file WHERE file_id = (SELECT MAX(file_id) FROM etl.file)"));
    }

    [Fact]
    public void A_file_that_is_not_a_dossier_log_fails_clearly_and_changes_nothing()
    {
        using var f = new LogFixture();
        f.Load(f.Write("good.csv", "HS-1;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;;"));
        var facts = f.Count("SELECT COUNT(*) FROM dw.fact_dossier");

        var scores = f.WriteText("pci.csv", "Tỉnh,Điểm PCI,Xếp hạng\nLâm Đồng,63.5,22\n");
        var result = f.Load(scores);
        Assert.False(result.Succeeded);
        Assert.Contains("not a one-stop dossier log", result.Error);
        Assert.Contains("pci.csv", result.Error);

        var partial = f.WriteText("partial.csv", "Mã hồ sơ,Ngày tiếp nhận,Cơ quan\nHS-2,01/04/2024,Sở Y tế\n");
        var missing = f.Load(partial);
        Assert.False(missing.Succeeded);
        Assert.Contains("lacks required columns", missing.Error);

        Assert.False(new OneStopLogLoader().Recognises(scores));
        Assert.True(new OneStopLogLoader().Recognises(Path.Combine(f.Temp.Directory, "00-good.csv")));
        Assert.Equal(facts, f.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
        Assert.Equal(1, f.Count("SELECT COUNT(*) FROM dw.dossier_export"));
        Assert.Equal(2, f.Count("SELECT COUNT(*) FROM etl.file WHERE status = 'failed'"));
    }

    [Fact]
    public void A_failure_mid_file_rolls_back_every_chunk_already_appended_and_merged()
    {
        using var f = new LogFixture();
        var lines = Enumerable.Range(1, 300).Select(i => $"HS-{i};;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;;").ToList();
        var path = f.Write("broken.csv", [.. lines]);
        File.AppendAllText(path, "HS-X;");
        using (var stream = File.Open(path, FileMode.Append))
        {
            stream.Write([0xC3, 0x28, (byte)'\n']); // invalid UTF-8 after 300 good rows
        }

        var result = f.Load(path, new OneStopLogLoader { ChunkRows = 50 });
        Assert.False(result.Succeeded);
        Assert.Contains("cannot read the dossier log", result.Error);
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM etl.stage_dossier"));
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM dw.dim_onestop_agency"));
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM dw.dossier_export"));
    }

    [Fact]
    public void Chunked_loads_give_the_same_snapshot_as_one_chunk_even_with_a_dossier_twice_in_a_file()
    {
        using var f = new LogFixture();
        var lines = Enumerable.Range(1, 120).Select(i => $"HS-{i % 100};;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;{(i > 100 ? "05/04/2024" : "")};;").ToList();
        var result = f.Load(f.Write("dup.csv", [.. lines]), new OneStopLogLoader { ChunkRows = 7 });
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(100, f.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
        Assert.Equal(20, f.Count("SELECT COUNT(*) FROM dw.fact_dossier WHERE resolved_date IS NOT NULL"));
    }

    [Fact]
    public void Dossiers_after_the_2025_reform_belong_to_the_merged_province()
    {
        using var f = new LogFixture();
        var result = f.Load(f.Write("reform.csv",
            "A;;;;UBND huyện Đắk Mil;Cấp huyện;67;Trực tiếp;;30/06/2025;03/07/2025;;;",
            "B;;;;UBND xã Đắk Mil;Cấp xã;67;Trực tiếp;;01/07/2025;03/07/2025;;;",
            "C;;;;Sở Tư pháp;Cấp tỉnh;Đắk Nông;Trực tiếp;;15/08/2025;20/08/2025;;;",
            "D;;;;Sở Tư pháp;Cấp tỉnh;Lâm Đồng;Trực tiếp;;15/08/2025;20/08/2025;;;"));
        Assert.True(result.Succeeded, result.Error);
        var rows = f.Warehouse.Query<(string Code, int Province, string Code2025)>(
            "SELECT dossier_code, province_key, province_code_2025 FROM dw.fact_dossier ORDER BY 1");
        Assert.Equal([("A", 67, "68"), ("B", 168, "68"), ("C", 168, "68"), ("D", 168, "68")], rows);

        // One agency per province entity: the post-reform Sở Tư pháp is one member, named from either old province.
        Assert.Equal(1, f.Count("SELECT COUNT(DISTINCT agency_key) FROM dw.fact_dossier WHERE dossier_code IN ('C', 'D')"));
    }

    [Fact]
    public void Inferred_members_are_fixed_up_when_the_catalogue_arrives()
    {
        using var f = new LogFixture();
        var log = f.WriteText("log.csv",
            "Số hồ sơ,Mã TTHC,Mã cơ quan,Cơ quan tiếp nhận,Cấp thực hiện,Mã tỉnh,Ngày nhận,Hạn xử lý\n" +
            "HS-1,9.999999,X01,ubnd xa ta nung,Cấp xã,68,01/04/2024,03/04/2024\n" +
            "HS-2,9.999999,,UBND Phường 1,Cấp xã,68,01/04/2024,03/04/2024\n");
        Assert.True(f.Load(log).Succeeded);
        Assert.Equal(1, f.Count("SELECT COUNT(*) FROM dw.dim_procedure WHERE is_inferred AND procedure_code = '9.999999'"));
        Assert.Equal(2, f.Count("SELECT COUNT(*) FROM dw.dim_onestop_agency WHERE is_inferred"));
        var keysBefore = f.Warehouse.Query<(int, int)>("SELECT procedure_key, agency_key FROM dw.fact_dossier ORDER BY dossier_code");

        var procedures = f.WriteText("tthc.csv", "Mã TTHC,Tên TTHC,Lĩnh vực,Thời hạn giải quyết\n9.999999,Đăng ký khai sinh,Hộ tịch,1 ngày\n");
        var agencies = f.WriteText("co-quan.csv", "Mã cơ quan,Tên cơ quan,Cấp,Tỉnh\nX01,UBND xã Tà Nung,Cấp xã,Lâm Đồng\nX02,UBND Phường 1,Cấp xã,68\n");
        var catalogue = new OneStopCatalogLoader();
        Assert.True(catalogue.Recognises(procedures));
        Assert.False(catalogue.Recognises(log));
        Assert.True(f.LoadWith(catalogue, procedures).Succeeded);
        Assert.True(f.LoadWith(catalogue, agencies).Succeeded);

        Assert.Equal(keysBefore, f.Warehouse.Query<(int, int)>("SELECT procedure_key, agency_key FROM dw.fact_dossier ORDER BY dossier_code"));
        Assert.Equal(("Đăng ký khai sinh", "Hộ tịch", 1, false), f.Warehouse.Query<(string, string, int, bool)>(
            "SELECT procedure_name, field_name, statutory_days, is_inferred FROM dw.dim_procedure WHERE procedure_code = '9.999999'").Single());
        Assert.Equal([("X01", "UBND xã Tà Nung", "commune", false), ("X02", "UBND Phường 1", "commune", false)],
            f.Warehouse.Query<(string, string, string, bool)>("SELECT agency_code, agency_name, level_code, is_inferred FROM dw.dim_onestop_agency ORDER BY agency_code"));

        // A later log naming the agency only by name finds the catalogued member.
        f.Load(f.WriteText("log-2.csv", "Số hồ sơ,Cơ quan,Cấp,Tỉnh,Ngày nhận,Hạn xử lý\nHS-3,UBND PHƯỜNG 1,Cấp xã,Lâm Đồng,02/04/2024,03/04/2024\n"));
        Assert.Equal(2, f.Count("SELECT COUNT(*) FROM dw.dim_onestop_agency"));
    }

    [Fact]
    public void Xlsx_exports_stream_with_text_dates_and_excel_serials()
    {
        using var f = new LogFixture();
        var xlsx = new XlsxWriter();
        xlsx.AddSheet("Danh sách hồ sơ")
            .Row(0, "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ")
            .Row(2, "STT", "Mã hồ sơ", "Cơ quan", "Cấp", "Tỉnh", "Kênh", "Ngày tiếp nhận", "Ngày hẹn trả", "Ngày có kết quả", "Trạng thái")
            .Row(3, 1, "X-1", "Sở Y tế", "Cấp tỉnh", "Lâm Đồng", "Trực tuyến", 45383.35, 45392, 45390, "Đã có kết quả")
            .Row(4, 2, "X-2", "Sở Y tế", "Cấp tỉnh", "Lâm Đồng", "Bưu chính công ích", "2024-04-01", "10/04/2024", null, "Đang xử lý")
            .Row(5, 3, "X-3", "Sở Y tế", "Cấp tỉnh", "Lâm Đồng", "Trực tiếp", "không rõ", "10/04/2024", null, null);
        var path = Path.Combine(f.Temp.Directory, "export.xlsx");
        xlsx.Save(path);

        var result = f.Load(path);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2, 1), (result.RowsLoaded, result.RowsQuarantined));
        var rows = f.Warehouse.Query<(string, DateOnly, DateOnly, DateOnly?, string)>(
            "SELECT dossier_code, received_date, due_date, resolved_date, channel_code FROM rpt.dossier ORDER BY 1");
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 10), (DateOnly?)new DateOnly(2024, 4, 8), "online"), (rows[0].Item2, rows[0].Item3, rows[0].Item4, rows[0].Item5));
        Assert.Equal(("X-2", "postal"), (rows[1].Item1, rows[1].Item5));
        Assert.Equal(("Danh sách hồ sơ", 6), f.Warehouse.Query<(string, int)>("SELECT sheet, row_number FROM etl.quarantine").Single());
    }
}
