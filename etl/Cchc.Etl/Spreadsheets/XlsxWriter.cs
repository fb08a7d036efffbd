using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Cchc.Etl.Spreadsheets;

/// <summary>
/// Writes minimal but valid .xlsx workbooks (inline strings, numbers, merged ranges, hidden sheets) so that the
/// synthetic sample data can be produced in the same layouts as the real files and read back by the real readers.
/// Deterministic: the same content gives the same bytes.
/// </summary>
internal sealed class XlsxWriter
{
    private readonly List<SheetData> _sheets = [];

    public SheetData AddSheet(string name, bool hidden = false)
    {
        var sheet = new SheetData(name, hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    public void Save(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        Save(file);
    }

    public void Save(Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Write(zip, "[Content_Types].xml", ContentTypes());
        Write(zip, "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Write(zip, "xl/workbook.xml", WorkbookXml());
        Write(zip, "xl/_rels/workbook.xml.rels", WorkbookRels());
        Write(zip, "xl/styles.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf/></cellXfs></styleSheet>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            Write(zip, $"xl/worksheets/sheet{i + 1}.xml", _sheets[i].ToXml());
        }
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private string ContentTypes()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
        }

        return sb.Append("</Types>").ToString();
    }

    private string WorkbookXml()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            var state = _sheets[i].Hidden ? " state=\"hidden\"" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"""<sheet name="{Escape(_sheets[i].Name)}" sheetId="{i + 1}"{state} r:id="rId{i + 1}"/>""");
        }

        return sb.Append("</sheets></workbook>").ToString();
    }

    private string WorkbookRels()
    {
        var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
        for (var i = 0; i < _sheets.Count; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>""");
        }

        sb.Append(CultureInfo.InvariantCulture, $"""<Relationship Id="rId{_sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
        return sb.Append("</Relationships>").ToString();
    }

    internal static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    /// <summary>Cells of one sheet, addressed 0-based. Values: string, double/int (numbers), bool, or null.</summary>
    public sealed class SheetData(string name, bool hidden)
    {
        private readonly SortedDictionary<int, SortedDictionary<int, object>> _cells = [];
        private readonly List<MergedRange> _merged = [];

        public string Name { get; } = name;

        public bool Hidden { get; } = hidden;

        public SheetData Set(int row, int column, object? value)
        {
            if (value is null)
            {
                return this;
            }

            if (!_cells.TryGetValue(row, out var cells))
            {
                _cells[row] = cells = [];
            }

            cells[column] = value;
            return this;
        }

        /// <summary>Writes a row of values starting at column 0.</summary>
        public SheetData Row(int row, params object?[] values)
        {
            for (var c = 0; c < values.Length; c++)
            {
                Set(row, c, values[c]);
            }

            return this;
        }

        public SheetData Merge(int fromRow, int fromColumn, int toRow, int toColumn)
        {
            _merged.Add(new MergedRange(fromRow, fromColumn, toRow, toColumn));
            return this;
        }

        internal string ToXml()
        {
            var sb = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            foreach (var (r, cells) in _cells)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<row r=\"{r + 1}\">");
                foreach (var (c, value) in cells)
                {
                    var reference = ColumnName.Of(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    switch (value)
                    {
                        case string s:
                            sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{Escape(s)}</t></is></c>");
                            break;
                        case bool b:
                            sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\" t=\"b\"><v>{(b ? 1 : 0)}</v></c>");
                            break;
                        default:
                            var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                            sb.Append(CultureInfo.InvariantCulture, $"<c r=\"{reference}\"><v>{number.ToString("R", CultureInfo.InvariantCulture)}</v></c>");
                            break;
                    }
                }

                sb.Append("</row>");
            }

            sb.Append("</sheetData>");
            if (_merged.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<mergeCells count=\"{_merged.Count}\">");
                foreach (var m in _merged)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<mergeCell ref=\"{ColumnName.Of(m.FromColumn)}{m.FromRow + 1}:{ColumnName.Of(m.ToColumn)}{m.ToRow + 1}\"/>");
                }

                sb.Append("</mergeCells>");
            }

            return sb.Append("</worksheet>").ToString();
        }
    }
}
