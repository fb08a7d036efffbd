using Cchc.Warehouse;

namespace Cchc.TestSupport;

/// <summary>
/// Passes every call to a real warehouse and keeps the SQL text of each query and statement its callers write, as they
/// wrote it (before the engine's dialect), including what they send through the load sessions it opens.
/// </summary>
public sealed class RecordingWarehouse(IWarehouse inner) : IWarehouse
{
    public List<string> Statements { get; } = [];

    public WarehouseTarget Target => inner.Target;

    public int SchemaVersion => inner.SchemaVersion;

    public IReadOnlyList<T> Query<T>(string sql, object? param = null)
    {
        Statements.Add(sql);
        return inner.Query<T>(sql, param);
    }

    public int Execute(string sql, object? param = null)
    {
        Statements.Add(sql);
        return inner.Execute(sql, param);
    }

    public long StartRun(string command) => inner.StartRun(command);

    public void FinishRun(long runId, string status, string? message = null) => inner.FinishRun(runId, status, message);

    public void RecordFailedFile(long runId, SourceFileInfo file, string message, IReadOnlyList<QuarantineRecord> rejected) =>
        inner.RecordFailedFile(runId, file, message, rejected);

    public ILoadSession BeginFile(long runId, SourceFileInfo file) => new RecordingSession(inner.BeginFile(runId, file), Statements);

    public IWarehouseTransaction BeginTransaction() => new RecordingTransaction(inner.BeginTransaction(), Statements);

    public void Dispose() => inner.Dispose();
}

/// <summary>A load session that keeps the SQL its caller sends (the engine's own bulk and score SQL is not recorded).</summary>
public sealed class RecordingSession(ILoadSession inner, List<string> statements) : ILoadSession
{
    public long FileId => inner.FileId;

    public long RunId => inner.RunId;

    public IReadOnlyList<QuarantineRecord> ReplaceScores(string indexCode, IReadOnlyCollection<int> years, IReadOnlyList<ScoreRecord> scores) =>
        inner.ReplaceScores(indexCode, years, scores);

    public void Quarantine(IEnumerable<QuarantineRecord> rows) => inner.Quarantine(rows);

    public void ClaimScope(FileScope scope) => inner.ClaimScope(scope);

    public int Execute(string sql, object? param = null)
    {
        statements.Add(sql);
        return inner.Execute(sql, param);
    }

    public IReadOnlyList<T> Query<T>(string sql, object? param = null)
    {
        statements.Add(sql);
        return inner.Query<T>(sql, param);
    }

    public IBulkWriter CreateBulkWriter(string table, IReadOnlyList<string> columns) => inner.CreateBulkWriter(table, columns);

    public void Commit(FileLoadOutcome outcome) => inner.Commit(outcome);

    public void Dispose() => inner.Dispose();
}

/// <summary>A warehouse transaction that keeps the SQL its caller sends.</summary>
public sealed class RecordingTransaction(IWarehouseTransaction inner, List<string> statements) : IWarehouseTransaction
{
    public IReadOnlyList<T> Query<T>(string sql, object? param = null)
    {
        statements.Add(sql);
        return inner.Query<T>(sql, param);
    }

    public int Execute(string sql, object? param = null)
    {
        statements.Add(sql);
        return inner.Execute(sql, param);
    }

    public void Commit() => inner.Commit();

    public void Dispose() => inner.Dispose();
}
