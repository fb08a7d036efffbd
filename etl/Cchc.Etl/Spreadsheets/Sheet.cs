using Cchc.Warehouse;

namespace Cchc.Etl.Spreadsheets;

/// <summary>A merged range, 0-based and inclusive (as Excel stores it: the value sits in the top-left cell only).</summary>
public readonly record struct MergedRange(int FromRow, int FromColumn, int ToRow, int ToColumn)
{
    public bool Contains(int row, int column) => row >= FromRow && row <= ToRow && column >= FromColumn && column <= ToColumn;
}

/// <summary>
/// One sheet, materialised (index workbooks are small). Rows and columns are 0-based in the API and 1-based / lettered
/// in every message, as a user sees them in Excel.
/// </summary>
public sealed class Sheet
{
    private readonly IReadOnlyList<object?[]> _rows;

    public Sheet(string file, string name, bool isHidden, IReadOnlyList<object?[]> rows, IReadOnlyList<MergedRange> merged)
    {
        File = file;
        Name = name;
        IsHidden = isHidden;
        _rows = rows;
        Merged = merged;
        ColumnCount = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
    }

    public string File { get; }

    public string Name { get; }

    public bool IsHidden { get; }

    public IReadOnlyList<MergedRange> Merged { get; }

    public int RowCount => _rows.Count;

    public int ColumnCount { get; }

    /// <summary>The raw value (double, string, DateTime, bool or null). With <paramref name="followMerges"/>, a cell inside
    /// a merged range returns the range's top-left value.</summary>
    public object? Value(int row, int column, bool followMerges = false)
    {
        if (followMerges)
        {
            foreach (var m in Merged)
            {
                if (m.Contains(row, column))
                {
                    (row, column) = (m.FromRow, m.FromColumn);
                    break;
                }
            }
        }

        return row < _rows.Count && column < _rows[row].Length ? _rows[row][column] : null;
    }

    public string? Text(int row, int column, bool followMerges = false) => CellValues.Text(Value(row, column, followMerges));

    public double? Number(int row, int column) => CellValues.Number(Value(row, column));

    public bool IsBlankRow(int row) =>
        row >= _rows.Count || _rows[row].All(v => CellValues.Text(v) is null);

    public SourceLocation Where(int row, int? column = null) =>
        new(File, Name, row + 1, column is null ? null : ColumnName.Of(column.Value));

    /// <summary>Reads a number or throws an error naming the cell.</summary>
    public double RequireNumber(int row, int column, string what)
    {
        var value = Value(row, column);
        return CellValues.Number(value)
            ?? throw new SpreadsheetException(Where(row, column), $"{what} is not a number: '{CellValues.Text(value) ?? "(blank)"}'");
    }
}
