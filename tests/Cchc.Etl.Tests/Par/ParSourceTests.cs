using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Etl.Sources;
using Cchc.Etl.Sources.Par;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Par;

public sealed class ParSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cchc-par-source-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A small 2017 result in the ministry's layout, with the mess real files have.</summary>
    private static XlsxWriter MessyWorkbook(Action<XlsxWriter.SheetData>? tweakSummary = null, string title = "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017 CỦA CÁC TỈNH, THÀNH PHỐ")
    {
        var writer = new XlsxWriter();
        var s = writer.AddSheet("Tổng hợp");
        s.Set(0, 0, "BỘ NỘI VỤ").Merge(0, 0, 0, 2);
        s.Set(1, 0, title).Merge(1, 0, 1, 8);
        s.Set(3, 0, "STT").Merge(3, 0, 4, 0);
        s.Set(3, 1, "Tỉnh, thành phố").Merge(3, 1, 4, 1);
        s.Set(3, 2, "Chỉ số CCHC năm 2017").Merge(3, 2, 3, 3);
        s.Set(4, 2, "Điểm (%)").Set(4, 3, "Xếp hạng");
        s.Set(3, 4, "1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC (10)").Merge(3, 4, 3, 5);
        s.Set(4, 4, "Điểm").Set(4, 5, "Xếp hạng");
        s.Set(3, 6, "3. CẢI CÁCH THỦ TỤC HÀNH CHÍNH (14,5 điểm)").Merge(3, 6, 4, 6);
        s.Set(3, 7, "Ghi chú").Merge(3, 7, 4, 7);
        s.Row(5, "(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)");
        s.Row(6, 1, "Ha Noi", 85.1, 2, 9.5, 1, 13.25, null);
        s.Row(7, 2, "TP. Hồ Chí Minh", "80,5%", "7", "8,75", 5, 12.0, "đạt");
        s.Row(8, 3, "Tỉnh Lâm Đồng", "70,99%", 48, "5,1611", 50, "11,964", null);
        s.Row(10, null, "Trung bình cả nước", 78.86, null, 7.8, null, 12.4, null);
        s.Row(12, "Ghi chú: số liệu minh họa.");
        tweakSummary?.Invoke(s);

        var d = writer.AddSheet("Lĩnh vực 1");
        d.Set(0, 0, "LĨNH VỰC 1: CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC").Merge(0, 0, 0, 6);
        d.Set(2, 0, "STT").Merge(2, 0, 3, 0);
        d.Set(2, 1, "Tỉnh, thành phố").Merge(2, 1, 3, 1);
        d.Set(2, 2, "Tổng điểm lĩnh vực 1 (10)").Merge(2, 2, 3, 2);
        d.Set(2, 3, "1.1. Kế hoạch CCHC (1,5)").Merge(2, 3, 2, 5);
        d.Set(3, 3, "Cộng").Set(3, 4, "1.1.1. Ban hành kế hoạch CCHC năm (0,5)").Set(3, 5, "1.1.2 Mức độ hoàn thành kế hoạch CCHC (1)");
        d.Set(2, 6, "1.2. Thực hiện chế độ báo cáo định kỳ (3)").Merge(2, 6, 3, 6);
        d.Row(4, 1, "Hà Nội", 9.5, 1.5, 0.5, 1.0, 3.0);
        d.Row(5, 2, "Ho Chi Minh", 8.75, "1,25", 0.5, "0,75", 2.5);
        d.Row(6, 3, "Lâm Đồng", 5.1611, 1.4111, 0.5, 0.9111, 0.75);
        return writer;
    }

    private string Save(XlsxWriter writer, string name = "par-2017.xlsx")
    {
        var path = Path.Combine(_dir, name);
        writer.Save(path);
        return path;
    }

    private static ParsedScores Parse(string path) => new ParSource().Parse(Workbook.Open(path));

    private static ScoreRecord Record(ParsedScores parsed, string province, string code) =>
        Assert.Single(parsed.Scores, s => s.ProvinceCode == province && s.CriterionCode == code);

    [Fact]
    public void A_messy_ministry_workbook_is_read_with_codes_decimal_commas_percentages_and_ranks()
    {
        var parsed = Parse(Save(MessyWorkbook()));

        Assert.Equal([2017], parsed.Years);
        Assert.Empty(parsed.Rejected);
        Assert.Equal(3 * 7, parsed.Scores.Count);
        Assert.Equal((70.99, (int?)48), (Record(parsed, "68", "TOTAL").Score!.Value, Record(parsed, "68", "TOTAL").Rank));
        Assert.Equal((80.5, (int?)7), (Record(parsed, "79", "TOTAL").Score!.Value, Record(parsed, "79", "TOTAL").Rank));
        Assert.Equal((5.1611, (int?)50), (Record(parsed, "68", "1").Score!.Value, Record(parsed, "68", "1").Rank));
        Assert.Equal(11.964, Record(parsed, "68", "3").Score);
        Assert.Null(Record(parsed, "68", "3").Rank);
        Assert.Equal(0.9111, Record(parsed, "68", "1.1.2").Score);
        Assert.Equal(1.25, Record(parsed, "79", "1.1").Score);
        Assert.All(parsed.Scores, s => Assert.False(s.IsSynthetic));
        var where = Record(parsed, "68", "1.1.2").Source;
        Assert.Equal(("Lĩnh vực 1", 7, "F"), (where.Sheet, where.Row, where.Column));
    }

    [Fact]
    public void The_source_recognises_PAR_workbooks_by_their_titles()
    {
        Assert.True(new ParSource().Recognises(Workbook.Open(Save(MessyWorkbook()))));
        var other = new XlsxWriter();
        other.AddSheet("Summary").Row(0, "PCI 2017").Row(1, "Province", "PCI").Row(2, "Ha Noi", 60.0);
        Assert.False(new ParSource().Recognises(Workbook.Open(Save(other, "pci.xlsx"))));
    }

    [Theory]
    [InlineData("pci", "PCI 2017.xlsx")]
    [InlineData("pci", "PCI 2008.xls")]
    [InlineData("papi", "PAPI 2011-2019.xlsx")]
    public void Real_PCI_and_PAPI_workbooks_are_not_taken_for_PAR(string folder, string file)
    {
        Assert.False(new ParSource().Recognises(Workbook.Open(SharedData.Path("data", "real", folder, file))));
    }

    [Fact]
    public void Header_max_points_that_differ_from_the_catalogue_stop_the_file_naming_the_cell()
    {
        var path = Save(MessyWorkbook(s => s.Set(3, 6, "3. CẢI CÁCH THỦ TỤC HÀNH CHÍNH (12)")));
        var e = Assert.Throws<SpreadsheetException>(() => Parse(path));
        Assert.Equal(("Tổng hợp", 4, "G"), (e.Location.Sheet, e.Location.Row, e.Location.Column));
        Assert.Contains("max points 12", e.Message, StringComparison.Ordinal);
        Assert.Contains("14.5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_cells_unknown_criteria_and_provinces_of_another_era_are_quarantined_with_their_location()
    {
        var path = Save(MessyWorkbook(s =>
        {
            s.Set(6, 4, "x");
            s.Set(7, 6, " ");
            s.Set(3, 8, "9.9. Tiêu chí lạ (1)").Merge(3, 8, 4, 8);
            s.Row(9, 4, "Hà Tây", 60.0, 63, 5.0, 63, 10.0, null, 1.0);
        }));
        var parsed = Parse(path);
        Assert.Contains(parsed.Rejected, q => q.Source is { Sheet: "Tổng hợp", Row: 7, Column: "E" } && q.Reason.Contains("not a number", StringComparison.Ordinal));
        Assert.Contains(parsed.Rejected, q => q.Source is { Row: 8, Column: "G" } && q.Reason.StartsWith("blank score", StringComparison.Ordinal));
        Assert.Contains(parsed.Rejected, q => q.Source is { Row: 4, Column: "I" } && q.Reason.Contains("'9.9' is not in PAR methodology PAR-2948", StringComparison.Ordinal));
        Assert.Contains(parsed.Rejected, q => q.Source is { Row: 10, Column: "B" } && q.Reason.Contains("'Hà Tây' is not a province in 2017", StringComparison.Ordinal));
        Assert.DoesNotContain(parsed.Scores, s => s.ProvinceCode == "28");
        Assert.Equal(9.5, Record(parsed, "01", "1").Score);
    }

    [Fact]
    public void A_value_printed_on_two_sheets_must_agree()
    {
        var writer = MessyWorkbook();
        var parsed = Parse(Save(writer));
        Assert.Empty(parsed.Rejected);

        var changed = MessyWorkbook(s => s.Set(8, 4, 5.2));
        var rejected = Parse(Save(changed, "changed-2017.xlsx")).Rejected;
        var q = Assert.Single(rejected);
        Assert.Equal(("Lĩnh vực 1", 7, "C"), (q.Source.Sheet, q.Source.Row, q.Source.Column));
        Assert.Contains("differs from 5.2", q.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_year_comes_from_the_title_or_the_file_name_and_two_years_are_an_error()
    {
        static void NoYearInHeader(XlsxWriter.SheetData s) => s.Set(3, 2, "Chỉ số CCHC");
        Assert.Equal([2017], Parse(Save(MessyWorkbook(NoYearInHeader, "KẾT QUẢ XẾP HẠNG"), "ket-qua-2017.xlsx")).Years);
        var noYear = Save(MessyWorkbook(NoYearInHeader, "KẾT QUẢ XẾP HẠNG"), "ket-qua.xlsx");
        Assert.Contains("cannot tell the result year", Assert.Throws<SpreadsheetException>(() => Parse(noYear)).Message, StringComparison.Ordinal);
        var twoYears = Save(MessyWorkbook(s => s.Set(2, 0, "Chỉ số CCHC năm 2016")));
        Assert.Contains("several result years", Assert.Throws<SpreadsheetException>(() => Parse(twoYears)).Message, StringComparison.Ordinal);
    }

    private static XlsxWriter SyntheticWithProvenance(params object?[][] provenanceRows)
    {
        var writer = MessyWorkbook();
        var p = writer.AddSheet(ParWorkbookLayout.ProvenanceSheet);
        p.Row(0, [.. ParWorkbookLayout.ProvenanceColumns]);
        for (var i = 0; i < provenanceRows.Length; i++)
        {
            p.Row(i + 1, provenanceRows[i]);
        }

        SyntheticMarker.Stamp(writer, "test");
        return writer;
    }

    [Fact]
    public void In_a_synthetic_workbook_only_the_values_listed_as_real_are_real_and_a_real_score_never_carries_a_synthetic_rank()
    {
        var parsed = Parse(Save(SyntheticWithProvenance(
            [2017, "68", "Lâm Đồng", "TOTAL", "score", 70.99, "seed", null],
            [2017, "68", "Lâm Đồng", "TOTAL", "rank", 48, "seed", null],
            [2017, "68", "Lâm Đồng", "1", "score", 5.1611, "seed", null],
            [2017, "01", "Hà Nội", "TOTAL", "rank", 2, "press", null])));

        Assert.Equal(["68/1", "68/TOTAL"], parsed.Scores.Where(s => !s.IsSynthetic).Select(s => $"{s.ProvinceCode}/{s.CriterionCode}").Order());
        Assert.Equal(48, Record(parsed, "68", "TOTAL").Rank);
        Assert.Null(Record(parsed, "68", "1").Rank);
        Assert.True(Record(parsed, "01", "TOTAL").IsSynthetic);
        Assert.Equal(2, Record(parsed, "01", "TOTAL").Rank);
    }

    [Fact]
    public void A_provenance_row_that_disagrees_with_the_table_stops_the_file()
    {
        var path = Save(SyntheticWithProvenance([2017, "68", "Lâm Đồng", "TOTAL", "score", 71.5, "seed", null]));
        var e = Assert.Throws<SpreadsheetException>(() => Parse(path));
        Assert.Equal((ParWorkbookLayout.ProvenanceSheet, 2), (e.Location.Sheet, e.Location.Row));
        Assert.Contains("the table has 70.99", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_writes_scores_and_the_sources_of_real_values_in_one_transaction_and_reloading_replaces_them()
    {
        var path = Save(SyntheticWithProvenance(
            [2017, "68", "Lâm Đồng", "TOTAL", "score", 70.99, "Plan 3770/KH-UBND", null],
            [2017, "01", "Hà Nội", "TOTAL", "rank", 2, "laocai.gov.vn", null]));
        using var temp = new TempWarehouse();
        var loader = LoaderRegistry.ForKind("par")!;
        Assert.True(loader.Recognises(path));
        for (var i = 0; i < 2; i++)
        {
            var run = temp.Warehouse.StartRun("test");
            var result = loader.Load(temp.Warehouse, run, path);
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(21, result.RowsLoaded);
        }

        var sources = temp.Warehouse.Query<(string Province, string Code, string Kind, double Value, string Source)>(
            "SELECT province_short_name, criterion_code, value_kind, value, source FROM rpt.par_value_source ORDER BY province_code");
        Assert.Equal([("Hà Nội", "TOTAL", "rank", 2.0, "laocai.gov.vn"), ("Lâm Đồng", "TOTAL", "score", 70.99, "Plan 3770/KH-UBND")], sources);
        var lamDong = temp.Warehouse.Query<(double Max, double Score, double Lost, int Rank, string RankSource, bool Synthetic)>(
            "SELECT max_points, score, points_lost, rank, rank_source, is_synthetic FROM rpt.index_score WHERE province_code = '68' AND criterion_code = 'TOTAL'").Single();
        // Only the score is listed as real: the workbook's rank 48 is not attached to the real record, so the
        // warehouse ranks the three provinces itself.
        Assert.Equal((100.0, 70.99, 29.01, 3, "computed", false), (lamDong.Max, lamDong.Score, Math.Round(lamDong.Lost, 2), lamDong.Rank, lamDong.RankSource, lamDong.Synthetic));
        Assert.Equal(21L, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
    }
}
