using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse;
using Cchc.Warehouse.Engines;
using Cchc.Warehouse.Engines.DuckDb;

namespace Cchc.TestSupport;

/// <summary>One statement a caller sent, as SQL Server would receive it (before the engine's parameter rewrite), with its parameters.</summary>
public sealed record RecordedSql(string Sql, object? Parameters);

/// <summary>
/// Passes every call to a real warehouse and keeps the SQL text of each query and statement its callers write, with
/// their parameters, including what they send through the load sessions it opens. Callers get a <see cref="DualDialect"/>:
/// the inner engine runs its own spelling, and the recorded text is SQL Server's, so that what callers would send to
/// SQL Server can be validated whichever engine ran the test.
/// </summary>
public sealed class RecordingWarehouse(IWarehouse inner) : IWarehouse
{
    private readonly DualDialect _dialect = new(inner.Dialect, SqlServerDialect.Instance);

    public List<RecordedSql> Statements { get; } = [];

    public WarehouseTarget Target => inner.Target;

    public int SchemaVersion => inner.SchemaVersion;

    public SqlDialect Dialect => _dialect;

    public bool IsReadOnly => inner.IsReadOnly;

    public PublishedCopy? Publish(string? destination = null) => inner.Publish(destination);

    public IReadOnlyList<string> ConfigurationWarnings() => inner.ConfigurationWarnings();

    public IReadOnlyList<long> CloseInterruptedRuns(long currentRunId) => inner.CloseInterruptedRuns(currentRunId);

    public IReadOnlyList<T> Query<T>(string sql, object? param = null) => inner.Query<T>(Record(sql, param), param);

    public int Execute(string sql, object? param = null) => inner.Execute(Record(sql, param), param);

    public long StartRun(string command) => inner.StartRun(command);

    public void FinishRun(long runId, string status, string? message = null) => inner.FinishRun(runId, status, message);

    public void RecordFailedFile(long runId, SourceFileInfo file, string message, IReadOnlyList<QuarantineRecord> rejected) =>
        inner.RecordFailedFile(runId, file, message, rejected);

    public ILoadSession BeginFile(long runId, SourceFileInfo file) => new RecordingSession(inner.BeginFile(runId, file), this);

    public IWarehouseTransaction BeginTransaction() => new RecordingTransaction(inner.BeginTransaction(), this);

    public void Dispose() => inner.Dispose();

    /// <summary>Keeps the SQL Server text and returns what the inner engine runs.</summary>
    internal string Record(string sql, object? param)
    {
        Statements.Add(new RecordedSql(_dialect.Render(sql, forExecution: false), param));
        return _dialect.Render(sql, forExecution: true);
    }
}

/// <summary>A load session that keeps the SQL its caller sends (the engine's own bulk and score SQL is not recorded).</summary>
public sealed class RecordingSession(ILoadSession inner, RecordingWarehouse recorder) : ILoadSession
{
    public long FileId => inner.FileId;

    public long RunId => inner.RunId;

    public IReadOnlyList<QuarantineRecord> ReplaceScores(string indexCode, IReadOnlyCollection<int> years, IReadOnlyList<ScoreRecord> scores) =>
        inner.ReplaceScores(indexCode, years, scores);

    public void Quarantine(IEnumerable<QuarantineRecord> rows) => inner.Quarantine(rows);

    public void ClaimScope(FileScope scope) => inner.ClaimScope(scope);

    public int Execute(string sql, object? param = null) => inner.Execute(recorder.Record(sql, param), param);

    public IReadOnlyList<T> Query<T>(string sql, object? param = null) => inner.Query<T>(recorder.Record(sql, param), param);

    public IBulkWriter CreateBulkWriter(string table, IReadOnlyList<string> columns) => inner.CreateBulkWriter(table, columns);

    public void UseOneEngineThread() => inner.UseOneEngineThread();

    public void Commit(FileLoadOutcome outcome) => inner.Commit(outcome);

    public void Dispose() => inner.Dispose();
}

/// <summary>A warehouse transaction that keeps the SQL its caller sends.</summary>
public sealed class RecordingTransaction(IWarehouseTransaction inner, RecordingWarehouse recorder) : IWarehouseTransaction
{
    public IReadOnlyList<T> Query<T>(string sql, object? param = null) => inner.Query<T>(recorder.Record(sql, param), param);

    public int Execute(string sql, object? param = null) => inner.Execute(recorder.Record(sql, param), param);

    public void Commit() => inner.Commit();

    public void Dispose() => inner.Dispose();
}
