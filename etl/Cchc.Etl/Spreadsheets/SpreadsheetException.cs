using System.Globalization;
using Cchc.Warehouse;

namespace Cchc.Etl.Spreadsheets;

/// <summary>An input problem that stops a file, always naming where it is: file, sheet, row, column.</summary>
public sealed class SpreadsheetException : Exception
{
    /// <summary>Problems quote cell text; a 1 MB cell must not become a 1 MB log line or audit message.</summary>
    internal const int MaxProblemLength = 1000;

    public SpreadsheetException(SourceLocation location, string problem, Exception? inner = null)
        : base($"{location}: {Shorten(problem)}", inner)
    {
        Location = location;
        Problem = Shorten(problem);
    }

    public SourceLocation Location { get; }

    public string Problem { get; }

    private static string Shorten(string problem)
    {
        if (problem.Length <= MaxProblemLength)
        {
            return problem;
        }

        var keep = char.IsHighSurrogate(problem[MaxProblemLength - 1]) ? MaxProblemLength - 1 : MaxProblemLength;
        return string.Create(CultureInfo.InvariantCulture, $"{problem.AsSpan(0, keep)}… ({problem.Length - keep:N0} more characters)");
    }
}
