using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cchc.Warehouse.Reference;
using Dapper;

namespace Cchc.Warehouse.Engines;

/// <summary>
/// Keeps the reference dimensions equal to the embedded seeds. Runs on every open but only writes when a seed's
/// checksum changed. Criterion keys are stable: rows are matched on (index, code, valid_from_year).
/// </summary>
internal sealed class SeedSync(WarehouseBase warehouse)
{
    public void Apply()
    {
        var current = warehouse.Connection.Query<(string Name, string Checksum)>("SELECT seed_name, checksum FROM etl.seed_state")
            .ToDictionary(r => r.Name, r => r.Checksum, StringComparer.Ordinal);

        var provinceSeeds = SeedData.Names().Where(n => n.StartsWith("provinces-", StringComparison.Ordinal));
        SyncIfChanged(current, "provinces", string.Concat(provinceSeeds.Select(SeedData.ReadText)), SyncProvinces);
        SyncIfChanged(current, "indices", SeedData.ReadText("indices.csv"), SyncIndices);
        foreach (var criteriaSeed in SeedData.Names().Where(n => n.StartsWith("criteria-", StringComparison.Ordinal)))
        {
            SyncIfChanged(current, criteriaSeed, SeedData.ReadText(criteriaSeed), tx => SyncCriteria(criteriaSeed, tx));
        }

        SyncIfChanged(current, ParMappingSeed, SeedData.ReadText(ParMappingSeed), SyncParCriterionMapping);
    }

    private const string ParMappingSeed = "par-criterion-mapping.csv";

    private void SyncIfChanged(Dictionary<string, string> current, string name, string content, Action<System.Data.Common.DbTransaction> sync)
    {
        var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
        if (current.TryGetValue(name, out var known) && known == checksum)
        {
            return;
        }

        using var transaction = warehouse.Connection.BeginTransaction();
        sync(transaction);
        Exec("DELETE FROM etl.seed_state WHERE seed_name = @name", new { name }, transaction);
        Exec("INSERT INTO etl.seed_state (seed_name, checksum, applied_at) VALUES (@name, @checksum, @now)",
            new { name, checksum, now = DateTime.UtcNow }, transaction);
        transaction.Commit();
    }

    private void SyncProvinces(System.Data.Common.DbTransaction tx)
    {
        Exec("DELETE FROM dw.dim_province", null, tx);
        foreach (var p in ProvinceCatalog.Default.All)
        {
            Exec(
                """
                INSERT INTO dw.dim_province (province_key, gso_code, official_name, short_name, province_type, valid_from, valid_to,
                    code_2025, merged_into_code, formed_from_codes)
                VALUES (@Key, @GsoCode, @OfficialName, @ShortName, @ProvinceType, @validFrom, @validTo, @Code2025, @MergedIntoCode, @formedFrom)
                """,
                new
                {
                    p.Key, p.GsoCode, p.OfficialName, p.ShortName, p.ProvinceType,
                    validFrom = p.ValidFrom.ToDateTime(TimeOnly.MinValue),
                    validTo = p.ValidTo?.ToDateTime(TimeOnly.MinValue),
                    p.Code2025, p.MergedIntoCode,
                    formedFrom = string.Join(' ', p.FormedFromCodes),
                },
                tx);
        }
    }

    private void SyncIndices(System.Data.Common.DbTransaction tx)
    {
        foreach (var row in SeedData.ReadCsv("indices.csv"))
        {
            Exec("DELETE FROM dw.dim_index WHERE index_code = @code", new { code = row["index_code"] }, tx);
            Exec(
                "INSERT INTO dw.dim_index (index_code, name_vi, name_en, publisher, scale_note) VALUES (@code, @vi, @en, @publisher, @scale)",
                new { code = row["index_code"], vi = row["name_vi"], en = row["name_en"], publisher = row["publisher"], scale = row["scale_note"] },
                tx);
        }
    }

    private static readonly string[] CriterionColumns =
    [
        "criterion_key", "index_code", "version_code", "criterion_code", "parent_code", "level", "name_vi", "name_en",
        "max_points", "weight", "points_source", "valid_from_year", "valid_to_year", "is_illustrative", "note",
    ];

    private void SyncCriteria(string seedName, System.Data.Common.DbTransaction tx)
    {
        var rows = SeedData.ReadCsv(seedName);
        var indexCodes = rows.Select(r => r["index_code"]).Distinct().ToList();
        var existing = warehouse.Connection.Query<(int Key, string Index, string Code, int From)>(
                "SELECT criterion_key, index_code, criterion_code, valid_from_year FROM dw.dim_criterion", transaction: tx)
            .ToDictionary(r => (r.Index, r.Code, r.From), r => r.Key);
        var nextKey = warehouse.Connection.ExecuteScalar<int>("SELECT COALESCE(MAX(criterion_key), 0) + 1 FROM dw.dim_criterion", transaction: tx);
        var seen = new HashSet<int>();
        var keyed = new List<(int Key, IReadOnlyDictionary<string, string> Row)>();
        foreach (var row in rows)
        {
            var from = int.Parse(row["valid_from_year"], CultureInfo.InvariantCulture);
            var naturalKey = (row["index_code"], row["criterion_code"], from);
            if (!existing.TryGetValue(naturalKey, out var key))
            {
                key = nextKey++;
            }

            if (!seen.Add(key))
            {
                throw new InvalidOperationException($"Seed {seedName} repeats criterion {naturalKey}.");
            }

            keyed.Add((key, row));
        }

        // Rows dropped from the seed disappear unless facts still point at them (then the seed is wrong: say so).
        foreach (var index in indexCodes)
        {
            var stale = existing.Where(e => e.Key.Index == index && !seen.Contains(e.Value)).Select(e => e.Value).ToList();
            foreach (var key in stale)
            {
                var used = warehouse.Connection.ExecuteScalar<long>(
                    warehouse.Dialect.Parameters("SELECT COUNT(*) FROM dw.fact_index_score WHERE criterion_key = @key"), new { key }, tx);
                if (used > 0)
                {
                    throw new InvalidOperationException(
                        $"Seed {seedName} no longer defines criterion key {key}, but {used} scores use it. Reload or keep the row with a valid_to_year.");
                }
            }

            Exec("DELETE FROM dw.dim_criterion WHERE index_code = @index", new { index }, tx);
        }

        // Keys are kept, so facts keep pointing at their criterion; a catalogue of hundreds of rows goes in one bulk write.
        using var writer = RowWriter(tx, "dw.dim_criterion", CriterionColumns);
        foreach (var (key, row) in keyed)
        {
            int criterionKey = key;
            int level = int.Parse(row["level"], CultureInfo.InvariantCulture);
            int from = int.Parse(row["valid_from_year"], CultureInfo.InvariantCulture);
            int? to = string.IsNullOrEmpty(row["valid_to_year"]) ? null : int.Parse(row["valid_to_year"], CultureInfo.InvariantCulture);
            bool illustrative = row["is_illustrative"] is "true" or "1";
            writer.WriteRow([criterionKey, row["index_code"], row["version_code"], row["criterion_code"], NullIfEmpty(row["parent_code"]), level,
                row["name_vi"], row["name_en"], ParseDouble(row["max_points"]), ParseDouble(row["weight"]), NullIfEmpty(row["points_source"]),
                from, to, illustrative, NullIfEmpty(row["note"])]);
        }

        writer.Complete();
    }

    /// <summary>The PAR version mapping is a plain list (no keys referenced by facts): replaced whole.</summary>
    private void SyncParCriterionMapping(System.Data.Common.DbTransaction tx)
    {
        Exec("DELETE FROM dw.par_criterion_mapping", null, tx);
        using var writer = RowWriter(tx, "dw.par_criterion_mapping",
            ["from_version", "from_code", "to_version", "to_code", "change_type", "is_illustrative", "note"]);
        foreach (var row in SeedData.ReadCsv(ParMappingSeed))
        {
            bool illustrative = row["is_illustrative"] is "true" or "1";
            writer.WriteRow([row["from_version"], NullIfEmpty(row["from_code"]), row["to_version"], NullIfEmpty(row["to_code"]),
                row["change_type"], illustrative, NullIfEmpty(row["note"])]);
        }

        writer.Complete();
    }

    /// <summary>DuckDB's appender for speed; elsewhere plain parameterised inserts (seeds are a few hundred rows), which
    /// keep every statement SQL Server receives visible to the T-SQL parsing tests.</summary>
    private IBulkWriter RowWriter(System.Data.Common.DbTransaction tx, string table, IReadOnlyList<string> columns) =>
        warehouse.Dialect is DuckDbDialect
            ? warehouse.CreateBulkWriter(tx, table, columns)
            : new InsertRowWriter(warehouse, tx, table, columns);

    private sealed class InsertRowWriter(WarehouseBase warehouse, System.Data.Common.DbTransaction tx, string table, IReadOnlyList<string> columns) : ObjectRowWriter(table, columns.Count)
    {
        private readonly string _sql = warehouse.Dialect.Parameters(
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})");

        public override void WriteRow(ReadOnlySpan<object?> values)
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < values.Length; i++)
            {
                parameters.Add("p" + i.ToString(CultureInfo.InvariantCulture), values[i]);
            }

            warehouse.Connection.Execute(_sql, parameters, tx);
        }

        public override void Complete()
        {
        }

        public override void Dispose()
        {
        }
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static double? ParseDouble(string value) =>
        string.IsNullOrWhiteSpace(value) ? null : double.Parse(value, CultureInfo.InvariantCulture);

    private void Exec(string sql, object? param, System.Data.Common.DbTransaction tx) =>
        warehouse.Connection.Execute(warehouse.Dialect.Parameters(sql), param, tx);
}
