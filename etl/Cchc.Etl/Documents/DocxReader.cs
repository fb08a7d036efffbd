using System.Globalization;
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
internal static class DocxReader
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static DocxDocument Read(string path)
    {
        var where = new SourceLocation(path);
        if (!File.Exists(path))
        {
            throw new SpreadsheetException(where, "file not found");
        }

        ReaderLimits.CheckPackage(path, "Word document");
        XDocument xml;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var entry = zip.GetEntry("word/document.xml")
                ?? throw new SpreadsheetException(where, "not a Word document: the package has no word/document.xml");
            CheckShape(where, entry);
            using var stream = entry.Open();
            using var reader = XmlReader.Create(new BoundedStream(stream, ReaderLimits.MaxDocumentPartBytes, where), Settings());
            xml = XDocument.Load(reader, LoadOptions.None);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            throw new SpreadsheetException(where, $"cannot read the Word document (truncated or corrupt?): {e.Message}", e);
        }

        var body = xml.Root?.Element(W + "body")
            ?? throw new SpreadsheetException(where, "word/document.xml has no body");
        var paragraphs = new List<string>();
        var tables = new List<Sheet>();
        var cells = 0L;
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
                var table = ReadTable(path, DocxDocument.TableSheetPrefix + (tables.Count + 1), block);
                cells += (long)table.RowCount * table.ColumnCount;
                if (cells > ReaderLimits.MaxDocumentCells)
                {
                    throw new SpreadsheetException(new SourceLocation(path, table.Name), string.Create(CultureInfo.InvariantCulture,
                        $"the document's tables hold more than {ReaderLimits.MaxDocumentCells:N0} cells, far more than any plan or report"));
                }

                tables.Add(table);
            }
        }

        return new DocxDocument(path, paragraphs, tables);
    }

    /// <summary>No DTD (so no entity expansion, internal or external), no resolver, a bounded number of characters.</summary>
    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = ReaderLimits.MaxDocumentPartBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    /// <summary>
    /// A first pass with a forward-only reader, before anything is built: refuses a body nested deeper than any real
    /// document (the tree walks below would take time quadratic in the depth) with the file named.
    /// </summary>
    private static void CheckShape(SourceLocation where, ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var reader = XmlReader.Create(new BoundedStream(stream, ReaderLimits.MaxDocumentPartBytes, where), Settings());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth > ReaderLimits.MaxXmlDepth)
            {
                throw new SpreadsheetException(where, string.Create(CultureInfo.InvariantCulture,
                    $"word/document.xml nests elements more than {ReaderLimits.MaxXmlDepth} deep (line {(reader as IXmlLineInfo)?.LineNumber}): not a document a word processor writes"));
            }
        }
    }

    /// <summary>Paragraphs and tables of the body in document order, looking through content controls.</summary>
    private static IEnumerable<XElement> BodyBlocks(XElement container)
    {
        var pending = new Stack<IEnumerator<XElement>>();
        pending.Push(container.Elements().GetEnumerator());
        while (pending.Count > 0)
        {
            var current = pending.Peek();
            if (!current.MoveNext())
            {
                current.Dispose();
                pending.Pop();
                continue;
            }

            var element = current.Current;
            if (element.Name == W + "p" || element.Name == W + "tbl")
            {
                yield return element;
            }
            else if (element.Name == W + "sdt" && element.Element(W + "sdtContent") is { } content)
            {
                pending.Push(content.Elements().GetEnumerator());
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
            var column = Bounded(path, name, r, "w:gridBefore", IntAttribute(tr.Element(W + "trPr")?.Element(W + "gridBefore")) ?? 0, minimum: 0);
            for (var i = 0; i < column; i++)
            {
                values.Add(null);
            }

            var continued = new HashSet<int>();
            foreach (var tc in tr.Elements(W + "tc"))
            {
                var properties = tc.Element(W + "tcPr");
                var span = Bounded(path, name, r, "w:gridSpan", IntAttribute(properties?.Element(W + "gridSpan")) ?? 1, minimum: 1);
                if (column + span > ReaderLimits.MaxTableColumns)
                {
                    throw new SpreadsheetException(new SourceLocation(path, name, r + 1), string.Create(CultureInfo.InvariantCulture,
                        $"the row spans more than {ReaderLimits.MaxTableColumns:N0} grid columns (w:gridBefore and w:gridSpan of its cells add up to {(long)column + span:N0}): not a table a word processor writes"));
                }

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

    /// <summary>A grid count the table row declares, refused (naming the table and row) when out of range.</summary>
    private static int Bounded(string path, string table, int row, string what, long value, int minimum)
    {
        if (value < minimum || value > ReaderLimits.MaxTableColumns)
        {
            throw new SpreadsheetException(new SourceLocation(path, table, row + 1), string.Create(CultureInfo.InvariantCulture,
                $"{what} is {value:N0}: a table has between {minimum} and {ReaderLimits.MaxTableColumns:N0} grid columns"));
        }

        return (int)value;
    }

    private static long? IntAttribute(XElement? element) =>
        element?.Attribute(W + "val") is { } a && long.TryParse(a.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

}
