using System.Text;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Spreadsheets;

/// <summary>What the XlsxWriter writes, the Workbook reader reads back: values, merged ranges, hidden sheets, NFC.</summary>
public sealed class WorkbookRoundTripTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cchc-wb-").FullName;

    [Fact]
    public void Xlsx_written_by_us_reads_back_with_merges_and_hidden_sheets()
    {
        var path = Path.Combine(_dir, "t.xlsx");
        var writer = new XlsxWriter();
        writer.AddSheet("Tổng hợp")
            .Row(0, "KẾT QUẢ CHỈ SỐ CCHC NĂM 2017")
            .Merge(0, 0, 0, 3)
            .Row(1, "STT", "Tỉnh", "Điểm", "Xếp hạng")
            .Row(2, 1, "Lâm Đồng".Normalize(NormalizationForm.FormD), "70,99%", 48);
        writer.AddSheet("ẩn", hidden: true).Row(0, "x");
        writer.Save(path);

        var workbook = Workbook.Open(path);
        Assert.Equal(FileFormat.Xlsx, workbook.Format);
        var sheet = workbook.SheetNamed("tong hop")!;
        Assert.Equal("KẾT QUẢ CHỈ SỐ CCHC NĂM 2017", sheet.Text(0, 2, followMerges: true));
        Assert.Null(sheet.Text(0, 2));
        Assert.Equal("Lâm Đồng", sheet.Text(2, 1));
        Assert.Equal(70.99, sheet.Number(2, 2));
        Assert.Equal(48, sheet.Number(2, 3));
        Assert.True(workbook.SheetNamed("ẩn")!.IsHidden);
        Assert.False(sheet.IsHidden);
    }

    [Fact]
    public void Same_content_gives_the_same_bytes()
    {
        byte[] Write()
        {
            var w = new XlsxWriter();
            w.AddSheet("S").Row(0, "a", 1.5);
            using var ms = new MemoryStream();
            w.Save(ms);
            return ms.ToArray();
        }

        Assert.Equal(Write(), Write());
    }

    [Theory]
    [InlineData("utf8bom")]
    [InlineData("utf8")]
    [InlineData("cp1258")]
    public void Csv_is_decoded_and_split_on_the_right_separator(string encoding)
    {
        var path = Path.Combine(_dir, encoding + ".csv");
        const string text = "Tỉnh;Điểm\nLâm Đồng;70,99\n";
        var bytes = encoding switch
        {
            "utf8bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf8" => Encoding.UTF8.GetBytes(text),
            // Windows-1258 writes tones as combining marks after a precomposed base: ỉ = i + 0xD2, ồ = ô (0xF4) + 0xCC.
            _ => [(byte)'T', (byte)'i', 0xD2, (byte)'n', (byte)'h', (byte)';', 0xD0, (byte)'i', 0xEA, 0xD2, (byte)'m', (byte)'\n',
                  (byte)'L', 0xE2, (byte)'m', (byte)' ', 0xD0, 0xF4, 0xCC, (byte)'n', (byte)'g', .. Encoding.ASCII.GetBytes(";70,99\n")],
        };
        File.WriteAllBytes(path, bytes);

        var sheet = Workbook.Open(path).Sheets.Single();
        Assert.Equal("Tỉnh", sheet.Text(0, 0));
        Assert.Equal("Lâm Đồng", sheet.Text(1, 0));
        Assert.Equal(70.99, sheet.Number(1, 1));
    }

    [Fact]
    public void Errors_name_file_sheet_row_and_column()
    {
        var path = Path.Combine(_dir, "e.xlsx");
        var w = new XlsxWriter();
        w.AddSheet("Data").Row(0, "Tỉnh", "Điểm").Row(1, "An Giang", "abc");
        w.Save(path);
        var sheet = Workbook.Open(path).Sheets[0];
        var e = Assert.Throws<SpreadsheetException>(() => sheet.RequireNumber(1, 1, "score"));
        Assert.Equal("file 'e.xlsx', sheet 'Data', row 2, column B: score is not a number: 'abc'", e.Message);
    }

    [Fact]
    public void Empty_and_missing_files_fail_clearly()
    {
        var empty = Path.Combine(_dir, "empty.xlsx");
        File.WriteAllBytes(empty, []);
        Assert.Contains("empty", Assert.Throws<SpreadsheetException>(() => Workbook.Open(empty)).Message);
        Assert.Contains("not found", Assert.Throws<SpreadsheetException>(() => Workbook.Open(Path.Combine(_dir, "nope.xlsx"))).Message);
    }

    [Fact]
    public void Real_legacy_xls_opens_with_code_pages() =>
        Assert.NotEmpty(Workbook.Open(Path.Combine(SharedData.PciFolder, "PCI 2005.xls")).Sheets);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
