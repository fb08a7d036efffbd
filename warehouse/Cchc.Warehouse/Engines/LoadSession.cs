using System.Data.Common;
using Cchc.Warehouse.Reference;
using Dapper;

namespace Cchc.Warehouse.Engines;

internal sealed class LoadSession(WarehouseBase warehouse, DbTransaction transaction, long runId, long fileId, string fileName, string kind) : ILoadSession
{
    private static readonly string[] ScoreColumns =
        ["index_code", "year", "province_key", "criterion_key", "score", "rank_published", "is_synthetic", "file_id", "run_id", "source_sheet", "source_row"];

    private static readonly ColumnLimits Limits = ColumnLimits.Default;

    private bool _done;
    private bool _disposed;

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

    public void Commit(FileLoadOutcome outcome)
    {
        Execute(
            """
            UPDATE etl.file SET status = @status, rows_loaded = @rowsLoaded, rows_quarantined = @rowsQuarantined, ended_at = @now, message = @message
            WHERE file_id = @fileId
            """,
            new { status = outcome.Status, rowsLoaded = outcome.RowsLoaded, rowsQuarantined = outcome.RowsQuarantined, now = DateTime.UtcNow, message = outcome.Message, fileId = FileId });
        if (outcome.Status == "loaded")
        {
            RetireEarlierVersions();
        }

        transaction.Commit();
        _done = true;
    }

    /// <summary>
    /// A file of the same kind and name loaded earlier is an earlier version of this one: whatever of it is still in a
    /// dw fact table (rows this file did not already replace) is removed, and it is marked 'replaced', in this same
    /// transaction — so a corrected file leaves no duplicates and no orphans.
    /// </summary>
    private void RetireEarlierVersions()
    {
        // One-stop logs are an accumulating snapshot: a dossier row keeps the file that last changed it, and a later
        // export updates rows in place, so an export's rows are never "owned" by one file version.
        if (kind == "onestop")
        {
            return;
        }

        var earlier = Query<long>(
            "SELECT file_id FROM etl.file WHERE kind = @kind AND file_name = @fileName AND status = 'loaded' AND file_id <> @fileId",
            new { kind, fileName, fileId = FileId });
        if (earlier.Count == 0)
        {
            return;
        }

        var factTables = Query<string>(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'dw' AND c.column_name = 'file_id' AND t.table_type = 'BASE TABLE'
            """);
        foreach (var previous in earlier)
        {
            foreach (var table in factTables)
            {
                Execute($"DELETE FROM dw.{table} WHERE file_id = @previous", new { previous });
            }

            Execute(
                "UPDATE etl.file SET status = 'replaced', message = @message WHERE file_id = @previous",
                new { previous, message = $"replaced by file {FileId} (same name, loaded in run {RunId})" });
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
        warehouse.OpenSessions--;
        _disposed = true;
    }
}
