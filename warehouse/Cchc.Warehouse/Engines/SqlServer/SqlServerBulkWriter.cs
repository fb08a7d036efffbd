using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Cchc.Warehouse.Engines.SqlServer;

/// <summary>
/// The SQL Server side of <see cref="IBulkWriter"/>: rows go by SqlBulkCopy, enlisted in the file's transaction, into a
/// session temp table (<c>#cchc_stage_…</c>) with the target's column types; <see cref="Complete"/> moves them into the
/// target with one set-based MERGE on its primary key (INSERT … SELECT when it has none) and drops the stage.
/// Readers never see a half-copied file: everything stays inside the file's transaction.
/// </summary>
internal sealed class SqlServerBulkWriter : ObjectRowWriter
{
    /// <summary>Rows held in memory before they are sent: bounded memory for files of any size.</summary>
    internal const int FlushRows = 50_000;

    private static int _stageCounter;

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly string _table;
    private readonly string _stage;
    private readonly IReadOnlyList<string> _columns;
    private readonly IReadOnlyList<string> _keyColumns;
    private readonly StagingBuffer _buffer;
    private readonly int _timeoutSeconds;
    private bool _completed;
    private bool _failed;

    private SqlServerBulkWriter(DbConnection connection, DbTransaction transaction, string table, string stage, IReadOnlyList<SqlColumn> columns, IReadOnlyList<string> keyColumns, int timeoutSeconds)
        : base(table, columns.Count)
    {
        _timeoutSeconds = timeoutSeconds;
        _connection = connection;
        _transaction = transaction;
        _table = table;
        _stage = stage;
        _columns = columns.Select(c => c.Name).ToList();
        _keyColumns = keyColumns;
        _buffer = new StagingBuffer(columns, table);
    }

    /// <summary>Checks the column list against the table (same rule as the DuckDB appender: every column, in table order) and creates the stage.</summary>
    /// <param name="timeoutSeconds">Limit for each bulk copy and for the MERGE (finite: the connection's command timeout).</param>
    public static SqlServerBulkWriter Create(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, int timeoutSeconds)
    {
        var actual = connection.Query<SqlColumn>(SqlServerStatements.TableColumns, new { table = SqlIdentifier.QuoteTable(table) }, transaction).ToList();
        if (!actual.Select(c => c.Name).SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Bulk writer for {table} was given columns ({string.Join(", ", columns)}) but the table has ({string.Join(", ", actual.Select(c => c.Name))}); the writer needs every column in table order.");
        }

        var keys = connection.Query<string>(SqlServerStatements.PrimaryKeyColumns, new { table = SqlIdentifier.QuoteTable(table) }, transaction).ToList();
        var stage = $"#cchc_stage_{SqlIdentifier.Split(table).Name}_{Interlocked.Increment(ref _stageCounter)}";
        connection.Execute(SqlServerStatements.CreateStage(stage, table, columns), transaction: transaction);
        return new SqlServerBulkWriter(connection, transaction, table, stage, actual, keys, timeoutSeconds);
    }

    public override void WriteRow(ReadOnlySpan<object?> values)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        try
        {
            _buffer.Add(values);
            if (_buffer.Count >= FlushRows)
            {
                Flush();
            }
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    public override void Complete()
    {
        if (_completed)
        {
            return;
        }

        try
        {
            Flush();
            _connection.Execute(SqlServerStatements.MergeStage(_stage, _table, _columns, _keyColumns), transaction: _transaction, commandTimeout: _timeoutSeconds);
            _connection.Execute(SqlServerStatements.DropStage(_stage), transaction: _transaction);
            _completed = true;
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>Completes like the DuckDB appender does, unless writing already failed: the file's transaction is
    /// rolled back then, and a second error from a doomed transaction would hide the first.</summary>
    public override void Dispose()
    {
        if (!_failed)
        {
            Complete();
        }

        _buffer.Dispose();
    }

    private void Flush()
    {
        if (_buffer.Count == 0)
        {
            return;
        }

        if (_connection is not SqlConnection sql || _transaction is not SqlTransaction sqlTransaction)
        {
            throw new NotSupportedException("SqlBulkCopy needs a SqlConnection and its SqlTransaction.");
        }

        using var bulk = new SqlBulkCopy(sql, SqlBulkCopyOptions.Default, sqlTransaction)
        {
            DestinationTableName = _stage,
            BulkCopyTimeout = _timeoutSeconds,
        };
        foreach (var column in _columns)
        {
            bulk.ColumnMappings.Add(column, column);
        }

        bulk.WriteToServer(_buffer.Table);
        _buffer.Clear();
    }
}
