using System.Data.Common;
using Cchc.Warehouse.Reference;
using Dapper;

namespace Cchc.Warehouse.Engines;

internal sealed class LoadSession(WarehouseBase warehouse, DbTransaction transaction, long runId, long fileId, string fileName) : ILoadSession
{
    private static readonly string[] ScoreColumns =
        ["index_code", "year", "province_key", "criterion_key", "score", "rank_published", "is_synthetic", "file_id", "run_id", "source_sheet", "source_row"];

    private static readonly ColumnLimits Limits = ColumnLimits.Default;

    private readonly List<(string Family, string Unit)> _claims = [];
    private bool _done;
    private bool _disposed;
    private IDisposable? _engineThreads;

    public long FileId { get; } = fileId;

    public long RunId { get; } = runId;

    public IReadOnlyList<QuarantineRecord> ReplaceScores(string indexCode, IReadOnlyCollection<int> years, IReadOnlyList<ScoreRecord> scores)
    {
        var criteria = Query<(int Key, string Code, int From, int? To)>(
            "SELECT criterion_key, criterion_code, valid_from_year, valid_to_year FROM dw.dim_criterion WHERE index_code = @indexCode",
            new { indexCode });
        foreach (var year in years)
        {
            Execute("DELETE FROM dw.fact_index_score WHERE index_code = @indexCode AND year = @year", new { indexCode, year });
        }

        var rejected = new List<QuarantineRecord>();
        var seen = new HashSet<(int, int, int)>();
        using var writer = CreateBulkWriter("dw.fact_index_score", ScoreColumns);
        foreach (var s in scores)
        {
            var province = ProvinceCatalog.Default.ByCode(s.ProvinceCode, s.Year);
            var criterion = criteria.FirstOrDefault(c => c.Code == s.CriterionCode && c.From <= s.Year && (c.To is null || c.To >= s.Year));
            string? problem =
                s.IndexCode != indexCode ? $"score for index {s.IndexCode} in a {indexCode} load"
                : !years.Contains(s.Year) ? $"year {s.Year} is outside the years this file covers"
                : province is null ? $"no province with GSO code '{s.ProvinceCode}' in {s.Year}"
                : criterion.Key == 0 ? $"criterion '{s.CriterionCode}' is not in the {indexCode} catalogue for {s.Year}"
                : !seen.Add((s.Year, province.Key, criterion.Key)) ? $"duplicate score for {province.ShortName}, {s.Year}, {s.CriterionCode}"
                : ColumnLimits.Default.TooLong("dw.fact_index_score", "source_sheet", s.Source.Sheet, "the sheet name");
            if (problem is not null)
            {
                rejected.Add(new QuarantineRecord(s.Source, problem, $"{s.ProvinceCode};{s.CriterionCode};{s.Score}"));
                continue;
            }

            int year = s.Year;
            int provinceKey = province!.Key;
            int criterionKey = criterion.Key;
            long file = FileId;
            long run = RunId;
            writer.WriteRow([indexCode, year, provinceKey, criterionKey, s.Score, s.Rank, s.IsSynthetic, file, run, s.Source.Sheet, s.Source.Row]);
        }

        writer.Complete();
        return rejected;
    }

    public void Quarantine(IEnumerable<QuarantineRecord> rows)
    {
        var nextId = warehouse.NextId("etl.quarantine", "quarantine_id", transaction);
        foreach (var q in rows)
        {
            Execute(
                """
                INSERT INTO etl.quarantine (quarantine_id, run_id, file_id, file_name, sheet, row_number, column_name, reason, raw_values, created_at)
                VALUES (@id, @runId, @fileId, @fileName, @sheet, @row, @column, @reason, @raw, @now)
                """,
                new
                {
                    id = nextId++, runId = RunId, fileId = FileId, fileName = Limits.Fit("etl.quarantine", "file_name", fileName),
                    sheet = Limits.Fit("etl.quarantine", "sheet", q.Source.Sheet), row = q.Source.Row,
                    column = Limits.Fit("etl.quarantine", "column_name", q.Source.Column), reason = q.Reason, raw = q.RawValues, now = DateTime.UtcNow,
                });
        }
    }

    public int Execute(string sql, object? param = null) =>
        warehouse.Connection.Execute(warehouse.Dialect.Parameters(sql), param, transaction);

    public IReadOnlyList<T> Query<T>(string sql, object? param = null) =>
        warehouse.Connection.Query<T>(warehouse.Dialect.Parameters(sql), param, transaction).AsList();

    public IBulkWriter CreateBulkWriter(string table, IReadOnlyList<string> columns) =>
        warehouse.CreateBulkWriter(transaction, table, columns);

    public void UseOneEngineThread() => _engineThreads ??= warehouse.UseOneEngineThread(transaction);

    public void ClaimScope(FileScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var unit in scope.Units)
        {
            _claims.Add((scope.Family, unit));
        }
    }

    public void Commit(FileLoadOutcome outcome)
    {
        Execute(
            """
            UPDATE etl.file SET status = @status, rows_loaded = @rowsLoaded, rows_quarantined = @rowsQuarantined,
                rows_read = @rowsRead, rows_skipped = @rowsSkipped, ended_at = @now, message = @message
            WHERE file_id = @fileId
            """,
            new
            {
                status = outcome.Status, rowsLoaded = outcome.RowsLoaded, rowsQuarantined = outcome.RowsQuarantined, rowsRead = outcome.RowsRead,
                rowsSkipped = outcome.RowsSkipped, now = DateTime.UtcNow, message = outcome.Message, fileId = FileId,
            });
        if (outcome.Sha256 is { } sha256)
        {
            Execute("UPDATE etl.file SET sha256 = @sha256 WHERE file_id = @fileId", new { sha256, fileId = FileId });
        }

        if (outcome.Status == "loaded")
        {
            TakeOverScope();
        }

        try
        {
            transaction.Commit();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            throw new WarehouseCommitException($"The commit of file '{fileName}' failed, so nothing of it was kept: {e.Message}", e);
        }

        _done = true;
    }

    /// <summary>
    /// The units this file claimed are taken over from the files that held them; an earlier file left with none is
    /// retired: whatever of it is still in a dw table with a file_id column is removed and it is marked 'replaced', in
    /// this same transaction, so a corrected file leaves no duplicates and no orphans. Files are never matched by name.
    /// </summary>
    private void TakeOverScope()
    {
        var previous = new SortedSet<long>();
        foreach (var (family, unit) in _claims)
        {
            var claim = new { family, unit, fileId = FileId };
            foreach (var earlier in Query<long>(
                         "SELECT file_id FROM etl.file_scope WHERE scope_family = @family AND scope_unit = @unit AND released_by_file IS NULL AND file_id <> @fileId",
                         claim))
            {
                previous.Add(earlier);
            }

            Execute(
                "UPDATE etl.file_scope SET released_by_file = @fileId WHERE scope_family = @family AND scope_unit = @unit AND released_by_file IS NULL AND file_id <> @fileId",
                claim);
            Execute("INSERT INTO etl.file_scope (file_id, scope_family, scope_unit, released_by_file) VALUES (@fileId, @family, @unit, NULL)", claim);
        }

        if (previous.Count == 0)
        {
            return;
        }

        var factTables = Query<string>(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'dw' AND c.column_name = 'file_id' AND t.table_type = 'BASE TABLE'
            """);
        foreach (var earlier in previous)
        {
            if (Query<long>("SELECT COUNT(*) FROM etl.file_scope WHERE file_id = @earlier AND released_by_file IS NULL", new { earlier }).Single() > 0)
            {
                continue;
            }

            foreach (var table in factTables)
            {
                Execute($"DELETE FROM dw.{table} WHERE file_id = @earlier", new { earlier });
            }

            Execute(
                "UPDATE etl.file SET status = 'replaced', message = @message WHERE file_id = @earlier AND status = 'loaded'",
                new { earlier, message = $"replaced by file {FileId} ({fileName}, loaded in run {RunId}), which covers everything it covered" });
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (!_done)
        {
            _done = true;
            try
            {
                transaction.Rollback();
            }
            catch (InvalidOperationException)
            {
                // The engine already ended the transaction (a commit that failed, e.g. on a full disk): nothing is left
                // to undo, and the commit's own error, which is propagating now, must not be masked by this one.
            }
        }

        transaction.Dispose();
        _engineThreads?.Dispose();
        warehouse.OpenSessions--;
        _disposed = true;
    }
}
