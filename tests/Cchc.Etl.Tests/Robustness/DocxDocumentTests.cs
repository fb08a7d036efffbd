using System.IO.Compression;
using System.Text;
using Cchc.Etl.Documents;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>
/// Hostile and damaged Word documents (the plan appendices and reports offices send as .docx): every reader bound —
/// grid spans and cells per row, the size of document.xml, nesting depth, DTDs and entity expansion — refuses the file
/// with an error naming it, without materialising what it declares; damaged archives are read or refused clearly; and
/// every registered loader keeps its contract on all of them (<see cref="ReaderContract"/>). The small hostile files
/// are committed under tests/fixtures/docx/hostile (tests/fixtures/make_fixtures.py); the 50 MB one is built here.
/// </summary>
public sealed class DocxDocumentTests : IDisposable
{
    private readonly ReaderContract _contract = new();

    private static string Hostile(string name) => SharedData.Fixture("docx", "hostile", name);

    [Theory]
    [InlineData("huge-gridspan.docx", "w:gridSpan is 2,000,000,000")]
    [InlineData("huge-gridbefore.docx", "w:gridBefore is 2,147,483,647")]
    [InlineData("negative-gridbefore.docx", "w:gridBefore is -5")]
    [InlineData("negative-gridspan.docx", "w:gridSpan is -3")]
    [InlineData("cells-per-row.docx", "the row spans more than 1,000 grid columns")]
    [InlineData("deep-nesting.docx", "nests elements more than 256 deep")]
    [InlineData("deep-content-controls.docx", "nests elements more than 256 deep")]
    [InlineData("entity-expansion.docx", "DTD")]
    [InlineData("external-entity.docx", "DTD")]
    public void A_hostile_document_is_refused_with_an_error_naming_it(string name, string problem)
    {
        var e = Assert.Throws<SpreadsheetException>(() => DocxReader.Read(Hostile(name)));

        Assert.StartsWith($"file '{name}'", e.Message);
        Assert.Contains(problem, e.Message);
        Assert.True(new FileInfo(Hostile(name)).Length < 4096, "the committed hostile files stay small");
    }

    [Fact]
    public void Every_loader_keeps_its_contract_on_the_hostile_documents()
    {
        foreach (var path in Directory.GetFiles(SharedData.Fixture("docx", "hostile"), "*.docx").Order(StringComparer.Ordinal))
        {
            _contract.Check(Path.GetFileName(path), path);
        }

        _contract.AssertHeld(expectSomeRefused: false);
    }

    [Fact]
    public void A_50_MB_document_body_is_refused_before_it_is_parsed()
    {
        var path = Path.Combine(_contract.Folder, "big-body.docx");
        WriteDocx(path, Paragraphs(50L << 20));
        Assert.True(new FileInfo(path).Length < 2 << 20, "the document compresses well: only its inflated size is big");

        var e = Assert.Throws<SpreadsheetException>(() => DocxReader.Read(path));

        Assert.StartsWith("file 'big-body.docx'", e.Message);
        Assert.True(e.Message.Contains("the part word/document.xml declares 52,4", StringComparison.Ordinal), e.Message); // 50 MiB and a few hundred bytes
        _contract.Check("a 50 MB document.xml", path);
        _contract.AssertHeld();
    }

    [Fact]
    public void A_document_under_the_bounds_still_reads()
    {
        var path = Path.Combine(_contract.Folder, "fine.docx");
        WriteDocx(path, Paragraphs(2L << 20) + Table(rows: 200, columns: 10));

        var document = DocxReader.Read(path);

        Assert.Equal(200, document.Tables.Single().RowCount);
        Assert.Equal(10, document.Tables.Single().ColumnCount);
    }

    [Fact]
    public void Damaged_copies_of_a_real_plan_document_are_read_or_refused_clearly()
    {
        var valid = File.ReadAllBytes(SharedData.Fixture("plan", "ke-hoach-3770-phu-luc.docx"));
        foreach (var length in Mutations.TruncationLengths(valid.Length, 25))
        {
            _contract.Check($"docx truncated to {length} of {valid.Length} bytes", valid[..length], ".docx");
        }

        for (var seed = 1; seed <= 25; seed++)
        {
            _contract.Check($"docx with {1 + (seed % 5)} bytes flipped (seed {seed})", Mutations.FlipBytes(valid, seed, 1 + (seed % 5)), ".docx");
        }

        _contract.Check("document.xml cut in half", Mutations.RewriteEntry(valid, "word/document.xml", b => b[..(b.Length / 2)]), ".docx");
        _contract.Check("document.xml not UTF-8", Mutations.RewriteEntry(valid, "word/document.xml", b => [.. b.Take(60), 0xC3, 0x28, 0xFF, .. b.Skip(60)]), ".docx");
        _contract.Check("document.xml removed", Mutations.RewriteEntry(valid, "word/document.xml", _ => null), ".docx");
        _contract.AssertHeld(expectSomeRefused: true, expectSomeOpened: true);
    }

    private static string Paragraphs(long bytes)
    {
        const string paragraph = "<w:p><w:r><w:t>Rà soát, đánh giá thủ tục hành chính và giải quyết hồ sơ đúng hạn.</w:t></w:r></w:p>";
        var count = (int)(bytes / Encoding.UTF8.GetByteCount(paragraph)) + 1;
        return string.Concat(Enumerable.Repeat(paragraph, count));
    }

    private static string Table(int rows, int columns)
    {
        var sb = new StringBuilder("<w:tbl>");
        for (var r = 0; r < rows; r++)
        {
            sb.Append("<w:tr>");
            for (var c = 0; c < columns; c++)
            {
                sb.Append("<w:tc><w:p><w:r><w:t>").Append(r * columns + c).Append("</w:t></w:r></w:p></w:tc>");
            }

            sb.Append("</w:tr>");
        }

        return sb.Append("</w:tbl>").ToString();
    }

    private static void WriteDocx(string path, string body)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false)))
        {
            writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            writer.Write(body);
            writer.Write("</w:body></w:document>");
        }

        using var types = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
        types.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
    }

    public void Dispose() => _contract.Dispose();
}
