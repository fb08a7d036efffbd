using Cchc.Etl.Loading;
using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Spreadsheets;
using Cchc.Etl.Tests.Pci;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Readers;

/// <summary>
/// Malformed input for every registered loader: each must fail with a one-line reason naming the file (and sheet,
/// row, column where there is one), leave the data already in the warehouse untouched, and record the failed file
/// and its rejected rows in etl.file / etl.quarantine. Fixtures are generated here, byte for byte the same each run.
/// </summary>
public sealed class ReaderRobustnessTests(PriorDataFixture prior) : IClassFixture<PriorDataFixture>
{
    private readonly TempFolder _folder = prior.Folder;
    private readonly TempWarehouse _warehouse = prior.Warehouse;

    public static TheoryData<string> Kinds() => [.. LoaderRegistry.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_truncated_xlsx_fails_cleanly(string kind)
    {
        var whole = new MemoryStream();
        var writer = new XlsxWriter();
        PciTestWorkbooks.RowPerProvince(writer, 2017);
        writer.Save(whole);
        var path = Write($"{kind}-truncated.xlsx", whole.ToArray()[..(int)(whole.Length * 6 / 10)]);

        var result = AssertFailsCleanly(kind, path);

        Assert.Contains("truncated or corrupt", result.Error);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_truncated_xls_fails_cleanly(string kind)
    {
        // The OLE2 compound-file signature of a BIFF .xls, then nothing usable.
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        var path = Write($"{kind}-truncated.xls", [.. header, .. new byte[504]]);

        var result = AssertFailsCleanly(kind, path);

        Assert.Contains("truncated or corrupt", result.Error);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_png_renamed_to_xlsx_fails_as_not_a_spreadsheet(string kind)
    {
        byte[] png =
        [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
            0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
        ];
        var path = Write($"{kind}-scores.xlsx", png);

        var result = AssertFailsCleanly(kind, path);

        Assert.Contains("not a spreadsheet", result.Error);
        Assert.Contains("89504E47", result.Error);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_text_file_renamed_to_xlsx_fails(string kind)
    {
        var path = Write($"{kind}-notes.xlsx", "Meeting notes\nNothing tabular here; just prose about the PCI.\n"u8.ToArray());

        AssertFailsCleanly(kind, path);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void An_empty_file_fails(string kind)
    {
        var path = Write($"{kind}-empty.xlsx", []);

        var result = AssertFailsCleanly(kind, path);

        Assert.Contains("empty", result.Error);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_sheet_without_a_recognisable_header_fails(string kind)
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("Sheet1");
        for (var r = 0; r < 20; r++)
        {
            sheet.Row(r, $"item {r}", r * 3.5, r % 2 == 0 ? "yes" : "no");
        }

        var path = _folder.File($"{kind}-no-header.xlsx");
        writer.Save(path);

        AssertFailsCleanly(kind, path);
    }

    [Fact]
    public void An_unknown_province_fails_naming_file_sheet_row_and_column_and_is_quarantined()
    {
        var writer = new XlsxWriter();
        PciTestWorkbooks.RowPerProvince(writer, 2017, names: ["An Giang", "BRVT", "Atlantis", "Đà Nẵng"]);
        var path = _folder.File("PCI 2017 unknown province.xlsx");
        writer.Save(path);

        var result = AssertFailsCleanly("pci", path);

        Assert.Contains("file 'PCI 2017 unknown province.xlsx', sheet 'Summary', row 4, column A: unknown province 'Atlantis'", result.Error);
        var quarantined = _warehouse.Warehouse.Query<(string Sheet, int Row, string Column, string Reason)>(
            "SELECT sheet, row_number, column_name, reason FROM etl.quarantine WHERE file_name = @name", new { name = Path.GetFileName(path) });
        Assert.Equal(("Summary", 4, "A"), (quarantined.Single().Sheet, quarantined.Single().Row, quarantined.Single().Column));
        Assert.Contains("Atlantis", quarantined.Single().Reason);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private FileLoadResult AssertFailsCleanly(string kind, string path)
    {
        var w = _warehouse.Warehouse;
        var before = Snapshot(w);
        var loader = LoaderRegistry.ForKind(kind)!;

        var result = loader.Load(w, w.StartRun($"test {kind}"), path);

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error);
        Assert.Contains($"file '{Path.GetFileName(path)}'", result.Error);
        Assert.DoesNotContain('\n', result.Error);
        Assert.Equal(before, Snapshot(w));
        var recorded = w.Query<(string Status, string Message, long Rows)>(
            "SELECT status, message, rows_loaded FROM etl.file WHERE file_name = @name", new { name = Path.GetFileName(path) });
        Assert.Equal(("failed", result.Error, 0L), recorded.Single());
        var quarantined = w.Query<long>("SELECT COUNT(*) FROM etl.quarantine WHERE file_name = @name", new { name = Path.GetFileName(path) }).Single();
        Assert.True(quarantined >= 1, "the failure is recorded in etl.quarantine too");
        return result;
    }

    private static (long Rows, double Sum, long Years, long Files) Snapshot(IWarehouse w) =>
        w.Query<(long, double, long, long)>(
            """
            SELECT COUNT(*), COALESCE(SUM(score), 0), COUNT(DISTINCT year), COUNT(DISTINCT file_id) FROM dw.fact_index_score
            """).Single();
}
