using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Documents;

/// <summary>
/// A Word document as the loaders need it: the body paragraphs outside tables (titles, "Kèm theo kế hoạch số …") and
/// every top-level table as a <see cref="Sheet"/> named "Table N", so table parsers work on Word and Excel alike.
/// </summary>
internal sealed record DocxDocument(string Path, IReadOnlyList<string> Paragraphs, IReadOnlyList<Sheet> Tables)
{
    public const string TableSheetPrefix = "Table ";

    /// <summary>True when the sheet name is one the reader gave a Word table (messages then say "table N").</summary>
    public static bool IsTableName(string? sheetName) =>
        sheetName is not null && sheetName.StartsWith(TableSheetPrefix, StringComparison.Ordinal)
        && int.TryParse(sheetName.AsSpan(TableSheetPrefix.Length), out _);
}
