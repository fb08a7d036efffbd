using Cchc.Etl.Sources;
using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using static Cchc.Etl.Tests.Pci.PciTestWorkbooks;

namespace Cchc.Etl.Tests.Pci;

public sealed class PciParserTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly PciSource _source = new();

    public void Dispose() => _folder.Dispose();

    private ParsedScores Parse(XlsxWriter writer, string name = "pci-test.xlsx") =>
        _source.Parse(Workbook.Open(Save(writer, _folder, name)));

    private static ScoreRecord Single(ParsedScores parsed, string gso, string criterion) =>
        parsed.Scores.Single(s => s.ProvinceCode == gso && s.CriterionCode == criterion);

    [Fact]
    public void Reads_total_rank_and_every_sub_index_of_a_2017_style_summary()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2017);

        var parsed = Parse(writer);

        Assert.Equal([2017], parsed.Years);
        Assert.Equal(Names.Length * 11, parsed.Scores.Count);
        var quangNinh = Single(parsed, "22", IndexCodes.Total);
        Assert.Equal((Total(6), 7), (quangNinh.Score!.Value, quangNinh.Rank!.Value));
        Assert.Equal(SubIndex(5, 9), Single(parsed, "68", "PCI.10").Score);
        Assert.Equal(new SourceLocation(_folder.File("pci-test.xlsx"), "Summary", 7, "M"), Single(parsed, "68", "PCI.10").Source);
        Assert.Null(Single(parsed, "68", "PCI.1").Rank);
        Assert.All(parsed.Scores, s => Assert.False(s.IsSynthetic));
        Assert.Empty(parsed.Rejected);
    }

    [Fact]
    public void Finds_the_header_below_title_rows_and_reads_a_two_row_english_vietnamese_header()
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("Tổng hợp");
        sheet.Row(0, "CHỈ SỐ NĂNG LỰC CẠNH TRANH CẤP TỈNH");
        sheet.Row(1, "Nguồn: VCCI");
        var subIndices = PciCatalogue.SubIndicesIn(2009);
        sheet.Row(3, ["Mã PCI", "Thứ hạng PCI 2009", "Tỉnh", .. subIndices.Select((_, i) => (object?)$"Chỉ số thành phần {i + 1}"), "PCI 2009 có trọng số"]);
        sheet.Row(4, ["Mã PCI", null, "Tỉnh", .. subIndices.Select(s => (object?)s.NameVi)]);
        for (var p = 0; p < Names.Length; p++)
        {
            sheet.Row(5 + p, [p + 40, p + 1, Names[p], .. subIndices.Select((_, i) => (object?)SubIndex(p, i)), Total(p)]);
        }

        var parsed = Parse(writer, "anything.xls.xlsx");

        Assert.Equal([2009], parsed.Years);
        Assert.Equal(Names.Length * 10, parsed.Scores.Count);
        Assert.Equal(subIndices.Select(s => s.Code).Append(IndexCodes.Total).Order(), parsed.Scores.Select(s => s.CriterionCode).Distinct().Order());
        Assert.Equal(5, Single(parsed, "01", IndexCodes.Total).Rank);
        Assert.Equal(SubIndex(4, 2), Single(parsed, "01", "PCI.3").Score);
        Assert.Equal(10, Single(parsed, "01", "PCI.3").Source.Row);
    }

    [Fact]
    public void Statistics_and_repeated_highlight_rows_are_never_provinces()
    {
        var writer = new XlsxWriter();
        var sheet = RowPerProvince(writer, 2017);
        var n = Names.Length;
        sheet.Row(n + 2, ["Hà Nội", 99, 99.0, .. SubIndexHeaders(2017).Select(_ => (object?)9.9)]);
        sheet.Row(n + 3, ["Min", null, 60.0, .. SubIndexHeaders(2017).Select(_ => (object?)1.0)]);
        sheet.Row(n + 4, ["Median", null, 65.0]);
        sheet.Row(n + 5, ["Max", null, 70.0]);
        sheet.Row(n + 6, ["Điểm cao nhất mẫu", 71.0, 71.0]);
        sheet.Row(n + 7, "Ghi chú: số liệu tổng hợp từ điều tra doanh nghiệp 2017");

        var parsed = Parse(writer);

        Assert.Equal(n, parsed.Scores.Count(s => s.CriterionCode == IndexCodes.Total));
        Assert.Equal(Total(4), Single(parsed, "01", IndexCodes.Total).Score);
        Assert.DoesNotContain(parsed.Scores, s => s.Score is 99.0 or 9.9 or 1.0 or 71.0);
    }

    [Fact]
    public void Sorted_columns_pair_each_value_with_the_province_name_to_its_left()
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("Tong hop");
        var subIndices = PciCatalogue.SubIndicesIn(2010);
        object?[] header = ["Thứ tự", "Tỉnh", .. subIndices.SelectMany(s => new object?[] { s.NameVi, null }), "PCI 2010", null, "Xếp hạng"];
        sheet.Row(0, header);
        for (var r = 0; r < Names.Length; r++)
        {
            var cells = new List<object?> { r + 1 };
            for (var i = 0; i < subIndices.Count; i++)
            {
                // Each sub-index column is sorted on its own: a different province order per column.
                var p = (r + i) % Names.Length;
                cells.Add(Names[p]);
                cells.Add(SubIndex(p, i));
            }

            cells.AddRange([Names[r], Total(r), Names[r], r + 1]);
            sheet.Row(1 + r, [.. cells]);
        }

        sheet.Row(Names.Length + 2, ["Thứ tự", "Tỉnh"]);
        sheet.Row(Names.Length + 3, [null, "Hà Nội", 1.0, null, 2.0]);
        sheet.Row(Names.Length + 4, [null, "Thứ tự", 7, null, 7]);

        var parsed = Parse(writer);

        Assert.Equal(Names.Length * (subIndices.Count + 1), parsed.Scores.Count);
        for (var p = 0; p < Names.Length; p++)
        {
            var gso = parsed.Scores.Where(s => s.CriterionCode == IndexCodes.Total && s.Score == Total(p)).Single().ProvinceCode;
            for (var i = 0; i < subIndices.Count; i++)
            {
                Assert.Equal(SubIndex(p, i), Single(parsed, gso, subIndices[i].Code).Score);
            }

            Assert.Equal(p + 1, Single(parsed, gso, IndexCodes.Total).Rank);
        }
    }

    [Fact]
    public void Running_number_is_the_rank_only_when_rows_are_sorted_by_the_total()
    {
        var sorted = new XlsxWriter();
        RowPerProvince(sorted, 2007, totalHeader: "Chỉ số PCI 2007 đã có trọng số").Set(0, 1, "Thứ tự");
        var unsorted = new XlsxWriter();
        RowPerProvince(unsorted, 2007, totalHeader: "Chỉ số PCI 2007 đã có trọng số").Set(0, 1, "Thứ tự").Set(1, 2, 10.0);

        var ranked = Parse(sorted, "a.xlsx");
        var unranked = Parse(unsorted, "b.xlsx");

        Assert.Equal(Enumerable.Range(1, Names.Length), ranked.Scores.Where(s => s.CriterionCode == IndexCodes.Total).Select(s => s.Rank!.Value));
        Assert.All(unranked.Scores, s => Assert.Null(s.Rank));
    }

    [Fact]
    public void Rank_comes_from_a_separate_ranking_sheet_when_its_totals_agree()
    {
        var writer = new XlsxWriter();
        var ranking = writer.AddSheet("Xếp hạng theo chỉ số PCI");
        ranking.Row(0, "Tỉnh, thành phố", "PCI có trọng số (Điểm tối đa =100)", "Thứ hạng");
        for (var p = 0; p < Names.Length; p++)
        {
            ranking.Row(1 + p, Names[p], p == 2 ? 1.0 : Total(p), p + 1);
        }

        var summary = RowPerProvince(writer, 2005, "Bảng tóm tắt chỉ số", totalHeader: "Chỉ số PCI có trọng số (Điểm tối đa=100)");
        summary.Row(0, "Tỉnh, thành phố", "Vùng");

        var parsed = Parse(writer, "PCI 2005.xlsx");

        Assert.Equal([2005], parsed.Years);
        Assert.Equal(1, Single(parsed, "89", IndexCodes.Total).Rank);
        Assert.Null(Single(parsed, "24", IndexCodes.Total).Rank);
        var rejected = Assert.Single(parsed.Rejected);
        Assert.Equal(("Xếp hạng theo chỉ số PCI", 4, "C"), (rejected.Source.Sheet, rejected.Source.Row, rejected.Source.Column));
    }

    [Fact]
    public void A_score_that_is_text_is_quarantined_with_sheet_row_and_column()
    {
        var writer = new XlsxWriter();
        var sheet = RowPerProvince(writer, 2017);
        sheet.Set(3, 5, "n/a");
        sheet.Set(2, 2, "#N/A");
        sheet.Set(5, 1, 2.5);

        var parsed = Parse(writer);

        Assert.Equal(3, parsed.Rejected.Count);
        var text = parsed.Rejected.Single(r => r.Source.Column == "F");
        Assert.Equal(new SourceLocation(_folder.File("pci-test.xlsx"), "Summary", 4, "F"), text.Source);
        Assert.Equal("PCI.3 score of Bắc Giang is not a number: 'n/a'", text.Reason);
        Assert.Contains("weighted PCI of Bà Rịa - Vũng Tàu is the Excel error #N/A", parsed.Rejected.Single(r => r.Source.Column == "C").Reason);
        Assert.Contains("rank of Hà Nội is not a whole number", parsed.Rejected.Single(r => r.Source.Column == "B").Reason);
        Assert.DoesNotContain(parsed.Scores, s => s.ProvinceCode == "24" && s.CriterionCode == "PCI.3");
        Assert.DoesNotContain(parsed.Scores, s => s.ProvinceCode == "77" && s.CriterionCode == IndexCodes.Total);
        Assert.Null(Single(parsed, "01", IndexCodes.Total).Rank);
        Assert.Equal(Total(4), Single(parsed, "01", IndexCodes.Total).Score);
    }

    [Fact]
    public void A_score_off_its_scale_is_quarantined_not_loaded()
    {
        var writer = new XlsxWriter();
        var sheet = RowPerProvince(writer, 2017);
        sheet.Set(1, 3, 56.2);
        sheet.Set(2, 2, 170.0);

        var parsed = Parse(writer);

        Assert.Equal(["C", "D"], parsed.Rejected.Select(r => r.Source.Column));
        Assert.Contains("weighted PCI of Bà Rịa - Vũng Tàu is outside the 0–100 scale", parsed.Rejected[0].Reason);
        Assert.Equal("PCI.1 score of An Giang is outside the 0–10 scale: 56.2", parsed.Rejected[1].Reason);
        Assert.DoesNotContain(parsed.Scores, s => s.Score is 56.2 or 170.0);
    }

    [Fact]
    public void A_papi_style_table_with_its_own_weighted_total_is_not_taken_for_pci()
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("PAPI 2019");
        sheet.Row(0, "Province", "Participation at Local Levels", "Transparency", "Vertical Accountability", "Control of Corruption",
            "Public Administrative Procedures", "Public Service Delivery", "Environmental Governance", "E-Governance", "Land use transparency",
            "Legal assistance", "Labor market information", "Weighted PAPI");
        for (var p = 0; p < Names.Length; p++)
        {
            sheet.Row(1 + p, [Names[p], .. Enumerable.Range(0, 11).Select(i => (object?)SubIndex(p, i)), 45.0 + p]);
        }

        var path = Save(writer, _folder, "papi-2019.xlsx");

        Assert.False(_source.Recognises(Workbook.Open(path)));
        Assert.Contains("no PCI summary table", Assert.Throws<SpreadsheetException>(() => _source.Parse(Workbook.Open(path))).Message);
    }

    [Fact]
    public void An_unknown_province_is_an_error_naming_file_sheet_row_and_column()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2017, names: ["An Giang", "BRVT", "Atlantis", "Đà Nẵng"]);

        var e = Assert.Throws<SpreadsheetException>(() => Parse(writer));

        Assert.Equal(new SourceLocation(_folder.File("pci-test.xlsx"), "Summary", 4, "A"), e.Location);
        Assert.Contains("file 'pci-test.xlsx', sheet 'Summary', row 4, column A: unknown province 'Atlantis' for 2017", e.Message);
    }

    [Fact]
    public void A_province_below_a_gap_in_the_table_is_an_error_not_a_silent_drop()
    {
        var writer = new XlsxWriter();
        var sheet = RowPerProvince(writer, 2017, names: ["An Giang", "BRVT", "Bac Giang"]);
        sheet.Row(6, ["Lâm Đồng", 4, 60.0]);

        var e = Assert.Throws<SpreadsheetException>(() => Parse(writer));

        Assert.Equal(7, e.Location.Row);
        Assert.Contains("Lâm Đồng appears below the province rows", e.Message);
    }

    [Fact]
    public void A_province_listed_twice_is_an_error()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2017, names: ["An Giang", "BRVT", "Bà Rịa - Vũng Tàu"]);

        var e = Assert.Throws<SpreadsheetException>(() => Parse(writer));

        Assert.Contains("Bà Rịa - Vũng Tàu is listed twice in this column (rows 3 and 4)", e.Message);
    }

    [Fact]
    public void The_year_comes_from_the_header_before_the_file_name()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2018);

        Assert.Equal([2018], Parse(writer, "PCI 2016.xlsx").Years);
    }

    [Fact]
    public void The_year_comes_from_the_file_name_when_the_headers_name_none()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2019, totalHeader: "The Weighted PCI Score");

        Assert.Equal([2019], Parse(writer, "PCI 2019.xlsx").Years);
    }

    [Fact]
    public void The_year_comes_from_a_title_above_the_header_before_the_file_name()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2019, top: 2, totalHeader: "The Weighted PCI Score").Row(0, "PCI 2019: provincial results");

        Assert.Equal([2019], Parse(writer, "PCI 2016.xlsx").Years);
    }

    [Fact]
    public void Without_a_year_in_headers_sheet_or_file_name_the_error_says_where_it_looked()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2019, totalHeader: "The Weighted PCI Score");

        var e = Assert.Throws<SpreadsheetException>(() => Parse(writer, "pci-latest.xlsx"));

        Assert.Equal("Summary", e.Location.Sheet);
        Assert.Contains("cannot tell the PCI year", e.Message);
        Assert.Contains("sheet 'Summary'", e.Message);
        Assert.Contains("file name 'pci-latest.xlsx'", e.Message);
    }

    [Fact]
    public void A_missing_sub_index_column_is_an_error_naming_the_sub_index()
    {
        var writer = new XlsxWriter();
        var sheet = RowPerProvince(writer, 2017);
        sheet.Set(0, 5, "Sub-Index 3: Something new");

        var e = Assert.Throws<SpreadsheetException>(() => Parse(writer));

        Assert.Contains("no column for PCI.3 Transparency and access to information", e.Message);
    }

    [Fact]
    public void A_sub_index_the_year_does_not_have_is_an_error()
    {
        var writer = new XlsxWriter();
        var sheet = RowPerProvince(writer, 2010, totalHeader: "PCI 2010");
        sheet.Set(0, 12, "Cạnh tranh bình đẳng");
        sheet.Set(1, 12, 5.0);

        var e = Assert.Throws<SpreadsheetException>(() => Parse(writer));

        Assert.Equal("M", e.Location.Column);
        Assert.Contains("reads as PCI.6, which PCI 2010 does not have", e.Message);
    }

    [Fact]
    public void A_hidden_stale_summary_is_ignored_when_a_visible_one_exists()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2014, "Summary_VN", totalHeader: "PCI 2014");
        var stale = writer.AddSheet("Summary", hidden: true);
        stale.Row(0, ["Province", "PCI 2013 ranking", "PCI 2013", .. SubIndexHeaders(2013)]);
        stale.Row(1, ["Đà Nẵng", 1, 66.45, .. SubIndexHeaders(2013).Select(_ => (object?)1.0)]);

        var parsed = Parse(writer, "PCI 2014.xlsx");

        Assert.Equal([2014], parsed.Years);
        Assert.All(parsed.Scores, s => Assert.Equal("Summary_VN", s.Source.Sheet));
    }

    [Fact]
    public void A_workbook_without_a_summary_table_is_an_error_listing_its_sheets()
    {
        var writer = new XlsxWriter();
        writer.AddSheet("Notes").Row(0, "Province", "Comment").Row(1, "Lâm Đồng", "no scores here");

        var e = Assert.Throws<SpreadsheetException>(() => Parse(writer));

        Assert.Contains("no PCI summary table", e.Message);
        Assert.Contains("'Notes'", e.Message);
        Assert.False(_source.Recognises(Workbook.Open(_folder.File("pci-test.xlsx"))));
    }

    [Fact]
    public void Recognises_a_pci_summary_by_content()
    {
        var writer = new XlsxWriter();
        RowPerProvince(writer, 2017);

        Assert.True(_source.Recognises(Workbook.Open(Save(writer, _folder, "renamed.data.xlsx"))));
    }
}
