using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Cchc.Etl.Tests.Plans;

/// <summary>
/// Writes a Word document the way Word stores a table appendix: title paragraphs, a table with a grid, a repeated
/// header row, runs split mid-text (as editing history leaves them), proofing marks, and identical agency / deadline
/// cells of consecutive rows merged vertically. Deterministic: same input, same bytes.
/// </summary>
internal static class DocxFixtureBuilder
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Columns whose equal neighbours are merged (lead agencies, coordinating agencies, deadline).</summary>
    private static readonly int[] MergedColumns = [6, 7, 8];

    public static void Write(string path, IReadOnlyList<string> titles, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Add(zip, "[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
        Add(zip, "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
        Add(zip, "word/document.xml", DocumentXml(titles, header, rows));
    }

    public static string DocumentXml(IReadOnlyList<string> titles, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>""");
        for (var i = 0; i < titles.Count; i++)
        {
            sb.Append("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>");
            if (i == 0)
            {
                sb.Append("<w:bookmarkStart w:id=\"0\" w:name=\"_PhuLuc\"/>");
            }

            sb.Append(Runs(titles[i], bold: i < 2));
            if (i == 0)
            {
                sb.Append("<w:bookmarkEnd w:id=\"0\"/>");
            }

            sb.Append("</w:p>");
        }

        sb.Append("<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders/></w:tblPr><w:tblGrid>");
        foreach (var width in new[] { 600, 2600, 800, 800, 800, 2600, 1500, 1500, 1200, 900 })
        {
            sb.Append(CultureInfo.InvariantCulture, $"<w:gridCol w:w=\"{width}\"/>");
        }

        sb.Append("</w:tblGrid>");
        sb.Append("<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        foreach (var title in header)
        {
            sb.Append("<w:tc><w:tcPr><w:vAlign w:val=\"center\"/></w:tcPr><w:p>").Append(Runs(title, bold: true)).Append("</w:p></w:tc>");
        }

        sb.Append("</w:tr>");
        for (var r = 0; r < rows.Count; r++)
        {
            sb.Append("<w:tr>");
            for (var c = 0; c < rows[r].Count; c++)
            {
                var text = rows[r][c];
                var startsMerge = MergedColumns.Contains(c) && text.Length > 0 && r + 1 < rows.Count && rows[r + 1][c] == text && (r == 0 || rows[r - 1][c] != text);
                var continuesMerge = MergedColumns.Contains(c) && text.Length > 0 && r > 0 && rows[r - 1][c] == text;
                sb.Append("<w:tc><w:tcPr>");
                sb.Append(startsMerge ? "<w:vMerge w:val=\"restart\"/>" : continuesMerge ? "<w:vMerge/>" : string.Empty);
                sb.Append("</w:tcPr><w:p>");
                if (!continuesMerge)
                {
                    sb.Append(Runs(text, bold: c == 1 && !rows[r][0].Contains('.', StringComparison.Ordinal)));
                }

                sb.Append("</w:p></w:tc>");
            }

            sb.Append("</w:tr>");
        }

        sb.Append("</w:tbl><w:p/><w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/></w:sectPr></w:body></w:document>");
        return sb.ToString();
    }

    /// <summary>Text split into two runs in the middle (with a proofing mark between), as Word's revision ids leave it.</summary>
    private static string Runs(string text, bool bold)
    {
        if (text.Length == 0)
        {
            return string.Empty;
        }

        var properties = bold ? "<w:rPr><w:b/></w:rPr>" : "<w:rPr><w:sz w:val=\"24\"/></w:rPr>";
        if (text.Length < 4)
        {
            return $"<w:r>{properties}<w:t xml:space=\"preserve\">{Escape(text)}</w:t></w:r>";
        }

        var cut = text.Length / 2;
        return $"<w:r>{properties}<w:t xml:space=\"preserve\">{Escape(text[..cut])}</w:t></w:r><w:proofErr w:type=\"spellStart\"/>"
            + $"<w:r>{properties}<w:t xml:space=\"preserve\">{Escape(text[cut..])}</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>";
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2018, 6, 20, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
