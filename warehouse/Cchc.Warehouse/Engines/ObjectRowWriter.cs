namespace Cchc.Warehouse.Engines;

/// <summary>
/// The typed <c>Append</c> calls of <see cref="IBulkWriter"/> for writers that take whole rows of values (SqlBulkCopy's
/// buffer, parameterised inserts): each value goes into one reused row, which <see cref="EndRow"/> hands to
/// <see cref="WriteRow"/>. Only DuckDB's writer gains from skipping the boxes; here the row is the unit anyway. A row
/// refused part-way (too few or too many values) is dropped whole, as DuckDB's writer drops it.
/// </summary>
internal abstract class ObjectRowWriter(string table, int columnCount) : IBulkWriter
{
    private readonly object?[] _row = new object?[columnCount];
    private int _column;

    public abstract void WriteRow(ReadOnlySpan<object?> values);

    public abstract void Complete();

    public abstract void Dispose();

    public void Append(int value) => Set(value);

    public void Append(long value) => Set(value);

    public void Append(double value) => Set(value);

    public void Append(bool value) => Set(value);

    public void Append(string? value) => Set(value);

    public void Append(DateOnly value) => Set(value);

    public void Append(DateOnly? value) => Set(value);

    public void Append(DateTime value) => Set(value);

    public void AppendNull() => Set(null);

    public void EndRow()
    {
        if (_column != _row.Length)
        {
            _column = 0;
            throw new InvalidOperationException($"A row for {table} ended after {_column} of its {_row.Length} columns: every column takes a value (or a null), in table order.");
        }

        _column = 0;
        WriteRow(_row);
    }

    private void Set(object? value)
    {
        if (_column >= _row.Length)
        {
            _column = 0;
            throw new InvalidOperationException($"A row for {table} got more than its {_row.Length} values: call EndRow after the last column.");
        }

        _row[_column++] = value;
    }
}
