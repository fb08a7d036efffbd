using Cchc.Etl.Loading;
using Cchc.Etl.Sources.Papi;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Papi;

/// <summary>The PAPI parser on small generated workbooks: layout found by content, and malformed input.</summary>
public sealed class PapiParserTests
{
    private readonly PapiSource _source = new();

    [Fact]
    public void Header_rows_and_columns_are_found_by_content_below_title_lines_and_shifted_right()
    {
        using var book = new MiniPapiWorkbook();
        var sheet = book.Writer.AddSheet("PAPI 2015");
        sheet.Row(0, "Chỉ số PAPI 2015").Row(1, "UNDP, 2016");
        var columns = MiniPapiWorkbook.Header(sheet, 2015, top: 3, left: 2);
        MiniPapiWorkbook.Province(sheet, 2015, 5, columns, 68, "Lam Dong", "Lâm Đồng", left: 2);
        MiniPapiWorkbook.Province(sheet, 2015, 6, columns, 1.0, "Ha Noi", "Hà Nội", left: 2);

        var parsed = _source.Parse(book.Save());

        Assert.Empty(parsed.Rejected);
        Assert.Equal([2015], parsed.Years);
        var lamDong = parsed.Scores.Where(s => s.ProvinceCode == "68").ToList();
        Assert.Equal(MiniPapiWorkbook.ColumnsOf(2015).Count, lamDong.Count);
        Assert.Equal(5.5, lamDong.Single(s => s.CriterionCode == "PAPI.D1").Score!.Value, 9);
        Assert.Equal(33.0, lamDong.Single(s => s.CriterionCode == "TOTAL").Score!.Value, 9);
        Assert.Equal(("PAPI 2015", 6, "F"), (lamDong[0].Source.Sheet, lamDong[0].Source.Row, lamDong[0].Source.Column));
        Assert.Contains(parsed.Scores, s => s.ProvinceCode == "01");
        Assert.All(parsed.Scores, s => Assert.False(s.IsSynthetic));
    }

    [Fact]
    public void A_Vietnamese_header_row_alone_is_enough_and_the_total_is_derived_from_2018()
    {
        using var book = new MiniPapiWorkbook();
        var sheet = book.Writer.AddSheet("2019_PAPI");
        var columns = MiniPapiWorkbook.Header(sheet, 2019, english: false);
        MiniPapiWorkbook.Province(sheet, 2019, 1, columns, 68, "Lam Dong", "Lâm Đồng");

        var parsed = _source.Parse(book.Save());

        Assert.Empty(parsed.Rejected);
        Assert.Equal(8, parsed.Scores.Count(s => s.CriterionCode.Length == "PAPI.D1".Length));
        var total = parsed.Scores.Single(s => s.CriterionCode == "TOTAL");
        Assert.Equal(44.0, total.Score!.Value, 9);
        Assert.Null(total.Source.Column); // derived, not read from a cell
    }

    [Fact]
    public void A_tinhid_that_contradicts_the_province_name_is_an_error_naming_sheet_and_row()
    {
        using var book = new MiniPapiWorkbook();
        var sheet = book.Writer.AddSheet("2017_PAPI");
        var columns = MiniPapiWorkbook.Header(sheet, 2017);
        MiniPapiWorkbook.Province(sheet, 2017, 2, columns, 68, "Lam Dong", "Lâm Đồng");
        MiniPapiWorkbook.Province(sheet, 2017, 3, columns, 68, "Ha Noi", "Hà Nội");

        var error = Assert.Throws<SpreadsheetException>(() => _source.Parse(book.Save()));

        Assert.Equal(("2017_PAPI", 4), (error.Location.Sheet, error.Location.Row));
        Assert.Contains("tinhid 68 (Lâm Đồng) does not match the province name 'Ha Noi'", error.Message);
    }

    [Theory]
    [InlineData(99, "Lam Dong", "is not the GSO code of a province in 2017")]
    [InlineData(68, "Atlantis", "unknown province 'Atlantis'")]
    public void An_unknown_province_id_or_name_is_an_error_naming_sheet_and_row(int id, string name, string expected)
    {
        using var book = new MiniPapiWorkbook();
        var sheet = book.Writer.AddSheet("2017_PAPI");
        var columns = MiniPapiWorkbook.Header(sheet, 2017);
        MiniPapiWorkbook.Province(sheet, 2017, 2, columns, id, name, name);

        var error = Assert.Throws<SpreadsheetException>(() => _source.Parse(book.Save()));

        Assert.Equal(("2017_PAPI", 3), (error.Location.Sheet, error.Location.Row));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Unusable_cells_are_quarantined_by_cell_and_the_rest_of_the_row_is_kept()
    {
        using var book = new MiniPapiWorkbook();
        var sheet = book.Writer.AddSheet("2019_PAPI");
        var columns = MiniPapiWorkbook.Header(sheet, 2019);
        MiniPapiWorkbook.Province(sheet, 2019, 2, columns, 68, "Lam Dong", "Lâm Đồng");
        sheet.Set(2, columns["PAPI.D2"], "KCDL").Set(2, columns["PAPI.D4.1"], 12.5);
        sheet.Set(2, columns["PAPI.D5"], "6,5"); // a decimal comma is a number

        var parsed = _source.Parse(book.Save());

        var rejected = parsed.Rejected.Select(q => (q.Source.Row, q.Source.Column, q.Reason)).ToList();
        Assert.Contains((3, ColumnName.Of(columns["PAPI.D2"]), "PAPI.D2 score is not a number: 'KCDL'"), rejected);
        Assert.Contains((3, ColumnName.Of(columns["PAPI.D4.1"]), "PAPI.D4.1 score 12.5 is outside its scale 0.25–2.5"), rejected);
        Assert.Contains(rejected, q => q.Column is null && q.Reason.StartsWith("TOTAL not derived for Lâm Đồng 2019: no score for PAPI.D2", StringComparison.Ordinal));
        Assert.Equal(3, rejected.Count);
        Assert.Equal(6.5, parsed.Scores.Single(s => s.CriterionCode == "PAPI.D5").Score);
        Assert.DoesNotContain(parsed.Scores, s => s.CriterionCode is "PAPI.D2" or "PAPI.D4.1" or "TOTAL");
    }

    [Fact]
    public void Summary_note_and_blank_rows_are_not_provinces_and_unknown_columns_are_reported()
    {
        using var book = new MiniPapiWorkbook();
        var sheet = book.Writer.AddSheet("2016_PAPI");
        var columns = MiniPapiWorkbook.Header(sheet, 2016);
        var notes = columns.Values.Max() + 1;
        sheet.Set(0, notes, "Ghi chú");
        MiniPapiWorkbook.Province(sheet, 2016, 2, columns, 68, "Lam Dong", "Lâm Đồng");
        sheet.Set(2, notes, "khảo sát lại");
        MiniPapiWorkbook.Province(sheet, 2016, 4, columns, 999, "Highest", "Điểm cao nhất");
        sheet.Row(6, "Nguồn: UNDP và các đối tác");

        var parsed = _source.Parse(book.Save());

        Assert.Equal(["68"], parsed.Scores.Select(s => s.ProvinceCode).Distinct());
        var unknown = Assert.Single(parsed.Rejected);
        Assert.Equal((1, ColumnName.Of(notes)), (unknown.Source.Row, unknown.Source.Column));
        Assert.Contains("'Ghi chú' names no PAPI criterion", unknown.Reason);
    }

    [Fact]
    public void A_column_outside_the_years_methodology_is_reported_not_loaded()
    {
        using var book = new MiniPapiWorkbook();
        var sheet = book.Writer.AddSheet("2015_PAPI");
        var columns = MiniPapiWorkbook.Header(sheet, 2015);
        var extra = columns.Values.Max() + 1;
        sheet.Set(0, extra, "Environmental Governance").Set(1, extra, "Quản trị môi trường");
        MiniPapiWorkbook.Province(sheet, 2015, 2, columns, 68, "Lam Dong", "Lâm Đồng");
        sheet.Set(2, extra, 4.5);

        var parsed = _source.Parse(book.Save());

        var rejected = Assert.Single(parsed.Rejected);
        Assert.Contains("PAPI.D7 ('Environmental Governance') is not in the PAPI catalogue for 2015", rejected.Reason);
        Assert.DoesNotContain(parsed.Scores, s => s.CriterionCode == "PAPI.D7");
    }

    [Fact]
    public void Two_sheets_for_one_year_are_an_error()
    {
        using var book = new MiniPapiWorkbook();
        foreach (var name in new[] { "2017_PAPI", "PAPI 2017 (copy)" })
        {
            var sheet = book.Writer.AddSheet(name);
            MiniPapiWorkbook.Province(sheet, 2017, 2, MiniPapiWorkbook.Header(sheet, 2017), 68, "Lam Dong", "Lâm Đồng");
        }

        var error = Assert.Throws<SpreadsheetException>(() => _source.Parse(book.Save()));
        Assert.Contains("a second sheet for PAPI 2017 (the first is '2017_PAPI')", error.Message);
    }

    [Fact]
    public void A_workbook_without_a_PAPI_header_is_not_recognised_and_does_not_parse()
    {
        using var book = new MiniPapiWorkbook();
        book.Writer.AddSheet("2017").Row(0, "STT", "Tỉnh", "Điểm").Row(1, 1, "Lâm Đồng", 70.99);

        var workbook = book.Save();

        Assert.False(_source.Recognises(workbook));
        var error = Assert.Throws<SpreadsheetException>(() => _source.Parse(workbook));
        Assert.Contains("no PAPI year sheet found", error.Message);
    }

    [Fact]
    public void The_real_workbook_is_recognised_as_PAPI_and_nothing_else_is_claimed_by_it()
    {
        Assert.Equal("papi", LoaderRegistry.Recognise(SharedData.PapiWorkbook)?.Kind);
        Assert.False(_source.Recognises(Workbook.Open(Path.Combine(SharedData.PciFolder, "PCI 2017.xlsx"))));
    }

    [Theory]
    [InlineData("PAPI 2018 FULL vie.xlsx")]
    [InlineData("PAPI 2019 FULL vie.xlsx")]
    [InlineData("2019_PAPI_Provincial_indicators2019_VIE_ENG.xlsx")]
    public void UNDPs_fuller_releases_are_refused_with_a_reason(string file)
    {
        var workbook = Workbook.Open(SharedData.Path("data", "real", "papi", file));

        var error = Assert.Throws<SpreadsheetException>(() => _source.Parse(workbook));

        Assert.Contains("fuller indicator-level releases are not in it", error.Message);
    }

    [Fact]
    public void A_truncated_or_wrong_type_file_fails_whole_and_is_recorded_as_failed()
    {
        using var temp = new TempWarehouse();
        var truncated = Path.Combine(temp.Directory, "PAPI truncated.xlsx");
        File.WriteAllBytes(truncated, File.ReadAllBytes(SharedData.PapiWorkbook)[..20_000]);
        var text = Path.Combine(temp.Directory, "PAPI notes.xlsx");
        File.WriteAllText(text, "not a workbook\n");
        var loader = new IndexFileLoader(_source);
        var run = temp.Warehouse.StartRun("test");

        var results = new[] { truncated, text }.Select(p => loader.Load(temp.Warehouse, run, p)).ToList();

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.Contains("PAPI truncated.xlsx", results[0].Error);
        Assert.Equal(0L, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
        Assert.Equal(2L, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM etl.file WHERE status = 'failed'").Single());
    }
}
