using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Cchc.Warehouse.Engines.SqlServer;

/// <summary>
/// The production engine: SQL Server through Microsoft.Data.SqlClient and Dapper, with the same dw/etl/rpt schemas,
/// views and column names as the embedded engine (Schema/sqlserver holds the T-SQL twin of every DuckDB script).
/// Readers (Power BI) query it directly; READ_COMMITTED_SNAPSHOT keeps their refreshes from blocking on a load.
/// </summary>
public sealed class SqlServerWarehouse : WarehouseBase
{
    /// <summary>Seconds a statement may run unless the connection string sets <c>Command Timeout</c>: merges of large files take minutes.</summary>
    public const int DefaultCommandTimeoutSeconds = 600;

    private SqlServerWarehouse(WarehouseTarget target, DbConnection connection)
        : base(target, connection, SqlServerDialect.Instance)
    {
    }

    public static SqlServerWarehouse Open(WarehouseTarget target) => OpenOver(target, Connect(target, ConnectionString(target.Location)));

    /// <summary>No migration, no seed sync, no write: what a member of cchc_report_reader may do (it reads rpt only).</summary>
    public static SqlServerWarehouse OpenReadOnly(WarehouseTarget target)
    {
        var builder = new SqlConnectionStringBuilder(ConnectionString(target.Location)) { ApplicationIntent = ApplicationIntent.ReadOnly };
        return OpenReadOnlyOver(target, Connect(target, builder.ConnectionString));
    }

    /// <summary>The read-only engine over an open connection; tests pass a recording connection here.</summary>
    internal static SqlServerWarehouse OpenReadOnlyOver(WarehouseTarget target, DbConnection connection)
    {
        var warehouse = new SqlServerWarehouse(target, connection);
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

    private static SqlConnection Connect(WarehouseTarget target, string connectionString)
    {
        var connection = new SqlConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (SqlException e)
        {
            connection.Dispose();
            throw new InvalidOperationException($"Cannot connect to the warehouse {target}: {e.Message}", e);
        }
    }

    /// <summary>Migrates and returns the engine over an open connection; tests pass a recording connection here.</summary>
    internal static SqlServerWarehouse OpenOver(WarehouseTarget target, DbConnection connection)
    {
        var warehouse = new SqlServerWarehouse(target, connection);
        try
        {
            warehouse.MigrateExclusively();
        }
        catch
        {
            warehouse.Dispose();
            throw;
        }

        return warehouse;
    }

    /// <summary>The connection string as given, plus an application name and a long command timeout unless it sets them.</summary>
    internal static string ConnectionString(string given)
    {
        var builder = new SqlConnectionStringBuilder(given);
        if (!builder.ShouldSerialize("Application Name"))
        {
            builder.ApplicationName = "cchc";
        }

        if (!builder.ShouldSerialize("Command Timeout"))
        {
            builder.CommandTimeout = DefaultCommandTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Whether the database runs with READ_COMMITTED_SNAPSHOT (Power BI refreshes then never block on a load). The
    /// migrations set it when the login may; when it is off a DBA has to (warehouse/README.md, SQL Server).
    /// </summary>
    public bool ReadCommittedSnapshot => Connection.ExecuteScalar<bool?>(SqlServerStatements.ReadCommittedSnapshot) ?? false;

    public override IReadOnlyList<string> ConfigurationWarnings() =>
        ReadCommittedSnapshot
            ? []
            : ["READ_COMMITTED_SNAPSHOT is off, so Power BI refreshes can block on loads; see warehouse/README.md (SQL Server)."];

    protected override string BootstrapSql => SqlServerStatements.Bootstrap;

    internal override IBulkWriter CreateBulkWriter(DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
        SqlServerBulkWriter.Create(Connection, transaction, table, columns);

    private void MigrateExclusively()
    {
        Connection.Execute(SqlServerStatements.AcquireMigrationLock);
        try
        {
            Migrate();
        }
        finally
        {
            try
            {
                Connection.Execute(SqlServerStatements.ReleaseMigrationLock);
            }
            catch (DbException)
            {
                // A broken connection releases its session lock anyway; keep the migration's own error.
            }
        }
    }
}
