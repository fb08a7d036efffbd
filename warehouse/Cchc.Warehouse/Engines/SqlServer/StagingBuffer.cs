using System.Data;
using System.Globalization;

namespace Cchc.Warehouse.Engines.SqlServer;

/// <summary>A target column as sys.columns describes it.</summary>
internal sealed record SqlColumn(string Name, string TypeName);

/// <summary>
/// Rows waiting for SqlBulkCopy, typed by the target's SQL Server columns so that the copy never guesses: an
/// <c>int</c> bound for a <c>bigint</c> column is widened, a <c>DateOnly</c> becomes the <c>DateTime</c> SqlClient sends
/// as <c>date</c>, and a value that does not fit its column fails here with the column's name.
/// </summary>
internal sealed class StagingBuffer : IDisposable
{
    private readonly IReadOnlyList<SqlColumn> _columns;
    private readonly string _table;
    private readonly int?[] _limits;
    private readonly IReadOnlyList<string> _names;

    public StagingBuffer(IReadOnlyList<SqlColumn> columns, string table)
    {
        _columns = columns;
        _table = table;
        _names = columns.Select(c => c.Name).ToList();
        _limits = ColumnLimits.Default.For(table, _names);
        Table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            Table.Columns.Add(column.Name, ClrType(column.TypeName));
        }
    }

    public DataTable Table { get; }

    public int Count => Table.Rows.Count;

    public void Add(ReadOnlySpan<object?> values)
    {
        if (values.Length != _columns.Count)
        {
            throw new ArgumentException($"A row has {values.Length} values but the writer has {_columns.Count} columns.", nameof(values));
        }

        ColumnLimits.RequireFits(_table, _names, _limits, values);
        var row = Table.NewRow();
        for (var i = 0; i < values.Length; i++)
        {
            row[i] = Convert(values[i], Table.Columns[i].DataType, _columns[i]);
        }

        Table.Rows.Add(row);
    }

    public void Clear() => Table.Clear();

    public void Dispose() => Table.Dispose();

    /// <summary>The CLR type SqlBulkCopy expects for a SQL Server type name.</summary>
    public static Type ClrType(string sqlType) => sqlType.ToLowerInvariant() switch
    {
        "bit" => typeof(bool),
        "tinyint" => typeof(byte),
        "smallint" => typeof(short),
        "int" => typeof(int),
        "bigint" => typeof(long),
        "real" => typeof(float),
        "float" => typeof(double),
        "decimal" or "numeric" or "money" or "smallmoney" => typeof(decimal),
        "date" or "datetime" or "datetime2" or "smalldatetime" => typeof(DateTime),
        "datetimeoffset" => typeof(DateTimeOffset),
        "time" => typeof(TimeSpan),
        "uniqueidentifier" => typeof(Guid),
        "char" or "varchar" or "nchar" or "nvarchar" or "text" or "ntext" => typeof(string),
        "binary" or "varbinary" or "image" => typeof(byte[]),
        _ => throw new NotSupportedException($"The bulk writer does not handle SQL Server type '{sqlType}'."),
    };

    private static object Convert(object? value, Type target, SqlColumn column)
    {
        try
        {
            return value switch
            {
                null => DBNull.Value,
                _ when value.GetType() == target => value,
                DateOnly day when target == typeof(DateTime) => day.ToDateTime(TimeOnly.MinValue),
                TimeOnly time when target == typeof(TimeSpan) => time.ToTimeSpan(),
                IConvertible when target != typeof(byte[]) && target != typeof(Guid) && target != typeof(DateTimeOffset) && target != typeof(TimeSpan)
                    => System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture),
                _ => throw new InvalidCastException($"no conversion from {value.GetType().Name}"),
            };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidOperationException(
                $"Value '{value}' ({value?.GetType().Name}) does not fit column {column.Name} ({column.TypeName}): {e.Message}", e);
        }
    }
}
