using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.OneStop;

/// <summary>Opens a dossier log (CSV or Excel, recognised by content) as a streaming <see cref="ITabularReader"/>.</summary>
internal static class DossierLogReader
{
    /// <param name="openCsv">Opens a CSV's bytes (the loader's hashing stream); null: the file itself.</param>
    public static ITabularReader Open(string path, Func<Stream>? openCsv = null)
    {
        var where = new SourceLocation(path);
        if (!File.Exists(path))
        {
            throw new SpreadsheetException(where, "file not found");
        }

        return FileFormats.Detect(path) switch
        {
            FileFormat.Csv => openCsv is null ? StreamingCsvReader.Open(path) : new StreamingCsvReader(openCsv(), path),
            FileFormat.Xlsx or FileFormat.Xls => StreamingSheetReader.Open(path),
            FileFormat.Empty => throw new SpreadsheetException(where, "the file is empty (0 bytes)"),
            _ => throw new SpreadsheetException(where, $"not a dossier log: expected CSV, .xlsx or .xls content, found {FileFormats.Describe(path)}"),
        };
    }

    /// <summary>Whether the file reads like a dossier log (its header, found in the first rows); never throws.</summary>
    public static bool LooksLikeLog(string path)
    {
        try
        {
            using var reader = Open(path);
            return DossierRowParser.Open(reader, path) is not null;
        }
        catch (Exception e) when (ReadFailures.IsReadFailure(e))
        {
            return false;
        }
    }

}
