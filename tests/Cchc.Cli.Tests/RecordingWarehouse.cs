using Cchc.Warehouse;

namespace Cchc.Cli.Tests;

/// <summary>Passes every call to a real warehouse and keeps the SQL text of each query and statement, as written by the caller.</summary>
internal sealed class RecordingWarehouse(IWarehouse inner) : IWarehouse
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

    public ILoadSession BeginFile(long runId, SourceFileInfo file) => inner.BeginFile(runId, file);

    public void Dispose() => inner.Dispose();
}
