using DuckDB.NET.Data;

namespace Cchc.Warehouse.Engines.DuckDb;

/// <summary>
/// Typed appends through DuckDB's appender. Each value is dispatched on its runtime type to the matching nullable
/// overload, because an untyped literal (AppendValue(2024)) would bind to short? and write garbage.
/// </summary>
internal sealed class DuckDbAppenderWriter(DuckDBAppender appender, string table, IReadOnlyList<string> columns) : IBulkWriter
{
    private readonly int?[] _limits = ColumnLimits.Default.For(table, columns);
    private bool _completed;

    public void WriteRow(ReadOnlySpan<object?> values)
    {
        // DuckDB's VARCHAR has no length: the limits SQL Server enforces are enforced here too, so both engines refuse the same values.
        ColumnLimits.RequireFits(table, columns, _limits, values);
        var row = appender.CreateRow();
        foreach (var value in values)
        {
            switch (value)
            {
                case null: row.AppendNullValue(); break;
                case int i: row.AppendValue((int?)i); break;
                case long l: row.AppendValue((long?)l); break;
                case short s: row.AppendValue((short?)s); break;
                case byte b: row.AppendValue((byte?)b); break;
                case double d: row.AppendValue((double?)d); break;
                case float f: row.AppendValue((float?)f); break;
                case decimal m: row.AppendValue((decimal?)m); break;
                case bool flag: row.AppendValue((bool?)flag); break;
                case string text: row.AppendValue(text); break;
                case DateTime dt: row.AppendValue((DateTime?)dt); break;
                case DateOnly day: row.AppendValue((DateOnly?)day); break;
                case Guid g: row.AppendValue((Guid?)g); break;
                default: throw new NotSupportedException($"Cannot append a value of type {value.GetType().Name}.");
            }
        }

        row.EndRow();
    }

    public void Complete()
    {
        if (!_completed)
        {
            appender.Close();
            _completed = true;
        }
    }

    public void Dispose()
    {
        Complete();
        appender.Dispose();
    }
}
