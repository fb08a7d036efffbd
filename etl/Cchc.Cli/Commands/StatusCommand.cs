using System.Globalization;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc status</c>: what is loaded per index (years, provinces, rows) and the last runs. It opens the warehouse
/// read-only and reads rpt views only, so a member of the report reader role may run it.
/// </summary>
public sealed class StatusCommand : ICommand
{
    public string Name => "status";

    public string Usage => "status [--json] [--runs N]";

    public string Summary => "What is loaded: per index years, provinces, rows; the last runs";

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

        var indices = new TextTable("index", "years", "first", "last", "provinces", "rows", "synthetic rows", "quarantined");
        foreach (var i in report.Indices)
        {
            indices.Add(i.IndexCode, Str(i.Years), Str(i.FirstYear), Str(i.LastYear), Str(i.Provinces), Str(i.Rows), Str(i.SyntheticRows), Str(i.Quarantined));
        }

        indices.Write(context.Out);
        context.Out.WriteLine();
        context.Out.WriteLine("Last runs");
        var runs = new TextTable("run", "command", "started (UTC)", "status", "files", "failed", "rows", "quarantined", "summary");
        foreach (var r in report.Runs)
        {
            runs.Add(Str(r.RunId), r.Command, r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.Status,
                Str(r.FilesLoaded), Str(r.FilesFailed), Str(r.RowsLoaded), Str(r.RowsQuarantined), r.Message);
        }

        runs.Write(context.Out);
        return CliApp.Ok;
    }

    private static string Str(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}

/// <summary>The status summary, as read from the warehouse.</summary>
public sealed record WarehouseStatus(int SchemaVersion, IReadOnlyList<IndexStatus> Indices, IReadOnlyList<RunStatus> Runs)
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
        return new WarehouseStatus(warehouse.SchemaVersion, indices, lastRuns);
    }
}

public sealed record IndexStatus(string IndexCode, long Years, int? FirstYear, int? LastYear, long Provinces, long Rows, long SyntheticRows, long Quarantined);

public sealed record RunStatus(long RunId, string Command, DateTime StartedAt, DateTime? EndedAt, string Status, int FilesLoaded, int FilesFailed, long RowsLoaded, long RowsQuarantined, string? Message);
