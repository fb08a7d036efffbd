using System.Data.Common;
using Dapper;
using DuckDB.NET.Data;

namespace Cchc.Warehouse.Engines.DuckDb;

/// <summary>The embedded default engine: one DuckDB file, opened by one writer process at a time.</summary>
public sealed class DuckDbWarehouse : WarehouseBase
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
    public PublishedCopy Publish(string? destination = null)
    {
        if (OpenSessions > 0)
        {
            throw new InvalidOperationException("Cannot publish while a file's load transaction is open: the copy would include uncommitted rows.");
        }

        return DuckDbPublisher.Publish((DuckDBConnection)Connection, DatabasePath, destination ?? PublishedPath);
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

        var connection = new DuckDBConnection($"Data Source={path}");
        try
        {
            connection.Open();
        }
        catch (DuckDBException e) when (e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase))
        {
            connection.Dispose();
            throw new WarehouseBusyException(
                $"The warehouse {target} is open in another process (DuckDB allows one writer). Wait for it to finish, or point Power BI at the published copy.", e);
        }

        var warehouse = new DuckDbWarehouse(target, connection);
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

        return new DuckDbAppenderWriter(((DuckDBConnection)Connection).CreateAppender(schema, name));
    }

    private static (string Schema, string Name) SplitName(string table)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? ("main", table) : (table[..dot], table[(dot + 1)..]);
    }
}

/// <summary>Raised when another process holds the warehouse for writing.</summary>
public sealed class WarehouseBusyException(string message, Exception? inner = null) : Exception(message, inner);
