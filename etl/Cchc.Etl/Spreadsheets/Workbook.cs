using System.Globalization;
using System.Text;
using Cchc.Warehouse;
using ExcelDataReader;

namespace Cchc.Etl.Spreadsheets;

/// <summary>
/// A spreadsheet file read whole: .xls (BIFF), .xlsx and .csv, recognised by content rather than extension.
/// Problems opening it become a <see cref="SpreadsheetException"/> naming the file.
/// </summary>
public sealed class Workbook
{
    static Workbook()
    {
        // .xls files store text in legacy code pages (e.g. Windows-1258 for Vietnamese).
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private Workbook(string path, FileFormat format, IReadOnlyList<Sheet> sheets)
    {
        Path = path;
        Format = format;
        Sheets = sheets;
    }

    public string Path { get; }

    public string FileName => System.IO.Path.GetFileName(Path);

    public FileFormat Format { get; }

    public IReadOnlyList<Sheet> Sheets { get; }

    public Sheet? SheetNamed(string name) =>
        Sheets.FirstOrDefault(s => string.Equals(CellValues.Fold(s.Name), CellValues.Fold(name), StringComparison.Ordinal));

    public static Workbook Open(string path)
    {
        var where = new SourceLocation(path);
        if (!File.Exists(path))
        {
            throw new SpreadsheetException(where, "file not found");
        }

        var format = FileFormats.Detect(path);
        try
        {
            return format switch
            {
                FileFormat.Xls or FileFormat.Xlsx => new Workbook(path, format, ReadExcel(path, format)),
                FileFormat.Csv => new Workbook(path, format, [ReadCsv(path)]),
                FileFormat.Empty => throw new SpreadsheetException(where, "the file is empty (0 bytes)"),
                _ => throw new SpreadsheetException(where, $"not a spreadsheet: expected .xls, .xlsx or .csv content, found {FileFormats.Describe(path)}"),
            };
        }
        catch (SpreadsheetException)
        {
            throw;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or IOException
                                      or ArgumentException or InvalidOperationException or NotSupportedException
                                      or IndexOutOfRangeException or System.Xml.XmlException or FormatException or EndOfStreamException)
        {
            throw new SpreadsheetException(where, $"cannot read the {format} workbook (truncated or corrupt?): {e.Message}", e);
        }
    }

    private static List<Sheet> ReadExcel(string path, FileFormat format)
    {
        if (format == FileFormat.Xlsx)
        {
            ReaderLimits.CheckPackage(path, "Xlsx workbook");
        }

        var cellsKept = 0L;
        using var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(1258) });
        var sheets = new List<Sheet>();
        do
        {
            var rows = new List<object?[]>();
            var cellsScanned = 0L;
            var buffer = new object?[reader.FieldCount];
            while (reader.Read())
            {
                cellsScanned += reader.FieldCount;
                if (cellsScanned > ReaderLimits.MaxCellsPerSheet)
                {
                    throw new SpreadsheetException(new SourceLocation(path, SheetName(reader, sheets.Count)), string.Create(CultureInfo.InvariantCulture,
                        $"the sheet spans more than {ReaderLimits.MaxCellsPerSheet:N0} cells ({rows.Count + 1:N0} rows of {reader.FieldCount:N0} columns so far), ") +
                        "far more than any index or log file: a cell far below or right of the data (such as XFD1048576), or a corrupt file?");
                }

                if (buffer.Length < reader.FieldCount)
                {
                    buffer = new object?[reader.FieldCount];
                }

                // Keep a row only up to its last value: stray formatting or a far-away cell must not cost a full-width row.
                var last = -1;
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    buffer[c] = reader.GetValue(c);
                    if (buffer[c] is not null)
                    {
                        last = c;
                    }
                }

                cellsKept += last + 1;
                if (cellsKept > ReaderLimits.MaxCellsPerWorkbook)
                {
                    throw new SpreadsheetException(new SourceLocation(path, SheetName(reader, sheets.Count), rows.Count + 1), string.Create(CultureInfo.InvariantCulture,
                        $"the workbook holds more than {ReaderLimits.MaxCellsPerWorkbook:N0} cells with values, far more than any index workbook, plan or catalogue (a dossier log is loaded as 'onestop', which streams it)"));
                }

                rows.Add(last < 0 ? [] : buffer[..(last + 1)]);
            }

            var merged = (reader.MergeCells ?? [])
                .Select(m => new MergedRange(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn))
                .ToList();
            var hidden = !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase);
            sheets.Add(new Sheet(path, SheetName(reader, sheets.Count), hidden, rows, merged));
        }
        while (reader.NextResult());

        return sheets;
    }

    private static string SheetName(IExcelDataReader reader, int index) =>
        string.IsNullOrEmpty(reader.Name) ? "Sheet" + (index + 1).ToString(CultureInfo.InvariantCulture) : reader.Name.Normalize(NormalizationForm.FormC);

    private static Sheet ReadCsv(string path)
    {
        var size = new FileInfo(path).Length;
        if (size > ReaderLimits.MaxWholeCsvBytes)
        {
            throw new SpreadsheetException(new SourceLocation(path), string.Create(CultureInfo.InvariantCulture,
                $"the CSV is {size:N0} bytes, more than the {ReaderLimits.MaxWholeCsvBytes:N0} read whole for index, plan and catalogue files (a dossier log is loaded as 'onestop', which streams it)"));
        }

        var text = TextDecoding.ReadAllText(path);
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = CsvText.Parse(text, separator)
            .Select(r => r.Select(v => (object?)(v.Length == 0 ? null : v)).ToArray())
            .ToList();
        return new Sheet(path, System.IO.Path.GetFileNameWithoutExtension(path), false, rows, []);
    }
}
