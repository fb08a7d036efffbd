using System.IO.Compression;
using System.Text;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.Plans;

/// <summary>The committed fixtures and the embedded transcription are the seed's appendix, cell for cell.</summary>
public sealed class AppendixFixtureTests
{
    [Fact]
    public void Seed_appendix_has_a_header_and_49_rows_of_ten_cells()
    {
        var table = PlanFixtures.SeedTable();
        Assert.Equal(50, table.Count);
        Assert.All(table, row => Assert.Equal(10, row.Count));
        Assert.Equal("STT", table[0][0]);
        Assert.Equal(["1.1", "Kế hoạch CCHC", "1,5", "1,4111", "0,889"], table[2].Take(5));
    }

    [Fact]
    public void Embedded_transcription_is_the_seed_appendix()
    {
        var seed = PlanFixtures.SeedTable();
        Assert.Equal(seed[0], LamDongPlan2018.Header);
        Assert.Equal(seed.Skip(1).Select(r => string.Join("¦", r)), LamDongPlan2018.Rows.Select(r => string.Join("¦", r)));
        Assert.Equal(PlanFixtures.SeedTitles(), [LamDongPlan2018.Heading, LamDongPlan2018.Title, LamDongPlan2018.Attachment]);
    }

    [Fact]
    public void Csv_fixture_is_the_seed_appendix_in_its_layout()
    {
        var sheet = Workbook.Open(PlanFixtures.Csv).Sheets.Single();
        Assert.Equal(PlanFixtures.SeedTitles(), [sheet.Text(0, 0)!, sheet.Text(1, 0)!, sheet.Text(2, 0)!]);
        Assert.True(sheet.IsBlankRow(3));
        var table = Enumerable.Range(4, sheet.RowCount - 4)
            .Select(r => string.Join("¦", Enumerable.Range(0, 10).Select(c => sheet.Text(r, c) ?? string.Empty)));
        Assert.Equal(PlanFixtures.SeedTable().Select(r => string.Join("¦", r)), table);
    }

    [Fact]
    public void Committed_docx_fixture_is_what_the_builder_writes_from_the_csv_fixture()
    {
        var sheet = Workbook.Open(PlanFixtures.Csv).Sheets.Single();
        var titles = Enumerable.Range(0, 3).Select(r => sheet.Text(r, 0)!).ToList();
        var header = Enumerable.Range(0, 10).Select(c => sheet.Text(4, c)!).ToList();
        var rows = Enumerable.Range(5, sheet.RowCount - 5)
            .Select(r => (IReadOnlyList<string>)Enumerable.Range(0, 10).Select(c => sheet.Text(r, c) ?? string.Empty).ToList())
            .ToList();
        if (Environment.GetEnvironmentVariable("CCHC_UPDATE_FIXTURES") == "1")
        {
            DocxFixtureBuilder.Write(PlanFixtures.Docx, titles, header, rows);
        }

        using var zip = ZipFile.OpenRead(PlanFixtures.Docx);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        Assert.Equal(DocxFixtureBuilder.DocumentXml(titles, header, rows), reader.ReadToEnd());
    }
}
