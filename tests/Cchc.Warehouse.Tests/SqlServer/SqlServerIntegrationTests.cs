using System.Data.Common;
using System.Globalization;
using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines;
using Cchc.Warehouse.Engines.SqlServer;
using Microsoft.Data.SqlClient;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// Against a real SQL Server, when <c>CCHC_TEST_SQLSERVER</c> holds a connection string (each test gets its own new
/// database): migrations, loading through SqlBulkCopy + MERGE, the report reader role, and the same answers as the
/// embedded engine. Run them with the command in warehouse/README.md (SQL Server); without it they are skipped.
/// </summary>
[Trait("Category", "SqlServer")]
public sealed class SqlServerIntegrationTests
{
    [SkippableFact]
    public void Migrating_twice_applies_every_script_once_like_the_embedded_engine()
    {
        Skip.If(SqlServerTestDatabase.ServerConnectionString is null, SqlServerTestDatabase.SkipReason);
        using var db = new SqlServerTestDatabase();
        List<(string, string)> ledger;
        int version;
        using (var first = WarehouseFactory.Open(db.Target))
        {
            ledger = first.Query<(string, string)>("SELECT script_name, checksum FROM etl.schema_version").Order().ToList();
            version = first.SchemaVersion;
        }

        using var again = WarehouseFactory.Open(db.Target);
        Assert.Equal(ledger, again.Query<(string, string)>("SELECT script_name, checksum FROM etl.schema_version").Order());
        Assert.Equal(version, again.SchemaVersion);
        Assert.Equal(63 + 1 + 34, again.Query<int>("SELECT COUNT(*) FROM dw.dim_province").Single());
        Assert.Equal(3, again.Query<int>("SELECT COUNT(*) FROM dw.dim_index").Single());
        Assert.True(again.ConfigurationWarnings().Count == 0,
            "READ_COMMITTED_SNAPSHOT should be on after the first migration of a database only this test uses");

        using var duck = new TempWarehouse(WarehouseTarget.DuckDb);
        Assert.Equal(duck.Warehouse.Query<string>("SELECT script_name FROM etl.schema_version").Order(StringComparer.Ordinal), ledger.Select(l => l.Item1).Order(StringComparer.Ordinal));
        Assert.Equal(duck.Warehouse.SchemaVersion, version);
    }

    [SkippableFact]
    public void Scores_load_through_staging_and_merge_and_reload_replaces_them()
    {
        Skip.If(SqlServerTestDatabase.ServerConnectionString is null, SqlServerTestDatabase.SkipReason);
        using var db = new SqlServerTestDatabase();
        using var w = WarehouseFactory.Open(db.Target);
        Assert.Equal(3 * 63, ScoreSamples.Load(w, IndexCodes.Pci, [2015, 2016, 2017]));
        Assert.Equal(3 * 63, w.Query<int>("SELECT COUNT(*) FROM rpt.index_score WHERE index_code = 'PCI'").Single());

        ScoreSamples.Load(w, IndexCodes.Pci, [2016], variant: 1);
        Assert.Equal(3 * 63, w.Query<int>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
        var reloaded = ScoreSamples.For(IndexCodes.Pci, 2016, variant: 1).Sum(s => s.Score!.Value);
        Assert.Equal(reloaded, w.Query<double>("SELECT SUM(score) FROM rpt.index_score WHERE year = 2016").Single(), 6);

        var run = w.StartRun("rolled back");
        using (var session = w.BeginFile(run, new SourceFileInfo("/x/pci-2018.xlsx", "pci", new string('2', 64), 1)))
        {
            session.ReplaceScores(IndexCodes.Pci, [2017], ScoreSamples.For(IndexCodes.Pci, 2017, variant: 2));
        }

        Assert.Equal(3 * 63, w.Query<int>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
        Assert.Equal(0, w.Query<int>("SELECT COUNT(*) FROM etl.file WHERE path = @path", new { path = "/x/pci-2018.xlsx" }).Single());
    }

    [SkippableFact]
    public void Bulk_writer_round_trips_every_value_type_and_merges_on_the_primary_key()
    {
        Skip.If(SqlServerTestDatabase.ServerConnectionString is null, SqlServerTestDatabase.SkipReason);
        using var db = new SqlServerTestDatabase();
        using var w = WarehouseFactory.Open(db.Target);
        w.Execute("CREATE TABLE dw.bulk_probe (id BIGINT NOT NULL PRIMARY KEY, day DATE NULL, at DATETIME2(3) NULL, score FLOAT NULL, flag BIT NULL, name NVARCHAR(100) NULL)");
        string[] columns = ["id", "day", "at", "score", "flag", "name"];
        var run = w.StartRun("probe");
        using (var session = w.BeginFile(run, new SourceFileInfo("/x/a.csv", "probe", new string('a', 64), 1)))
        {
            using var writer = session.CreateBulkWriter("dw.bulk_probe", columns);
            writer.WriteRow([1L, new DateOnly(2025, 7, 1), new DateTime(2025, 7, 1, 8, 30, 15), 70.69, true, "Thừa Thiên Huế"]);
            writer.WriteRow([2L, null, null, null, null, null]);
            writer.Complete();
            session.Commit(new FileLoadOutcome(2, 0, "loaded"));
        }

        using (var session = w.BeginFile(run, new SourceFileInfo("/x/b.csv", "probe", new string('b', 64), 1)))
        {
            using var writer = session.CreateBulkWriter("dw.bulk_probe", columns);
            writer.WriteRow([1L, new DateOnly(2025, 7, 2), null, 71.0, false, "Huế"]);
            writer.WriteRow([3L, null, null, 1.5, null, "Lâm Đồng"]);
            writer.Complete();
            session.Commit(new FileLoadOutcome(2, 0, "loaded"));
        }

        var rows = w.Query<(long Id, DateTime? Day, double? Score, bool? Flag, string? Name)>("SELECT id, day, score, flag, name FROM dw.bulk_probe ORDER BY id");
        Assert.Equal([(1L, new DateTime(2025, 7, 2), 71.0, false, "Huế"), (2L, null, null, null, null), (3L, null, 1.5, null, "Lâm Đồng")], rows);
        Assert.Null(w.Query<DateTime?>("SELECT at FROM dw.bulk_probe WHERE id = 1").Single());
        Assert.Equal(2, w.Query<int>("SELECT COUNT(*) FROM etl.file WHERE kind = 'probe' AND status = 'loaded'").Single());
    }

    [SkippableFact]
    public void Report_reader_role_reads_rpt_and_nothing_else()
    {
        Skip.If(SqlServerTestDatabase.ServerConnectionString is null, SqlServerTestDatabase.SkipReason);
        using var db = new SqlServerTestDatabase();
        using var w = WarehouseFactory.Open(db.Target);
        ScoreSamples.Load(w, IndexCodes.Pci, [2017]);
        var views = w.Query<string>("SELECT name FROM sys.views WHERE schema_id = SCHEMA_ID(N'rpt') ORDER BY name");
        w.Execute("CREATE USER cchc_test_reader WITHOUT LOGIN");
        w.Execute("ALTER ROLE cchc_report_reader ADD MEMBER cchc_test_reader");
        w.Execute("EXECUTE AS USER = N'cchc_test_reader'");
        try
        {
            Assert.Equal(63, w.Query<int>("SELECT COUNT(*) FROM rpt.index_score").Single());
            foreach (var view in views)
            {
                w.Query<dynamic>($"SELECT TOP (1) * FROM rpt.[{view}]");
            }

            string[] forbidden =
            [
                "SELECT TOP (1) * FROM dw.fact_index_score",
                "SELECT TOP (1) * FROM dw.dim_province",
                "SELECT TOP (1) * FROM etl.run",
                "SELECT TOP (1) * FROM etl.file",
                "DELETE FROM rpt.province",
                "UPDATE rpt.governance_index SET index_name = N'x'",
                "INSERT INTO rpt.governance_index (index_code, index_name, index_name_en, publisher, scale_note) VALUES (N'X', N'x', N'x', N'x', N'x')",
                "CREATE TABLE dw.intruder (a INT)",
            ];
            foreach (var sql in forbidden)
            {
                var e = Assert.Throws<SqlException>(() => w.Execute(sql));
                Assert.True(e.Number is 229 or 230 or 262 or 2760, $"{sql}: expected a permission error, got {e.Number}: {e.Message}");
            }
        }
        finally
        {
            w.Execute("REVERT");
        }
    }

    [SkippableFact]
    public void Every_rpt_view_answers_like_the_embedded_engine()
    {
        Skip.If(SqlServerTestDatabase.ServerConnectionString is null, SqlServerTestDatabase.SkipReason);
        using var db = new SqlServerTestDatabase();
        using var sql = WarehouseFactory.Open(db.Target);
        using var duck = new TempWarehouse(WarehouseTarget.DuckDb);
        foreach (var w in new[] { sql, duck.Warehouse })
        {
            ScoreSamples.Load(w, IndexCodes.Pci, [2016, 2017]);
            ScoreSamples.Load(w, IndexCodes.Papi, [2017]);
        }

        var views = sql.Query<string>("SELECT name FROM sys.views WHERE schema_id = SCHEMA_ID(N'rpt')").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(duck.Warehouse.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'rpt' AND table_type = 'VIEW'").Order(StringComparer.Ordinal), views);
        var differences = new List<string>();
        foreach (var view in views)
        {
            var (sqlColumns, sqlRows) = Read(((WarehouseBase)sql).Connection, $"SELECT * FROM rpt.[{view}]");
            var (duckColumns, duckRows) = Read(((WarehouseBase)duck.Warehouse).Connection, $"SELECT * FROM rpt.\"{view}\"");
            if (!sqlColumns.SequenceEqual(duckColumns))
            {
                differences.Add($"rpt.{view}: columns differ — SQL Server ({string.Join(", ", sqlColumns)}), DuckDB ({string.Join(", ", duckColumns)})");
                continue;
            }

            // Audit times differ by nature; everything else must be equal row for row.
            var volatileColumns = view == "load_history" ? new[] { "started_at", "ended_at" } : [];
            var keep = sqlColumns.Select((c, i) => (c, i)).Where(x => !volatileColumns.Contains(x.c)).Select(x => x.i).ToList();
            var a = sqlRows.Select(r => string.Join(" | ", keep.Select(i => r[i]))).Order(StringComparer.Ordinal).ToList();
            var b = duckRows.Select(r => string.Join(" | ", keep.Select(i => r[i]))).Order(StringComparer.Ordinal).ToList();
            var onlySql = a.Except(b).Take(3).ToList();
            var onlyDuck = b.Except(a).Take(3).ToList();
            if (a.Count != b.Count || onlySql.Count > 0 || onlyDuck.Count > 0)
            {
                differences.Add($"rpt.{view}: {a.Count} rows on SQL Server, {b.Count} on DuckDB; only on SQL Server: [{string.Join("; ", onlySql)}]; only on DuckDB: [{string.Join("; ", onlyDuck)}]");
            }
        }

        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>All rows, each value in an engine-neutral text form (dates as yyyy-MM-dd, numbers invariant, rounded).</summary>
    private static (List<string> Columns, List<string[]> Rows) Read(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i))).ToArray());
        }

        return (columns, rows);
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
        double x => Math.Round(x, 9).ToString("R", CultureInfo.InvariantCulture),
        float x => Math.Round(x, 6).ToString("R", CultureInfo.InvariantCulture),
        decimal x => x.ToString("G29", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
