using System.Data.Common;
using Dapper;
using Cchc.Warehouse.Engines.DuckDb;
using Microsoft.Data.SqlClient;

namespace Cchc.Warehouse.Engines.SqlServer;

/// <summary>
/// The production engine: SQL Server through Microsoft.Data.SqlClient and Dapper, with the same dw/etl/rpt schemas,
/// views and column names as the embedded engine (Schema/sqlserver holds the T-SQL twin of every DuckDB script).
/// Readers (Power BI) query it directly; READ_COMMITTED_SNAPSHOT keeps their refreshes from blocking on a load.
/// </summary>
internal sealed class SqlServerWarehouse : WarehouseBase
{
    /// <summary>Seconds a statement may run unless the connection string sets <c>Command Timeout</c>: merges of large files take minutes.</summary>
    public const int DefaultCommandTimeoutSeconds = 600;

    private bool _holdsWriterLock;

    /// <summary>How to connect again after a dropped connection (null over a test's recording connection).</summary>
    private string? _connectionString;

    private SqlServerWarehouse(WarehouseTarget target, DbConnection connection)
        : base(target, connection, SqlServerDialect.Instance)
    {
    }

    public static SqlServerWarehouse Open(WarehouseTarget target)
    {
        var connectionString = ConnectionString(target.Location);
        var warehouse = OpenOver(target, Connect(target, connectionString));
        warehouse._connectionString = connectionString;
        return warehouse;
    }

    /// <summary>
    /// A writer: takes the database's writer lock on its own connection first (waiting up to <paramref name="wait"/>),
    /// then migrates. The lock lasts as long as the connection (the whole writer session). Not pooled, so that closing
    /// the warehouse ends the session and releases the lock.
    /// </summary>
    public static SqlServerWarehouse OpenWriter(WarehouseTarget target, string holder, TimeSpan wait)
    {
        var builder = new SqlConnectionStringBuilder(ConnectionString(target.Location)) { Pooling = false, ApplicationName = WriterApplicationName(holder) };
        var connection = Connect(target, builder.ConnectionString);
        try
        {
            TakeWriterLock(connection, target, wait);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        var warehouse = OpenOver(target, connection);
        warehouse._holdsWriterLock = true;
        warehouse._connectionString = builder.ConnectionString;
        return warehouse;
    }

    /// <summary>What sys.dm_exec_sessions shows for a writer, so that a DBA (and a waiting writer) can see who holds the lock.</summary>
    internal static string WriterApplicationName(string holder) =>
        "cchc writer: " + (holder.Length > 90 ? holder[..90] : holder) + $" (pid {Environment.ProcessId})";

    /// <summary>Takes the writer lock on a connection or throws <see cref="WarehouseBusyException"/> naming the holder when it can.</summary>
    internal static void TakeWriterLock(System.Data.Common.DbConnection connection, WarehouseTarget target, TimeSpan wait)
    {
        var milliseconds = (int)Math.Min(int.MaxValue, Math.Max(0, wait.TotalMilliseconds));
        var result = connection.ExecuteScalar<int>(SqlServerStatements.AcquireWriterLock, new { timeout = milliseconds }, commandTimeout: (int)Math.Min(int.MaxValue / 1000, wait.TotalSeconds + 30));
        if (result >= 0)
        {
            return;
        }

        string holder;
        try
        {
            holder = connection.ExecuteScalar<string?>(SqlServerStatements.WriterLockHolder) is { } who ? "held by " + who : "holder unknown";
        }
        catch (SqlException)
        {
            holder = "holder unnamed: naming it needs VIEW SERVER STATE";
        }

        throw new WarehouseBusyException(
            $"Another writer holds the {target.Engine} warehouse's writer lock ({holder}); waited {wait.TotalSeconds:0} s. Try again later or pass --wait SECONDS.");
    }

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

    /// <summary>
    /// Seconds a statement may run: the connection string's <c>Command Timeout</c>, else <see cref="DefaultCommandTimeoutSeconds"/>.
    /// Bulk copies and MERGEs get the same finite limit (a hung one fails the file, transiently, instead of hanging the night).
    /// </summary>
    internal int CommandTimeoutSeconds =>
        _connectionString is null ? DefaultCommandTimeoutSeconds : new SqlConnectionStringBuilder(_connectionString).CommandTimeout is var t and > 0 ? t : DefaultCommandTimeoutSeconds;

    protected override void EnsureConnected()
    {
        if (_connectionString is null || Connection.State == System.Data.ConnectionState.Open || OpenSessions > 0)
        {
            return;
        }

        ReplaceConnection(Connect(Target, _connectionString));
        if (_holdsWriterLock)
        {
            // The session that held the lock has ended; another writer may have taken it meanwhile (then this one stops).
            TakeWriterLock(Connection, Target, TimeSpan.FromSeconds(30));
        }

        foreach (var runId in RunsStartedHere)
        {
            RunStarted(runId);
        }
    }

    /// <summary>Every writer holds the lock, even one opened without <see cref="OpenWriter"/>: ids (MAX + 1) are taken under it.</summary>
    protected override void EnsureWriterLock()
    {
        if (!_holdsWriterLock)
        {
            TakeWriterLock(Connection, Target, TimeSpan.Zero);
            _holdsWriterLock = true;
        }
    }

    protected override void RunStarted(long runId) =>
        Connection.ExecuteScalar<int>(SqlServerStatements.AcquireRunLock, new { resource = RunLockName(runId) });

    protected override void RunFinished(long runId)
    {
        try
        {
            Connection.Execute(SqlServerStatements.ReleaseRunLock, new { resource = RunLockName(runId) });
        }
        catch (SqlException)
        {
            // Not held by this session (an interrupted run closed by another writer): nothing to release.
        }
    }

    /// <summary>A run whose lock nobody holds was left by a session that has ended.</summary>
    protected override bool IsRunAliveElsewhere(long runId) =>
        Connection.ExecuteScalar<int>(SqlServerStatements.RunLockIsFree, new { resource = RunLockName(runId) }) == 0;

    private static string RunLockName(long runId) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cchc.run.{runId}");

    internal override IBulkWriter CreateBulkWriter(DbTransaction transaction, string table, IReadOnlyList<string> columns) =>
        SqlServerBulkWriter.Create(Connection, transaction, table, columns, CommandTimeoutSeconds);

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
