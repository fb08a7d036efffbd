using Cchc.Warehouse;

namespace Cchc.Etl.Spreadsheets;

/// <summary>An input problem that stops a file, always naming where it is: file, sheet, row, column.</summary>
public sealed class SpreadsheetException : Exception
{
    public SpreadsheetException(SourceLocation location, string problem, Exception? inner = null)
        : base($"{location}: {problem}", inner)
    {
        Location = location;
        Problem = problem;
    }

    public SourceLocation Location { get; }

    public string Problem { get; }
}
