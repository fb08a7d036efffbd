using System.IO.Compression;
using System.Text;
using Cchc.Etl.Documents;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.Documents;

public sealed class DocxReaderTests : IDisposable
{
    private const string Namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly string _directory = Directory.CreateTempSubdirectory("cchc-docx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Docx(string body)
    {
        var path = Path.Combine(_directory, "test.docx");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open(), new UTF8Encoding(false));
        writer.Write($"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{Namespace}"><w:body>{body}</w:body></w:document>""");
        return path;
    }

    private static string Cell(string text, string properties = "") =>
        $"<w:tc><w:tcPr>{properties}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>";

    [Fact]
    public void Tables_keep_horizontal_and_vertical_merges_and_paragraphs_stay_outside()
    {
        var path = Docx(
            "<w:p><w:r><w:t>PHỤ </w:t></w:r><w:r><w:t>LỤC</w:t></w:r></w:p>"
            + "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
            + "<w:tr>" + Cell("STT", "<w:vMerge w:val=\"restart\"/>") + Cell("Cơ quan thực hiện", "<w:gridSpan w:val=\"2\"/>") + "</w:tr>"
            + "<w:tr>" + Cell(string.Empty, "<w:vMerge/>") + Cell("Chủ trì") + Cell("Phối hợp") + "</w:tr>"
            + "<w:tr>" + Cell("1") + "<w:tc><w:p><w:r><w:t>Sở Nội vụ</w:t></w:r><w:r><w:br/><w:t>Sở Tư pháp</w:t></w:r></w:p></w:tc>"
            + "<w:tc><w:p><w:r><w:t>Sở </w:t></w:r><w:del><w:r><w:delText>Xóa </w:delText></w:r></w:del><w:r><w:t>Y tế</w:t></w:r></w:p></w:tc></w:tr>"
            + "</w:tbl><w:p><w:r><w:t>Nơi nhận</w:t></w:r></w:p>");
        var document = DocxReader.Read(path);
        Assert.Equal(["PHỤ LỤC", "Nơi nhận"], document.Paragraphs);
        var table = Assert.Single(document.Tables);
        Assert.Equal("Table 1", table.Name);
        Assert.Equal((3, 3), (table.RowCount, table.ColumnCount));
        Assert.Contains(new MergedRange(0, 1, 0, 2), table.Merged);
        Assert.Contains(new MergedRange(0, 0, 1, 0), table.Merged);
        Assert.Equal("STT", table.Text(1, 0, followMerges: true));
        Assert.Null(table.Text(1, 0));
        Assert.Equal("Cơ quan thực hiện", table.Text(0, 2, followMerges: true));
        Assert.Equal("Sở Nội vụ\nSở Tư pháp", table.Text(2, 1));
        Assert.Equal("Sở Y tế", table.Text(2, 2));
    }

    [Fact]
    public void A_broken_or_foreign_file_names_the_file()
    {
        var notZip = Path.Combine(_directory, "broken.docx");
        File.WriteAllBytes(notZip, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        var broken = Assert.Throws<SpreadsheetException>(() => DocxReader.Read(notZip));
        Assert.StartsWith("file 'broken.docx': cannot read the Word document", broken.Message);

        var noDocument = Path.Combine(_directory, "other.zip");
        using (var zip = ZipFile.Open(noDocument, ZipArchiveMode.Create))
        {
            zip.CreateEntry("hello.txt");
        }

        Assert.Equal(
            "file 'other.zip': not a Word document: the package has no word/document.xml",
            Assert.Throws<SpreadsheetException>(() => DocxReader.Read(noDocument)).Message);
    }
}
