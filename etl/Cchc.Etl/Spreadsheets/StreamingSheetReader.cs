using System.Globalization;
using System.Text;
using Cchc.Etl.Samples;
using Cchc.Warehouse;
using ExcelDataReader;

namespace Cchc.Etl.Spreadsheets;

/// <summary>
/// Reads the first visible data sheet of an .xlsx/.xls row by row with ExcelDataReader's own reader, never building
/// the whole sheet (unlike <see cref="Workbook"/>). Dates come out as ISO text, numbers in invariant form, so callers
/// parse every cell the same way they parse CSV text.
/// </summary>
internal sealed class StreamingSheetReader : ITabularReader
{
    private readonly Stream _stream;
    private readonly IExcelDataReader _reader;
    private readonly List<string> _cells = [];
    private readonly string _path;
    private int _row;

    static StreamingSheetReader()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private StreamingSheetReader(Stream stream, IExcelDataReader reader, bool isSynthetic, string path)
    {
        _path = path;
        _stream = stream;
        _reader = reader;
        IsSynthetic = isSynthetic;
        SheetName = reader.Name.Normalize(NormalizationForm.FormC);
    }

    public string? SheetName { get; }

    public bool IsSynthetic { get; }

    public int LineNumber => _row;

    public int FieldCount => _cells.Count;

    public double? FractionRead => _stream is { CanSeek: true, Length: > 0 } s ? (double)s.Position / s.Length : null;

    public int BlankRecordsSkipped { get; private set; }

    /// <summary>Opens the workbook on its first visible sheet other than the synthetic marker sheet.</summary>
    public static StreamingSheetReader Open(string path)
    {
        if (FileFormats.Detect(path) == FileFormat.Xlsx)
        {
            ReaderLimits.CheckPackage(path, "Xlsx workbook");
        }

        // One pass over the sheet names only (cheap), to find the marker sheet wherever it is.
        var isSynthetic = false;
        using (var probeStream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var probe = Create(probeStream))
        {
            do
            {
                if (probe.Name == SyntheticMarker.SheetName && probe.Read())
                {
                    isSynthetic = CellValues.Text(probe.GetValue(0))?.StartsWith(SyntheticMarker.Banner, StringComparison.Ordinal) ?? false;
                }
            }
            while (probe.NextResult());
        }

        var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var reader = Create(stream);
        while (reader.Name == SyntheticMarker.SheetName || !string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase))
        {
            if (!reader.NextResult())
            {
                reader.Dispose();
                stream.Dispose();
                throw new SpreadsheetException(new SourceLocation(path), "the workbook has no visible data sheet");
            }
        }

        return new StreamingSheetReader(stream, reader, isSynthetic, path);
    }

    public bool Read()
    {
        // A hostile or corrupt sheet can declare a huge empty grid (one cell at XFD1048576): stop when the blank run
        // since the last real row alone spans more cells than Workbook accepts for a whole sheet.
        var blankCells = 0L;
        var pendingBlanks = 0;
        while (_reader.Read())
        {
            _row++;
            blankCells += _reader.FieldCount;
            if (blankCells > ReaderLimits.MaxCellsPerSheet)
            {
                throw new SpreadsheetException(
                    new Warehouse.SourceLocation(_path, SheetName, _row),
                    $"more than {ReaderLimits.MaxCellsPerSheet:N0} empty cells in a row of blank lines: the sheet's declared size is not plausible for a dossier log");
            }

            _cells.Clear();
            var blank = true;
            for (var c = 0; c < _reader.FieldCount; c++)
            {
                var text = ToText(_reader.GetValue(c));
                blank &= text.Length == 0;
                _cells.Add(text);
            }

            if (!blank)
            {
                BlankRecordsSkipped += pendingBlanks;
                return true;
            }

            pendingBlanks++;
        }

        return false;
    }

    public ReadOnlySpan<char> Field(int index) => (uint)index < (uint)_cells.Count ? _cells[index].AsSpan() : [];

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }

    private static IExcelDataReader Create(Stream stream) =>
        ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { FallbackEncoding = Encoding.GetEncoding(1258) });

    private static string ToText(object? value) => value switch
    {
        null => string.Empty,
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => CellValues.Text(value) ?? string.Empty,
    };
}
