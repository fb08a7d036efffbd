using System.Globalization;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>
/// No row in dw outlives its file: every row of a dw table with a file_id belongs to a loaded file (not a replaced,
/// failed or unknown one), and every agency link of a remediation plan belongs to a plan row that exists. A file is
/// retired with everything it loaded, so a finding here means rows were left behind (e.g. by an older version).
/// </summary>
internal sealed class OrphanRowsRule : IWarehouseRule
{
    public string Name => "orphan-rows";

    public DqSeverity Severity => DqSeverity.Error;

    public string Description => "Every dw row belongs to a loaded file, and every plan agency link to an existing plan row.";

    public IEnumerable<DqFinding> Check(ISqlRunner sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var tables = sql.Query<string>(
            """
            SELECT c.table_name FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = 'dw' AND c.column_name = 'file_id' AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name
            """);
        var findings = new List<DqFinding>();
        foreach (var table in tables)
        {
            // Table names come from the catalogue, never from input.
            var orphans = sql.Query<(long? FileId, string? Status, long Rows)>(
                $"""
                SELECT x.file_id, f.status, COUNT(*) FROM dw.{table} x
                LEFT JOIN etl.file f ON f.file_id = x.file_id
                WHERE f.file_id IS NULL OR f.status <> 'loaded'
                GROUP BY x.file_id, f.status
                ORDER BY x.file_id
                """);
            findings.AddRange(orphans.Select(o => Finding(
                string.Create(CultureInfo.InvariantCulture, $"dw.{table}: {o.Rows} row(s) of file {o.FileId?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, which is {o.Status ?? "not in etl.file"}, not loaded"),
                string.Create(CultureInfo.InvariantCulture, $"table dw.{table}; file {o.FileId}; status {o.Status ?? "missing"}; rows {o.Rows}"),
                o.FileId)));
        }

        var links = sql.Query<long>(
            """
            SELECT COUNT(*) FROM dw.bridge_remediation_task_agency b
            WHERE NOT EXISTS (SELECT 1 FROM dw.fact_remediation_task t WHERE t.task_key = b.task_key)
            """).Single();
        if (links > 0)
        {
            findings.Add(Finding(
                string.Create(CultureInfo.InvariantCulture, $"dw.bridge_remediation_task_agency: {links} agency link(s) to plan rows that no longer exist"),
                string.Create(CultureInfo.InvariantCulture, $"table dw.bridge_remediation_task_agency; rows {links}"),
                null));
        }

        return findings;
    }

    private DqFinding Finding(string message, string values, long? fileId) =>
        new(Name, Severity, DqSubjects.Warehouse, message) { OffendingValues = values, FileId = fileId };
}
