using System.IO.Compression;
using System.Text;
using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>
/// The bounds of the spreadsheet readers on inputs built to exhaust them (at test time; nothing big is committed):
/// a workbook whose shared strings inflate to 300 MB from a few hundred KB, a CSV whose unclosed quote makes the rest
/// of a 3 MB file one record, a record with 20,000 fields. Each is refused with an error naming the file, and every
/// loader keeps its contract on them.
/// </summary>
public sealed class ReaderBoundsTests : IDisposable
{
    private readonly ReaderContract _contract = new();

    [Fact]
    public void A_shared_strings_zip_bomb_is_refused_before_excel_data_reader_inflates_it()
    {
        var path = Path.Combine(_contract.Folder, "bomb.xlsx");
        File.WriteAllBytes(path, ValidInputs.Papi());
        AddSharedStrings(path, 300L << 20);
        Assert.True(new FileInfo(path).Length < 4 << 20);

        var e = Assert.Throws<SpreadsheetException>(() => Workbook.Open(path));

        Assert.StartsWith("file 'bomb.xlsx'", e.Message);
        Assert.Contains("sharedStrings.xml", e.Message);
        Assert.Throws<SpreadsheetException>(() => StreamingSheetReader.Open(path));
        _contract.Check("a 300 MB shared-strings part", path);
        _contract.AssertHeld();
    }

    [Fact]
    public void An_unclosed_quote_in_a_large_export_is_refused_at_the_bound_not_read_to_the_end()
    {
        var path = Path.Combine(_contract.Folder, "unclosed.csv");
        var text = new StringBuilder("Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Cấp,Tỉnh,Cơ quan\n");
        text.Append("HS-1,01/02/2024,05/02/2024,Cấp xã,Lâm Đồng,\"UBND xã Hiệp An\n");
        while (text.Length < 3 << 20)
        {
            text.Append("HS-2,01/02/2024,05/02/2024,Cấp xã,Lâm Đồng,UBND xã Hiệp Thạnh\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        using var temp = new TempWarehouse();

        var result = new OneStopLogLoader().Load(temp.Warehouse, temp.Warehouse.StartRun("test"), path);

        Assert.False(result.Succeeded);
        Assert.Contains("file 'unclosed.csv', row 2: a record (or line) longer than 1,048,576 characters: an unclosed quote", result.Error);
        Assert.Equal(0L, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM dw.fact_dossier").Single());
        _contract.Check("an unclosed quote in 3 MB", path);
        _contract.AssertHeld();
    }

    [Fact]
    public void A_record_with_more_fields_than_excel_has_columns_is_refused()
    {
        var path = Path.Combine(_contract.Folder, "wide.csv");
        File.WriteAllText(path, "Mã hồ sơ,Ngày tiếp nhận\n" + string.Join(',', Enumerable.Repeat("x", 20_000)) + "\n");

        using var reader = StreamingCsvReader.Open(path);
        Assert.True(reader.Read());
        var e = Assert.Throws<SpreadsheetException>(() => reader.Read());

        Assert.StartsWith("file 'wide.csv', row 2: a record with more than 16,384 fields", e.Message);
        _contract.Check("20,000 fields", path);
        _contract.AssertHeld();
    }

    /// <summary>Adds (or replaces) xl/sharedStrings.xml with a part of <paramref name="bytes"/> written in chunks, so the
    /// test itself never holds it.</summary>
    private static void AddSharedStrings(string path, long bytes)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        zip.GetEntry("xl/sharedStrings.xml")?.Delete();
        using var stream = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
        var head = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        stream.Write(head);
        var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<si><t>Lâm Đồng</t></si>", 4096)));
        for (var written = 0L; written < bytes; written += chunk.Length)
        {
            stream.Write(chunk);
        }

        stream.Write("</sst>"u8);
    }

    public void Dispose() => _contract.Dispose();
}
