using Cchc.Etl.Documents;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Plans;

/// <summary>A plan file that cannot be read, naming where: file, sheet or Word table, row and column.</summary>
internal sealed class PlanFormatException(SourceLocation location, string problem, Exception? inner = null)
    : Exception($"{Describe(location)}: {problem}", inner)
{
    public SourceLocation Location { get; } = location;

    public string Problem { get; } = problem;

    /// <summary>Like <see cref="SourceLocation.ToString"/>, but Word tables read as "table 2, row 5, column 4".</summary>
    public static string Describe(SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!DocxDocument.IsTableName(location.Sheet))
        {
            return location.ToString();
        }

        var parts = new List<string>
        {
            $"file '{Path.GetFileName(location.File)}'",
            "table " + location.Sheet![DocxDocument.TableSheetPrefix.Length..],
        };
        if (location.Row is not null)
        {
            parts.Add($"row {location.Row}");
        }

        if (location.Column is not null)
        {
            parts.Add($"column {ColumnName.IndexOf(location.Column) + 1}");
        }

        return string.Join(", ", parts);
    }
}
