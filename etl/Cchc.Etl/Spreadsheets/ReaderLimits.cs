using System.Globalization;
using System.IO.Compression;
using Cchc.Warehouse;

namespace Cchc.Etl.Spreadsheets;

/// <summary>
/// The hard bounds every reader keeps on what it materialises, so that a hostile or corrupt file is refused with a
/// clear error naming it instead of exhausting memory or time: the size of a package's parts (a 1 KB zip can declare a
/// 4 GB part), cells per sheet and per workbook, a Word table's columns, a CSV record's length. Each bound is far above
/// anything the real index files, plans, catalogues and one-stop exports come near.
/// </summary>
internal static class ReaderLimits
{
    /// <summary>Cells scanned per sheet (blank ones included) before the sheet is refused: a flipped byte can declare
    /// thousands of columns; one cell at XFD1048576 makes 17 billion.</summary>
    public const long MaxCellsPerSheet = 50_000_000;

    /// <summary>Cells a workbook read whole may keep (index workbooks, plans and catalogues hold thousands).</summary>
    public const long MaxCellsPerWorkbook = 10_000_000;

    /// <summary>Uncompressed size of a Word document's body (word/document.xml): a 300-page table-heavy plan is a few MB.</summary>
    public const long MaxDocumentPartBytes = 20L << 20;

    /// <summary>Uncompressed size of an Excel package's shared strings (read whole by ExcelDataReader, even when the
    /// sheet is streamed): a million-row dossier log with unique numbers stays well under it.</summary>
    public const long MaxSharedStringsBytes = 256L << 20;

    /// <summary>Uncompressed size of any other part of a package (a worksheet of a million-row log is a few hundred MB).</summary>
    public const long MaxPartBytes = 2L << 30;

    /// <summary>Compression ratio beyond which a part of more than 1 MB is a zip bomb, not a spreadsheet (XML packs 5–50:1).</summary>
    public const long MaxCompressionRatio = 1_000;

    /// <summary>Columns a Word table row may span (gridBefore + the cells' gridSpan): Word itself allows 63.</summary>
    public const int MaxTableColumns = 1_000;

    /// <summary>Cells of all a Word document's tables together.</summary>
    public const long MaxDocumentCells = 2_000_000;

    /// <summary>Nesting depth of a Word document's XML (a real body is a few dozen levels deep).</summary>
    public const int MaxXmlDepth = 256;

    /// <summary>Characters of one CSV record (an unclosed quote would otherwise make the rest of the file one record).</summary>
    public const int MaxRecordChars = 1 << 20;

    /// <summary>Fields of one CSV record (Excel's own limit is 16,384 columns).</summary>
    public const int MaxRecordFields = 16_384;

    /// <summary>Bytes of a CSV read whole (index, plan and catalogue CSVs; dossier logs are streamed).</summary>
    public const long MaxWholeCsvBytes = 256L << 20;

    /// <summary>
    /// Refuses a zip package (xlsx, docx) whose parts declare more than the bounds, before any reader inflates them.
    /// The declared sizes are what System.IO.Compression enforces while inflating, so a lying header cannot get past.
    /// </summary>
    /// <param name="what">What the package is, for the message ("Word document", "Xlsx workbook").</param>
    public static void CheckPackage(string path, string what)
    {
        var where = new SourceLocation(path);
        try
        {
            using var zip = ZipFile.OpenRead(path);
            foreach (var entry in zip.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var limit = name.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase) ? MaxSharedStringsBytes
                    : name.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase) ? MaxDocumentPartBytes
                    : MaxPartBytes;
                if (entry.Length > limit)
                {
                    throw new SpreadsheetException(where, string.Create(CultureInfo.InvariantCulture,
                        $"the part {name} declares {entry.Length:N0} bytes uncompressed, more than the {limit:N0} a real file of this kind needs (a zip bomb or a corrupt file?)"));
                }

                if (entry.Length > 1 << 20 && entry.Length > MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new SpreadsheetException(where, string.Create(CultureInfo.InvariantCulture,
                        $"the part {name} inflates {entry.CompressedLength:N0} bytes to {entry.Length:N0} (more than {MaxCompressionRatio:N0}:1): a zip bomb, not a spreadsheet or document"));
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new SpreadsheetException(where, $"cannot read the {what} (truncated or corrupt?): {e.Message}", e);
        }
    }
}
