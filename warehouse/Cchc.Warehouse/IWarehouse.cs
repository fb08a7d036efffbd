using Cchc.Warehouse.Engines;
using Cchc.Warehouse.Engines.DuckDb;
using Cchc.Warehouse.Engines.SqlServer;

namespace Cchc.Warehouse;

/// <summary>
/// The one seam between loaders/analytics and a database engine. Loaders write through
/// <see cref="ILoadSession"/> (one transaction per file); readers query the <c>rpt</c> views.
/// SQL passed to <see cref="Query{T}"/> and <see cref="Execute"/> uses <c>@name</c> parameters on every engine.
/// </summary>
public interface IWarehouse : IDisposable
{
    WarehouseTarget Target { get; }

    /// <summary>Latest applied schema migration.</summary>
    int SchemaVersion { get; }

    /// <summary>How this engine spells what differs between engines (booleans, GREATEST, row limits, MERGE…).</summary>
    SqlDialect Dialect => Target.Engine == WarehouseTarget.SqlServer ? SqlServerDialect.Instance : DuckDbDialect.Instance;

    /// <summary>Opened by <see cref="WarehouseFactory.OpenReadOnly"/>: no migrations ran and nothing may be written.</summary>
    bool IsReadOnly => false;

    /// <summary>
    /// Refreshes the read-only copy that readers open, where the engine needs one (DuckDB: one writer or many readers);
    /// null where readers query the warehouse itself (SQL Server, under READ_COMMITTED_SNAPSHOT).
    /// </summary>
    PublishedCopy? Publish(string? destination = null) => null;

    /// <summary>
    /// Marks 'interrupted' the runs still 'running' whose writer has gone (never one whose writer is alive, in this
    /// process or, on SQL Server, in another session); returns their ids.
    /// </summary>
    IReadOnlyList<long> CloseInterruptedRuns(long currentRunId) => [];

    /// <summary>Settings of the database a DBA should change, in words (e.g. READ_COMMITTED_SNAPSHOT off); empty when none.</summary>
    IReadOnlyList<string> ConfigurationWarnings() => [];

    /// <summary>Runs a parameterised query and reads its rows in full. Safe from several threads: statements on one
    /// warehouse run one at a time.</summary>
    IReadOnlyList<T> Query<T>(string sql, object? param = null);

    int Execute(string sql, object? param = null);

    /// <summary>Opens an audit row in etl.run; every file loaded under it carries its id.</summary>
    long StartRun(string command);

    void FinishRun(long runId, string status, string? message = null);

    /// <summary>Records a file that could not be loaded (nothing of it reaches dw), with its reason and rejected rows.</summary>
    void RecordFailedFile(long runId, SourceFileInfo file, string message, IReadOnlyList<QuarantineRecord> rejected);

    /// <summary>Begins the single transaction in which one file is loaded.</summary>
    ILoadSession BeginFile(long runId, SourceFileInfo file);

    /// <summary>Begins a transaction for work that is not a file's load (the nightly data-quality step supersedes the
    /// earlier findings and saves the new ones together or not at all).</summary>
    IWarehouseTransaction BeginTransaction();
}

/// <summary>Statements that commit together or not at all; disposing without <see cref="Commit"/> rolls back.</summary>
public interface IWarehouseTransaction : ISqlRunner, IDisposable
{
    void Commit();
}

/// <summary>One file's load: everything written here commits together or not at all.</summary>
public interface ILoadSession : IDisposable
{
    long FileId { get; }

    long RunId { get; }

    /// <summary>Replaces every score of <paramref name="indexCode"/> for the given years with <paramref name="scores"/>:
    /// a file owns the index-years it covers, so loading it twice (or a corrected copy) never duplicates.</summary>
    /// <returns>Rows that could not be keyed (unknown province/criterion) are returned, not silently dropped.</returns>
    IReadOnlyList<QuarantineRecord> ReplaceScores(string indexCode, IReadOnlyCollection<int> years, IReadOnlyList<ScoreRecord> scores);

    void Quarantine(IEnumerable<QuarantineRecord> rows);

    /// <summary>
    /// Declares what this file covers. When the file commits as loaded it takes the scope's units over from the files
    /// loaded before it; an earlier file left with no unit is retired in the same transaction: marked 'replaced', and
    /// whatever of it is still in a dw table with a file_id column removed. The caller removes or replaces the rows of
    /// the units in its own tables before writing (it knows their grain, e.g. <see cref="ReplaceScores"/> does it for
    /// index-years). A file that claims nothing (a dossier log, a catalogue) retires nothing: two files with the same
    /// name and a different scope both stay.
    /// </summary>
    void ClaimScope(FileScope scope);

    /// <summary>Escape hatch for loaders with their own facts; runs inside this file's transaction.</summary>
    int Execute(string sql, object? param = null);

    IReadOnlyList<T> Query<T>(string sql, object? param = null);

    /// <summary>Bulk writer for a table (DuckDB appender, SqlBulkCopy), inside this transaction.</summary>
    IBulkWriter CreateBulkWriter(string table, IReadOnlyList<string> columns);

    /// <summary>
    /// For a loader that keeps the other cores busy itself (a parsing thread beside the writing one): the engine runs
    /// this session's work on the calling thread alone until the session ends, instead of scheduling workers that
    /// compete with the loader's own threads for the cores. DuckDB: <c>threads = 1</c>, restored afterwards; SQL
    /// Server: nothing (the server's cores are its own).
    /// </summary>
    void UseOneEngineThread();

    void Commit(FileLoadOutcome outcome);
}

/// <summary>
/// Appends typed rows, in one of two ways: a whole row of values (<see cref="WriteRow"/>), or one typed
/// <c>Append</c> per column in table order followed by <see cref="EndRow"/>, which boxes nothing (for files of
/// millions of rows). Values must suit the column's type (int, long, double, string, bool, DateTime, DateOnly) or be null.
/// </summary>
public interface IBulkWriter : IDisposable
{
    void WriteRow(ReadOnlySpan<object?> values);

    void Append(int value);

    void Append(long value);

    void Append(double value);

    void Append(bool value);

    void Append(string? value);

    void Append(DateOnly value);

    void Append(DateOnly? value);

    void Append(DateTime value);

    void AppendNull();

    /// <summary>Ends the row begun by the <c>Append</c> calls; every column must have had its value.</summary>
    void EndRow();

    /// <summary>Flushes buffered rows; called by Dispose too.</summary>
    void Complete();
}
