using System.Globalization;
using Cchc.Cli.Output;
using Cchc.Cli.Parsing;
using Cchc.Etl.Nightly;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc status</c>: what is loaded per index (years, provinces, rows) and the last runs. It opens the warehouse
/// read-only and reads rpt views only, so a member of the report reader role may run it.
/// </summary>
internal sealed class StatusCommand : ICommand
{
    public string Name => "status";

    public string Summary => "What is loaded: per index years, provinces, rows; the last runs and files; files waiting in the inbox";

    public void Declare(CommandSyntax syntax) => syntax
        .Number("runs", "N", "how many of the last runs to list (default 5)", min: 1)
        .Warehouse()
        .Json("the status")
        .Example("cchc status", "what the warehouse in this folder holds")
        .Example("cchc status --runs 20 --warehouse duckdb:out/demo/cchc.duckdb", "another warehouse, its last 20 runs");

    public int Run(CommandContext context)
    {
        using var warehouse = context.OpenForReading();
        var report = WarehouseStatus.Read(warehouse, context.Line.IntOption("runs") ?? 5);
        if (context.Json)
        {
            context.WriteJson(report);
            return CliApp.Ok;
        }

        context.Out.WriteLine($"Warehouse {warehouse.Target} (schema version {report.SchemaVersion})");
        foreach (var warning in warehouse.ConfigurationWarnings())
        {
            context.Out.WriteLine("warning: " + warning);
        }

        var indices = new ConsoleTable("index", "years", "first", "last", "provinces", "rows", "synthetic rows", "quarantined");
        foreach (var i in report.Indices)
        {
            indices.Add(i.IndexCode, Str(i.Years), Str(i.FirstYear), Str(i.LastYear), Str(i.Provinces), Str(i.Rows), Str(i.SyntheticRows), Str(i.Quarantined));
        }

        indices.Write(context.Out);
        context.Out.WriteLine();
        context.Out.WriteLine("Last runs");
        var runs = new ConsoleTable("run", "command", "started (UTC)", "status", "files", "failed", "rows", "quarantined", "summary");
        foreach (var r in report.Runs)
        {
            runs.Add(Str(r.RunId), r.Command, r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Status,
                Str(r.FilesLoaded), Str(r.FilesFailed), Str(r.RowsLoaded), Str(r.RowsQuarantined), r.Message);
        }

        runs.Write(context.Out);
        context.Out.WriteLine();
        context.Out.WriteLine("Last files (rows read = loaded + quarantined + skipped)");
        var files = new ConsoleTable("file", "kind", "status", "run", "rows read", "loaded", "quarantined", "skipped");
        foreach (var f in report.Files)
        {
            files.Add(f.FileName, f.Kind, f.Status, Str(f.RunId), Str(f.RowsRead), Str(f.RowsLoaded), Str(f.RowsQuarantined), Str(f.RowsSkipped));
        }

        files.Write(context.Out);
        WriteInbox(context, report);
        return CliApp.Ok;
    }

    /// <summary>Files the nightly left in its inbox: overdue ones loudly, retried ones with their attempts.</summary>
    private static void WriteInbox(CommandContext context, WarehouseStatus report)
    {
        foreach (var d in report.Deferred.Where(d => d.IsOverdue))
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WARNING: {d.FileName} has waited in the inbox since {d.FirstDeferredAt:yyyy-MM-dd HH:mm} UTC ({d.Deferrals} nightly runs): {d.Reason} ({d.Path})"));
        }

        foreach (var a in report.Retried)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"retrying: {a.FileName} failed {a.Attempts} attempt(s) since {a.FirstAttemptAt:yyyy-MM-dd HH:mm} UTC: {a.LastReason ?? $"the attempt in run {a.LastRunId} never finished (the process ended on it)"}"));
        }
    }

    private static string Str(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}

/// <summary>The status summary, as read from the warehouse.</summary>
/// <param name="Files">The last files loaded or refused, with every row accounted for.</param>
/// <param name="Deferred">Files the nightly left in its inbox (overdue ones flagged).</param>
/// <param name="Retried">Files whose nightly attempts failed so far (moved to failed/ at the limit).</param>
internal sealed record WarehouseStatus(
    int SchemaVersion,
    IReadOnlyList<IndexStatus> Indices,
    IReadOnlyList<RunStatus> Runs,
    IReadOnlyList<FileStatus> Files,
    IReadOnlyList<InboxDeferral> Deferred,
    IReadOnlyList<InboxAttempt> Retried)
{
    public static WarehouseStatus Read(IWarehouse warehouse, int runs)
    {
        var indices = warehouse.Query<IndexStatus>(
            """
            SELECT i.index_code AS IndexCode,
                   CAST(COUNT(DISTINCT f.year) AS BIGINT) AS Years, MIN(f.year) AS FirstYear, MAX(f.year) AS LastYear,
                   CAST(COUNT(DISTINCT f.province_key) AS BIGINT) AS Provinces, CAST(COUNT(f.year) AS BIGINT) AS Rows,
                   CAST(COALESCE(SUM(CASE WHEN f.is_synthetic = @synthetic THEN 1 ELSE 0 END), 0) AS BIGINT) AS SyntheticRows,
                   (SELECT CAST(COALESCE(SUM(h.rows_quarantined), 0) AS BIGINT) FROM rpt.load_history h WHERE UPPER(h.kind) = i.index_code) AS Quarantined
            FROM rpt.governance_index i LEFT JOIN rpt.index_score f ON f.index_code = i.index_code
            GROUP BY i.index_code ORDER BY i.index_code
            """,
            new { synthetic = true });
        var lastRuns = warehouse.Query<RunStatus>(
            warehouse.Dialect.Limit(
                """
                SELECT run_id AS RunId, command AS Command, started_at AS StartedAt, ended_at AS EndedAt, status AS Status,
                       files_loaded AS FilesLoaded, files_failed AS FilesFailed, rows_loaded AS RowsLoaded, rows_quarantined AS RowsQuarantined, message AS Message
                FROM rpt.load_run ORDER BY run_id DESC
                """,
                "@runs"),
            new { runs });
        var files = warehouse.Query<FileStatus>(
            warehouse.Dialect.Limit(
                """
                SELECT file_id AS FileId, run_id AS RunId, file_name AS FileName, kind AS Kind, status AS Status, rows_read AS RowsRead,
                       rows_loaded AS RowsLoaded, rows_quarantined AS RowsQuarantined, rows_skipped AS RowsSkipped
                FROM rpt.load_history ORDER BY file_id DESC
                """,
                "@files"),
            new { files = Math.Max(runs * 2, 10) });
        var deferred = warehouse.Query<InboxDeferral>(
            """
            SELECT path AS Path, file_name AS FileName, first_deferred_at AS FirstDeferredAt, last_deferred_at AS LastDeferredAt,
                   deferrals AS Deferrals, reason AS Reason, is_overdue AS IsOverdue
            FROM rpt.inbox_deferral ORDER BY first_deferred_at, path
            """);
        var retried = warehouse.Query<InboxAttempt>(
            """
            SELECT sha256 AS Sha256, file_name AS FileName, attempts AS Attempts, first_attempt_at AS FirstAttemptAt,
                   last_run_id AS LastRunId, last_reason AS LastReason
            FROM rpt.inbox_attempt ORDER BY first_attempt_at, sha256
            """);
        return new WarehouseStatus(warehouse.SchemaVersion, indices, lastRuns, files, deferred, retried);
    }
}

internal sealed record FileStatus(long FileId, long RunId, string FileName, string Kind, string Status, long RowsRead, long RowsLoaded, long RowsQuarantined, long RowsSkipped);

internal sealed record IndexStatus(string IndexCode, long Years, int? FirstYear, int? LastYear, long Provinces, long Rows, long SyntheticRows, long Quarantined);

internal sealed record RunStatus(long RunId, string Command, DateTime StartedAt, DateTime? EndedAt, string Status, int FilesLoaded, int FilesFailed, long RowsLoaded, long RowsQuarantined, string? Message);
