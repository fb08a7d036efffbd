using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;

namespace Cchc.Warehouse.Engines.DuckDb;

/// <summary>
/// The DuckDB side of <see cref="IBulkWriter"/>: values go straight into the vectors of one native data chunk of
/// 2,048 rows (DuckDB's vector size), which is handed to the appender when full. A typed value is one store into the
/// vector's memory; only a text longer than 12 UTF-8 bytes costs a call into DuckDB (it owns the string heap).
/// The managed appender row of DuckDB.NET dispatched and converted every value and spent as long as DuckDB's own
/// storage did (BENCHMARKS.md); the appender's flush and its transaction are the same native ones as before.
/// </summary>
internal sealed unsafe class DuckDbChunkWriter : IBulkWriter
{
    /// <summary>DATE is days since 1970-01-01; <see cref="DateOnly.DayNumber"/> counts from 0001-01-01.</summary>
    private const int UnixEpochDayNumber = 719_162;

    private const int InlineTextBytes = 12;

    /// <summary>
    /// Chunks handed over between flushes of the appender into the table. DuckDB's own default (100 chunks) makes each
    /// flush a pause of a few hundred milliseconds, long enough for a loader's parsing thread to fill its queue and
    /// stop; 8 chunks (16,384 rows) keep the pauses short, for the same total work (BENCHMARKS.md).
    /// </summary>
    private const int FlushEveryChunks = 8;

    private readonly string _table;
    private readonly IReadOnlyList<string> _columns;
    private readonly int?[] _limits;
    private readonly DuckDBType[] _types;
    private readonly DuckDB.NET.Native.DuckDBAppender _appender;
    private readonly DuckDBLogicalType[] _logicalTypes;
    private readonly DuckDBDataChunk _chunk;
    private readonly ulong _capacity;
    private readonly IntPtr[] _vectors;
    private readonly IntPtr[] _data;
    private readonly IntPtr[] _validity;
    private byte[] _utf8 = new byte[256];
    private int _row;
    private int _column;
    private bool _closed;
    private bool _failed;
    private int _chunks;

    public DuckDbChunkWriter(DuckDBConnection connection, string schema, string name, string table, IReadOnlyList<string> columns)
    {
        _table = table;
        _columns = columns;
        _limits = ColumnLimits.Default.For(table, columns);
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, schema, name, out _appender) != DuckDBState.Success)
        {
            var message = AppenderError();
            _appender.Dispose();
            throw new DuckDbAppendException($"Could not open an appender on {table}: {message}");
        }

        var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        _logicalTypes = new DuckDBLogicalType[count];
        _types = new DuckDBType[count];
        for (var i = 0; i < count; i++)
        {
            _logicalTypes[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            _types[i] = NativeMethods.LogicalType.DuckDBGetTypeId(_logicalTypes[i]);
        }

        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(_logicalTypes.Select(t => t.DangerousGetHandle()).ToArray(), (ulong)count);
        _capacity = NativeMethods.Helpers.DuckDBVectorSize();
        _vectors = new IntPtr[count];
        _data = new IntPtr[count];
        _validity = new IntPtr[count];
        BindVectors();
    }

    public void WriteRow(ReadOnlySpan<object?> values)
    {
        if (values.Length != _types.Length)
        {
            throw new ArgumentException($"A row for {_table} needs {_types.Length} values, one per column; it has {values.Length}.", nameof(values));
        }

        ColumnLimits.RequireFits(_table, _columns, _limits, values);
        foreach (var value in values)
        {
            switch (value)
            {
                case null: AppendNull(); break;
                case int i: Append(i); break;
                case long l: Append(l); break;
                case short s: Append(s); break;
                case byte b: Append(b); break;
                case double d: Append(d); break;
                case float f: Append(f); break;
                case decimal m: Append((double)m); break;
                case bool flag: Append(flag); break;
                case string text: Append(text); break;
                case DateTime dt: Append(dt); break;
                case DateOnly day: Append(day); break;
                default: throw Abandon(new NotSupportedException($"Cannot append a value of type {value.GetType().Name} to {_table}.{_columns[_column]}."));
            }
        }

        EndRow();
    }

    public void Append(int value)
    {
        switch (Next())
        {
            case DuckDBType.Integer: Store(value); break;
            case DuckDBType.BigInt: Store((long)value); break;
            case DuckDBType.SmallInt when value is >= short.MinValue and <= short.MaxValue: Store((short)value); break;
            case DuckDBType.Double: Store((double)value); break;
            case DuckDBType.Float: Store((float)value); break;
            default: throw Mismatch("an integer");
        }
    }

    public void Append(long value)
    {
        switch (Next())
        {
            case DuckDBType.BigInt: Store(value); break;
            case DuckDBType.Integer when value is >= int.MinValue and <= int.MaxValue: Store((int)value); break;
            case DuckDBType.Double: Store((double)value); break;
            default: throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"the long integer {value}"));
        }
    }

    public void Append(double value)
    {
        switch (Next())
        {
            case DuckDBType.Double: Store(value); break;
            case DuckDBType.Float: Store((float)value); break;
            default: throw Mismatch("a number");
        }
    }

    public void Append(bool value)
    {
        if (Next() != DuckDBType.Boolean)
        {
            throw Mismatch("a boolean");
        }

        Store(value ? (byte)1 : (byte)0);
    }

    public void Append(DateOnly value)
    {
        switch (Next())
        {
            case DuckDBType.Date: Store(value.DayNumber - UnixEpochDayNumber); break;
            case DuckDBType.Timestamp: Store((value.DayNumber - UnixEpochDayNumber) * TimeSpan.TicksPerDay / TimeSpan.TicksPerMicrosecond); break;
            default: throw Mismatch("a date");
        }
    }

    public void Append(DateOnly? value)
    {
        if (value is { } day)
        {
            Append(day);
        }
        else
        {
            AppendNull();
        }
    }

    public void Append(DateTime value)
    {
        switch (Next())
        {
            case DuckDBType.Timestamp: Store((value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond); break;
            case DuckDBType.Date: Store(DateOnly.FromDateTime(value).DayNumber - UnixEpochDayNumber); break;
            default: throw Mismatch("a timestamp");
        }
    }

    public void Append(string? value)
    {
        if (value is null)
        {
            AppendNull();
            return;
        }

        if (Next() != DuckDBType.Varchar)
        {
            throw Mismatch("text");
        }

        // DuckDB's VARCHAR has no length: the limits SQL Server enforces are enforced here too, so both engines refuse the same values.
        if (_limits[_column] is { } max && value.Length > max)
        {
            throw Abandon(new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"A value of {value.Length} characters does not fit column {_table}.{_columns[_column]} (at most {max}): the loader must quarantine it when it parses the file.")));
        }

        if (_utf8.Length < Encoding.UTF8.GetMaxByteCount(value.Length))
        {
            _utf8 = new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        }

        var length = Encoding.UTF8.GetBytes(value, _utf8);
        fixed (byte* bytes = _utf8)
        {
            if (length <= InlineTextBytes)
            {
                // duckdb_string_t inlined: a 4-byte length, then up to 12 bytes zero-padded (DuckDB compares the padding).
                var slot = (byte*)_data[_column] + ((long)_row * 16);
                *(uint*)slot = (uint)length;
                var inline = new Span<byte>(slot + 4, InlineTextBytes);
                inline.Clear();
                new ReadOnlySpan<byte>(bytes, length).CopyTo(inline);
            }
            else
            {
                // Encoding.UTF8 writes valid UTF-8 (a lone surrogate becomes U+FFFD), so DuckDB's check is not needed.
                NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(_vectors[_column], (ulong)_row, bytes, length);
            }
        }

        _column++;
    }

    public void AppendNull()
    {
        if (_column >= _types.Length)
        {
            throw TooManyValues();
        }

        if (_validity[_column] == IntPtr.Zero)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[_column]);
            _validity[_column] = (IntPtr)NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[_column]);
        }

        var mask = (ulong*)_validity[_column];
        mask[_row >> 6] &= ~(1UL << (_row & 63));
        _column++;
    }

    public void EndRow()
    {
        if (_column != _types.Length)
        {
            throw Abandon(new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"A row for {_table} ended after {_column} of its {_types.Length} columns: every column takes a value (or a null), in table order.")));
        }

        _column = 0;
        if ((ulong)++_row == _capacity)
        {
            AppendChunk();
        }
    }

    public void Complete()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_column != 0)
        {
            throw new InvalidOperationException($"The last row for {_table} was not ended (EndRow) before the writer completed.");
        }

        AppendChunk();
        if (NativeMethods.Appender.DuckDBAppenderClose(_appender) != DuckDBState.Success)
        {
            _failed = true;
            throw new DuckDbAppendException($"Appending to {_table} failed: {AppenderError()}");
        }
    }

    /// <summary>Completes like DuckDB.NET's appender did, unless writing failed or a row is half written: the file's
    /// transaction is rolled back then, and a second error would hide the first.</summary>
    public void Dispose()
    {
        try
        {
            if (!_failed && _column == 0)
            {
                Complete();
            }
        }
        finally
        {
            _chunk.Dispose();
            foreach (var type in _logicalTypes)
            {
                type.Dispose();
            }

            _appender.Dispose();
        }
    }

    private DuckDBType Next()
    {
        if (_column >= _types.Length)
        {
            throw TooManyValues();
        }

        return _types[_column];
    }

    private void Store<T>(T value)
        where T : unmanaged
    {
        ((T*)_data[_column])[_row] = value;
        _column++;
    }

    private void AppendChunk()
    {
        if (_row == 0)
        {
            return;
        }

        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_row);
        var state = NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk);
        _row = 0;
        if (state == DuckDBState.Success && ++_chunks % FlushEveryChunks == 0)
        {
            state = NativeMethods.Appender.DuckDBAppenderFlush(_appender);
        }

        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        BindVectors();
        if (state != DuckDBState.Success)
        {
            _failed = true;
            throw new DuckDbAppendException($"Appending to {_table} failed: {AppenderError()}");
        }
    }

    /// <summary>A reset chunk may hand out new buffers and a fresh (all-valid) mask: the pointers are read again.</summary>
    private void BindVectors()
    {
        for (var i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i);
            _data[i] = (IntPtr)NativeMethods.Vectors.DuckDBVectorGetData(_vectors[i]);
            _validity[i] = IntPtr.Zero;
        }
    }

    private string AppenderError()
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(_appender);
        return NativeMethods.ErrorData.DuckDBErrorDataHasError(error) ? NativeMethods.ErrorData.DuckDBErrorDataMessage(error) : "no message from DuckDB";
    }

    private InvalidOperationException Mismatch(string what) =>
        Abandon(new InvalidOperationException($"Cannot write {what} to {_table}.{_columns[_column]}, a {_types[_column].ToString().ToUpperInvariant()} column."));

    private InvalidOperationException TooManyValues() =>
        Abandon(new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A row for {_table} got more than its {_types.Length} values: call EndRow after the last column.")));

    /// <summary>A row refused part-way is not written: its values so far are dropped (the next row overwrites their
    /// slots), so a caller that quarantines the row and goes on writes whole rows only.</summary>
    private T Abandon<T>(T error)
        where T : Exception
    {
        _column = 0;
        return error;
    }
}

/// <summary>A failure DuckDB reported while appending (a NOT NULL column left null, a full disk); classified by its message like any DuckDB error.</summary>
internal sealed class DuckDbAppendException(string message) : System.Data.Common.DbException(message);
