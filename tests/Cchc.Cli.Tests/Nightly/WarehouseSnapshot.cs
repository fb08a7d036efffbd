using Cchc.Warehouse;

namespace Cchc.Cli.Tests.Nightly;

/// <summary>One file as the warehouse holds it after it was loaded.</summary>
internal sealed record LoadedFile(string Name, string Sha256, long FactRows, long RowsQuarantined);

/// <summary>
/// What a warehouse holds, in terms that two warehouses loaded from the same files must agree on whatever runs and
/// crashes it took: rows per dw table, a checksum over every fact row (all columns but the audit ones: file_id,
/// run_id, *_at, which differ between runs), the files loaded in load order, and leftovers a crash could leave.
/// </summary>
internal sealed record WarehouseSnapshot(
    IReadOnlyDictionary<string, long> TableRows,
    IReadOnlyDictionary<string, string> FactChecksums,
    IReadOnlyList<LoadedFile> Loaded,
    long LoadingFiles,
    long OrphanFactRows,
    IReadOnlyList<string> RunStatuses)
{
    private static readonly string[] AuditColumns = ["file_id", "run_id"];

    public long TotalFactRows => Loaded.Sum(f => f.FactRows);

    /// <summary>Opens the warehouse (as the next process would), reads it and closes it again.</summary>
    public static WarehouseSnapshot Read(WarehouseTarget target)
    {
        using var warehouse = WarehouseFactory.Open(target);
        var tables = warehouse.Query<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'dw' AND table_type = 'BASE TABLE' ORDER BY table_name");
        var factTables = tables.Where(t => Columns(warehouse, t).Contains("file_id")).ToList();
        var rows = tables.ToDictionary(t => t, t => warehouse.Query<long>($"SELECT COUNT(*) FROM dw.{t}").Single());
        var checksums = factTables.ToDictionary(t => t, t => Checksum(warehouse, t));
        var loaded = warehouse.Query<(long FileId, string Name, string Sha, long Quarantined)>(
                "SELECT file_id, file_name, sha256, rows_quarantined FROM etl.file WHERE status = 'loaded' ORDER BY file_id")
            .Select(f => new LoadedFile(f.Name, f.Sha, factTables.Sum(t => warehouse.Query<long>($"SELECT COUNT(*) FROM dw.{t} WHERE file_id = @id", new { id = f.FileId }).Single()), f.Quarantined))
            .ToList();
        var orphans = factTables.Sum(t => warehouse.Query<long>(
            $"SELECT COUNT(*) FROM dw.{t} x WHERE NOT EXISTS (SELECT 1 FROM etl.file f WHERE f.file_id = x.file_id AND f.status = 'loaded')" +
            (Columns(warehouse, t).Contains("run_id") ? " OR NOT EXISTS (SELECT 1 FROM etl.run r WHERE r.run_id = x.run_id)" : string.Empty)).Single());
        return new WarehouseSnapshot(
            rows,
            checksums,
            loaded,
            warehouse.Query<long>("SELECT COUNT(*) FROM etl.file WHERE status = 'loading'").Single(),
            orphans,
            warehouse.Query<string>("SELECT status FROM etl.run ORDER BY run_id"));
    }

    private static List<string> Columns(IWarehouse warehouse, string table) =>
        warehouse.Query<string>("SELECT column_name FROM information_schema.columns WHERE table_schema = 'dw' AND table_name = @table ORDER BY ordinal_position", new { table })
            .ToList();

    /// <summary>md5 over the sorted text of every row (column names come from the catalogue, not from input).</summary>
    private static string Checksum(IWarehouse warehouse, string table)
    {
        var columns = Columns(warehouse, table)
            .Where(c => !AuditColumns.Contains(c) && !c.EndsWith("_at", StringComparison.Ordinal))
            .Select(c => $"COALESCE(CAST({c} AS VARCHAR), '~')");
        return warehouse.Query<string?>(
            $"SELECT md5(COALESCE(string_agg(line, chr(10) ORDER BY line), '')) FROM (SELECT concat_ws('|', {string.Join(", ", columns)}) AS line FROM dw.{table})")
            .Single() ?? string.Empty;
    }
}
