using System.Data.Common;
using System.Globalization;
using Dapper;
using DuckDB.NET.Data;

namespace Cchc.Warehouse.Engines.DuckDb;

/// <summary>The embedded default engine: one DuckDB file, opened by one writer process at a time.</summary>
internal sealed class DuckDbWarehouse : WarehouseBase
{
    private DuckDbWarehouse(WarehouseTarget target, DuckDBConnection connection)
        : base(target, connection, DuckDbDialect.Instance)
    {
    }

    public string DatabasePath => Target.Location;

    /// <summary>Where <see cref="Publish"/> writes by default: <c>cchc.published.duckdb</c> beside <c>cchc.duckdb</c>.</summary>
    public string PublishedPath => DuckDbPublisher.DefaultPath(DatabasePath);

    /// <summary>
    /// Writes a consistent read-only copy of the committed warehouse for readers (Power BI through the DuckDB ODBC
    /// driver) and swaps it in with an atomic rename. Call it between loads, never while a file's session is open.
    /// </summary>
    /// <returns>Null for an in-memory warehouse without a destination: there is no file beside which to publish.</returns>
    public override PublishedCopy? Publish(string? destination = null)
    {
        if (DatabasePath == ":memory:" && destination is null)
        {
            return null;
        }

        if (OpenSessions > 0)
        {
            throw new InvalidOperationException("Cannot publish while a file's load transaction is open: the copy would include uncommitted rows.");
        }

        return DuckDbPublisher.Publish((DuckDBConnection)Connection, DatabasePath, destination ?? PublishedPath);
    }

    /// <summary>Opens an existing file read-only (DuckDB then shares it with other readers); no migration runs.</summary>
    public static DuckDbWarehouse OpenReadOnly(WarehouseTarget target)
    {
        if (target.Location == ":memory:" || !File.Exists(target.Location))
        {
            throw new FileNotFoundException(
                $"There is no warehouse at {target}: a reading command does not create one. Load something first (e.g. 'cchc demo' or 'cchc load').",
                target.Location);
        }

        var connection = Connect(target, $"Data Source={target.Location};ACCESS_MODE=READ_ONLY");
        var warehouse = new DuckDbWarehouse(target, connection);
        try
        {
            warehouse.RequireCurrentSchema();
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }

        return warehouse;
    }

    public static DuckDbWarehouse Open(WarehouseTarget target)
    {
        var path = target.Location;
        if (path != ":memory:")
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var warehouse = new DuckDbWarehouse(target, Connect(target, $"Data Source={path}"));
        try
        {
            warehouse.Migrate();
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }

        return warehouse;
    }

    private static DuckDBConnection Connect(WarehouseTarget target, string connectionString)
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new WarehouseBusyException(
                $"The warehouse {target} is open in another process (DuckDB allows one writer, or many readers, never both). Wait for it to finish, or read the published copy.", e);
        }
    }

    protected override string BootstrapSql =>
        """
        CREATE SCHEMA IF NOT EXISTS etl;
        CREATE TABLE IF NOT EXISTS etl.schema_version (script_name VARCHAR PRIMARY KEY, version INTEGER NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
        CREATE TABLE IF NOT EXISTS etl.seed_state (seed_name VARCHAR PRIMARY KEY, checksum VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL);
        """;

    internal override IBulkWriter CreateBulkWriter(DbTransaction transaction, string table, IReadOnlyList<string> columns)
    {
        var (schema, name) = SplitName(table);
        var actual = Connection.Query<string>(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = $schema AND table_name = $name ORDER BY ordinal_position",
                new { schema, name }, transaction)
            .ToList();
        if (!actual.SequenceEqual(columns, StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Bulk writer for {table} was given columns ({string.Join(", ", columns)}) but the table has ({string.Join(", ", actual)}); the appender needs every column in table order.");
        }

        return new DuckDbChunkWriter((DuckDBConnection)Connection, schema, name, table, columns);
    }

    /// <summary>DuckDB's threads setting is the database's, not the connection's: it is set back when the session ends.
    /// A single thread also spares the appender's flush its workers' hand-offs, which spin on a 2-core machine.</summary>
    internal override IDisposable? UseOneEngineThread(DbTransaction transaction)
    {
        var threads = Connection.Query<long>("SELECT current_setting('threads')", transaction: transaction).Single();
        Connection.Execute("SET threads = 1", transaction: transaction);
        return new ThreadsSetting(this, threads);
    }

    private sealed class ThreadsSetting(DuckDbWarehouse warehouse, long threads) : IDisposable
    {
        public void Dispose() => warehouse.Connection.Execute(string.Create(CultureInfo.InvariantCulture, $"SET threads = {threads}"));
    }

    private static (string Schema, string Name) SplitName(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? ("main", table) : (table[..dot], table[(dot + 1)..]);
    }
}

/// <summary>Raised when another process holds the warehouse for writing.</summary>
public sealed class WarehouseBusyException(string message, Exception? inner = null) : Exception(message, inner);
