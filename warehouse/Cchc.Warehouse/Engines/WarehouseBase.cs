using System.Data.Common;
using System.Reflection;
using Cchc.Warehouse.Engines.DuckDb;
using Dapper;

namespace Cchc.Warehouse.Engines;

/// <summary>
/// What every engine shares: migrations, seed sync, the audit trail and the load session. Engines supply the
/// connection, the dialect and the bulk writer.
/// </summary>
internal abstract class WarehouseBase : IWarehouse
{
    private bool _disposed;

    protected WarehouseBase(WarehouseTarget target, DbConnection connection, SqlDialect dialect)
    {
        Target = target;
        Connection = connection;
        Dialect = dialect;
    }

    public WarehouseTarget Target { get; }

    public SqlDialect Dialect { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Opened without migrations, for reading only (see <see cref="WarehouseFactory.OpenReadOnly"/>).</summary>
    public bool IsReadOnly { get; private set; }

    /// <summary>The open connection, for read-only Dapper queries by analytics and tests.</summary>
    public DbConnection Connection { get; private set; }

    public static string ToolVersion { get; } =
        typeof(WarehouseBase).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public IReadOnlyList<T> Query<T>(string sql, object? param = null)
    {
        lock (_statementGate)
        {
            EnsureConnected();
            return Connection.Query<T>(Dialect.Parameters(sql), param).AsList();
        }
    }

    public int Execute(string sql, object? param = null)
    {
        RequireWritable();
        lock (_statementGate)
        {
            EnsureConnected();
            return Connection.Execute(Dialect.Parameters(sql), param);
        }
    }

    /// <inheritdoc cref="IWarehouse.Publish"/>
    public virtual PublishedCopy? Publish(string? destination = null) => null;

    /// <inheritdoc cref="IWarehouse.ConfigurationWarnings"/>
    public virtual IReadOnlyList<string> ConfigurationWarnings() => [];

    public long StartRun(string command)
    {
        RequireWritable();
        EnsureConnected();
        EnsureWriterLock();
        var runId = NextId("etl.run", "run_id");
        Execute(
            "INSERT INTO etl.run (run_id, command, started_at, status, host, tool_version) VALUES (@runId, @command, @now, 'running', @host, @version)",
            new { runId, command, now = DateTime.UtcNow, host = Environment.MachineName, version = ToolVersion });
        LiveRuns.TryAdd((Target.Location, runId), 0);
        _runsStartedHere.Add(runId);
        RunStarted(runId);
        return runId;
    }

    public void FinishRun(long runId, string status, string? message = null)
    {
        RecordEnd(runId, status, message);
        if (LiveRuns.TryRemove((Target.Location, runId), out _))
        {
            _runsStartedHere.Remove(runId);
            RunFinished(runId);
        }
    }

    /// <summary>
    /// Marks 'interrupted' the runs still 'running' whose writer has gone (killed, crashed, lost its connection), so
    /// that status does not show them running forever. A run whose writer is alive — in this process, or on SQL Server
    /// in any session that still holds the run's lock — is never touched.
    /// </summary>
    public IReadOnlyList<long> CloseInterruptedRuns(long currentRunId)
    {
        var closed = new List<long>();
        foreach (var id in Query<long>("SELECT run_id FROM etl.run WHERE status = 'running' AND run_id <> @currentRunId ORDER BY run_id", new { currentRunId }))
        {
            if (LiveRuns.ContainsKey((Target.Location, id)) || IsRunAliveElsewhere(id))
            {
                continue;
            }

            RecordEnd(id, "interrupted", $"interrupted (the process ended without finishing; found by run {currentRunId})");
            closed.Add(id);
        }

        return closed;
    }

    private readonly HashSet<long> _runsStartedHere = [];

    // One connection runs one statement at a time (DuckDB's and SqlClient's alike); reports build provinces on several
    // threads over one warehouse, so their statements take turns here (each result is read in full before the next).
    private readonly Lock _statementGate = new();

    /// <summary>Runs started and not finished by this process, per warehouse location.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Location, long RunId), byte> LiveRuns = new();

    /// <summary>
    /// Between files, a connection the server or the network dropped (a transient failure the caller retries) is opened
    /// again, with its locks; inside a file's transaction nothing can be recovered, so the file's load fails and is retried whole.
    /// </summary>
    protected virtual void EnsureConnected()
    {
    }

    /// <summary>Swaps in a new connection for one that broke (the old one is disposed).</summary>
    protected void ReplaceConnection(DbConnection connection)
    {
        var broken = Connection;
        Connection = connection;
        broken.Dispose();
    }

    /// <summary>The runs this instance started and has not finished (their locks are re-taken after a reconnect).</summary>
    protected IReadOnlyCollection<long> RunsStartedHere => _runsStartedHere;

    /// <summary>Called before a run or a file is written: the engine's single-writer guarantee (none needed on DuckDB, whose file admits one writer process).</summary>
    protected virtual void EnsureWriterLock()
    {
    }

    protected virtual void RunStarted(long runId)
    {
    }

    protected virtual void RunFinished(long runId)
    {
    }

    /// <summary>Whether a run not started by this process still has a live writer (DuckDB: never, its file admits one writer process).</summary>
    protected virtual bool IsRunAliveElsewhere(long runId) => false;

    private void RecordEnd(long runId, string status, string? message) =>
        Execute(
            """
            UPDATE etl.run SET ended_at = @now, status = @status, message = @message,
                files_loaded = (SELECT COUNT(*) FROM etl.file f WHERE f.run_id = @runId AND f.status = 'loaded'),
                files_failed = (SELECT COUNT(*) FROM etl.file f WHERE f.run_id = @runId AND f.status = 'failed'),
                rows_loaded = (SELECT COALESCE(SUM(f.rows_loaded), 0) FROM etl.file f WHERE f.run_id = @runId),
                rows_quarantined = (SELECT COALESCE(SUM(f.rows_quarantined), 0) FROM etl.file f WHERE f.run_id = @runId)
            WHERE run_id = @runId
            """,
            new { runId, status, message, now = DateTime.UtcNow });

    public ILoadSession BeginFile(long runId, SourceFileInfo file)
    {
        RequireWritable();
        EnsureConnected();
        EnsureWriterLock();
        var transaction = Connection.BeginTransaction();
        var fileId = NextId("etl.file", "file_id", transaction);
        Connection.Execute(
            Dialect.Parameters("""
                INSERT INTO etl.file (file_id, run_id, path, file_name, kind, sha256, size_bytes, status, started_at)
                VALUES (@fileId, @runId, @path, @fileName, @kind, @sha256, @size, 'loading', @now)
                """),
            new
            {
                fileId, runId, path = ColumnLimits.Default.Fit("etl.file", "path", file.Path),
                fileName = ColumnLimits.Default.Fit("etl.file", "file_name", Path.GetFileName(file.Path)), kind = file.Kind,
                sha256 = file.Sha256, size = file.SizeBytes, now = DateTime.UtcNow,
            },
            transaction);
        OpenSessions++;
        return new LoadSession(this, transaction, runId, fileId, Path.GetFileName(file.Path));
    }

    public void RecordFailedFile(long runId, SourceFileInfo file, string message, IReadOnlyList<QuarantineRecord> rejected)
    {
        using var session = BeginFile(runId, file);
        session.Quarantine(rejected);
        session.Commit(new FileLoadOutcome(0, rejected.Count, "failed", message) { RowsRead = rejected.Count });
    }

    public IWarehouseTransaction BeginTransaction()
    {
        var transaction = Connection.BeginTransaction();
        OpenSessions++;
        return new WarehouseTransaction(this, transaction);
    }

    /// <summary>A writer lock this warehouse holds for its lifetime (the DuckDB lock file of <see cref="WarehouseFactory.OpenWriter"/>).</summary>
    internal IDisposable? OwnedLock { get; set; }

    /// <summary>Load sessions begun and not yet disposed: a published copy must never see a half-loaded file.</summary>
    internal int OpenSessions { get; set; }

    internal abstract IBulkWriter CreateBulkWriter(DbTransaction transaction, string table, IReadOnlyList<string> columns);

    /// <summary>See <see cref="ILoadSession.UseOneEngineThread"/>; disposing the result restores the engine's setting.</summary>
    internal virtual IDisposable? UseOneEngineThread(DbTransaction transaction) => null;

    /// <summary>SQL that creates the etl schema and the migration ledger if missing.</summary>
    protected abstract string BootstrapSql { get; }

    /// <summary>Applies pending versioned scripts, changed repeatable scripts and changed seeds. Idempotent.</summary>
    protected void Migrate()
    {
        foreach (var statement in new MigrationScript(Dialect.Name, "bootstrap", 0, BootstrapSql).Statements())
        {
            Connection.Execute(statement);
        }

        var applied = Connection.Query<(string Name, string Checksum)>("SELECT script_name, checksum FROM etl.schema_version")
            .ToDictionary(r => r.Name, r => r.Checksum, StringComparer.Ordinal);
        foreach (var script in MigrationScript.For(Dialect.Name))
        {
            if (applied.TryGetValue(script.Name, out var checksum))
            {
                if (checksum == script.Checksum)
                {
                    continue;
                }

                if (!script.IsRepeatable)
                {
                    throw new InvalidOperationException(
                        $"Schema script {script.Name} changed after it was applied to {Target}. Add a new numbered script instead of editing an applied one.");
                }
            }

            if (script.RunsOutsideTransaction)
            {
                foreach (var statement in script.Statements())
                {
                    Connection.Execute(statement);
                }
            }

            using var transaction = Connection.BeginTransaction();
            foreach (var statement in script.RunsOutsideTransaction ? [] : script.Statements())
            {
                Connection.Execute(statement, transaction: transaction);
            }

            Connection.Execute(
                Dialect.Parameters("DELETE FROM etl.schema_version WHERE script_name = @name"), new { name = script.Name }, transaction);
            Connection.Execute(
                Dialect.Parameters("INSERT INTO etl.schema_version (script_name, version, checksum, applied_at) VALUES (@name, @version, @checksum, @now)"),
                new { name = script.Name, version = script.Version ?? 0, checksum = script.Checksum, now = DateTime.UtcNow },
                transaction);
            transaction.Commit();
        }

        SchemaVersion = Connection.ExecuteScalar<int>("SELECT COALESCE(MAX(version), 0) FROM etl.schema_version");
        new SeedSync(this).Apply();
    }

    /// <summary>
    /// Instead of migrating: the schema must already be at this build's version (read from <c>rpt.warehouse_info</c>,
    /// which the report reader role may read; the migration ledger in etl it may not).
    /// </summary>
    protected void RequireCurrentSchema()
    {
        IsReadOnly = true;
        var expected = MigrationScript.For(Dialect.Name).Max(s => s.Version) ?? 0;
        int version;
        try
        {
            version = Connection.ExecuteScalar<int?>("SELECT schema_version FROM rpt.warehouse_info") ?? 0;
        }
        catch (DbException)
        {
            version = 0;
        }

        if (version < expected)
        {
            throw new WarehouseOutdatedException(
                $"The warehouse {Target} is at schema version {version} and this build of cchc reads version {expected}: a reading command does not migrate. " +
                "Bring it up to date first with any writing command (e.g. 'cchc load', with a login that may alter the schema) or by publishing the DAC package ('cchc dacpac'; warehouse/README.md).");
        }

        SchemaVersion = version;
    }

    private void RequireWritable()
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"The warehouse {Target} was opened read-only (a reading command): nothing may be written through it.");
        }
    }

    internal long NextId(string table, string column, DbTransaction? transaction = null) =>
        Connection.ExecuteScalar<long>(Dialect.Parameters($"SELECT COALESCE(MAX({column}), 0) + 1 FROM {table}"), transaction: transaction);

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        if (disposing)
        {
            // Runs this connection left unfinished die with it (their SQL Server run locks end with the session).
            foreach (var runId in _runsStartedHere)
            {
                LiveRuns.TryRemove((Target.Location, runId), out _);
            }

            Connection.Dispose();
            OwnedLock?.Dispose();
        }

        _disposed = true;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
