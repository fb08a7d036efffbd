using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Documents;

/// <summary>
/// Reads word/document.xml of a .docx with System.IO.Compression and LINQ to XML: paragraphs outside tables, and
/// tables with horizontal (gridSpan, gridBefore) and vertical (vMerge) merges turned into <see cref="MergedRange"/>s.
/// Text is NFC; runs split by Word's editing history are joined; deleted (tracked) text is left out.
/// </summary>
public static class DocxReader
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static DocxDocument Read(string path)
    {
        var where = new SourceLocation(path);
        if (!File.Exists(path))
        {
            throw new SpreadsheetException(where, "file not found");
        }

        XDocument xml;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry("word/document.xml")
                ?? throw new SpreadsheetException(where, "not a Word document: the package has no word/document.xml");
            using var stream = entry.Open();
            xml = XDocument.Load(stream, LoadOptions.None);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new SpreadsheetException(where, $"cannot read the Word document (truncated or corrupt?): {e.Message}", e);
        }

        var body = xml.Root?.Element(W + "body")
            ?? throw new SpreadsheetException(where, "word/document.xml has no body");
        var paragraphs = new List<string>();
        var tables = new List<Sheet>();
        foreach (var block in BodyBlocks(body))
        {
            if (block.Name == W + "p")
            {
                if (ParagraphText(block) is { Length: > 0 } text)
                {
                    paragraphs.Add(text);
                }
            }
            else if (block.Name == W + "tbl")
            {
                tables.Add(ReadTable(path, DocxDocument.TableSheetPrefix + (tables.Count + 1), block));
            }
        }

        return new DocxDocument(path, paragraphs, tables);
    }

    /// <summary>Paragraphs and tables of the body in document order, looking through content controls.</summary>
    private static IEnumerable<XElement> BodyBlocks(XElement container)
    {
        foreach (var element in container.Elements())
        {
            if (element.Name == W + "p" || element.Name == W + "tbl")
            {
                yield return element;
            }
            else if (element.Name == W + "sdt" && element.Element(W + "sdtContent") is { } content)
            {
                foreach (var inner in BodyBlocks(content))
                {
                    yield return inner;
                }
            }
        }
    }

    private static Sheet ReadTable(string path, string name, XElement table)
    {
        var rows = new List<object?[]>();
        var merged = new List<MergedRange>();
        var openVertical = new Dictionary<int, (int FromRow, int Span)>();
        var rowElements = table.Elements(W + "tr").ToList();
        var width = Math.Max(1, table.Element(W + "tblGrid")?.Elements(W + "gridCol").Count() ?? 0);
        for (var r = 0; r < rowElements.Count; r++)
        {
            var tr = rowElements[r];
            var values = new List<object?>();
            var column = IntAttribute(tr.Element(W + "trPr")?.Element(W + "gridBefore")) ?? 0;
            for (var i = 0; i < column; i++)
            {
                values.Add(null);
            }

            var continued = new HashSet<int>();
            foreach (var tc in tr.Elements(W + "tc"))
            {
                var properties = tc.Element(W + "tcPr");
                var span = Math.Max(1, IntAttribute(properties?.Element(W + "gridSpan")) ?? 1);
                var vMerge = properties?.Element(W + "vMerge");
                var isContinuation = vMerge is not null && (string?)vMerge.Attribute(W + "val") is null or "continue";
                var text = CellText(tc);
                values.Add(isContinuation ? null : text);
                for (var i = 1; i < span; i++)
                {
                    values.Add(null);
                }

                if (span > 1 && !isContinuation)
                {
                    merged.Add(new MergedRange(r, column, r, column + span - 1));
                }

                if (isContinuation)
                {
                    continued.Add(column);
                    if (!openVertical.ContainsKey(column))
                    {
                        // A continuation with no restart above it: treat the cell above as the start.
                        openVertical[column] = (Math.Max(0, r - 1), span);
                    }
                }
                else if (vMerge is not null)
                {
                    CloseVertical(column);
                    openVertical[column] = (r, span);
                    continued.Add(column);
                }

                column += span;
            }

            foreach (var start in openVertical.Keys.Where(c => !continued.Contains(c)).ToList())
            {
                CloseVertical(start);
            }

            rows.Add(values.ToArray());
            width = Math.Max(width, values.Count);

            void CloseVertical(int start)
            {
                if (openVertical.Remove(start, out var open) && r - 1 > open.FromRow)
                {
                    merged.Add(new MergedRange(open.FromRow, start, r - 1, start + open.Span - 1));
                }
            }
        }

        foreach (var (start, open) in openVertical)
        {
            if (rowElements.Count - 1 > open.FromRow)
            {
                merged.Add(new MergedRange(open.FromRow, start, rowElements.Count - 1, start + open.Span - 1));
            }
        }

        return new Sheet(path, name, false, rows.Select(r => r.Length < width ? [.. r, .. new object?[width - r.Length]] : r).ToList(), merged);
    }

    /// <summary>A cell's paragraphs, one per line; nested tables are read as their paragraphs too.</summary>
    private static string? CellText(XElement cell)
    {
        var lines = cell.Descendants(W + "p").Select(ParagraphText).Where(t => t.Length > 0);
        var text = string.Join("\n", lines);
        return text.Length == 0 ? null : text;
    }

    private static string ParagraphText(XElement paragraph)
    {
        var sb = new StringBuilder();
        var runs = paragraph.Descendants(W + "r")
            .Where(run => run.Ancestors(W + "p").First() == paragraph && !run.Ancestors(W + "del").Any());
        foreach (var child in runs.SelectMany(run => run.Elements()))
        {
            if (child.Name == W + "t")
            {
                sb.Append(child.Value);
            }
            else if (child.Name == W + "tab")
            {
                sb.Append(' ');
            }
            else if (child.Name == W + "br" || child.Name == W + "cr")
            {
                sb.Append('\n');
            }
            else if (child.Name == W + "noBreakHyphen")
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Replace('\u00A0', ' ').Trim().Normalize(NormalizationForm.FormC);
    }

    private static int? IntAttribute(XElement? element) =>
        element?.Attribute(W + "val") is { } a && int.TryParse(a.Value, out var n) ? n : null;
}
