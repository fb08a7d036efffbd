using Cchc.Warehouse.Engines;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// Both engines must declare the same tables (same columns, same order, compatible types, same nullability) and the
/// same views (same column names, same order): loaders and Power BI see one warehouse whichever engine runs it.
/// The DuckDB side is read from a migrated warehouse's information_schema; the SQL Server side from the T-SQL scripts
/// with ScriptDom. Every difference is listed, naming the table and column.
/// </summary>
[Collection(LoadedWarehouseGroup.Name)]
public sealed class EngineParityTests(LoadedWarehouse loaded)
{
    /// <summary>Facts that grow by millions of rows a year: their T-SQL twins must be clustered columnstore.</summary>
    private static readonly string[] LargeFacts = ["dw.fact_dossier"];

    private sealed record DuckColumn(string Schema, string Table, string Kind, string Column, string DataType, string Nullable)
    {
        public string Name => $"{Schema}.{Table}".ToLowerInvariant();
    }

    [Fact]
    public void Both_engines_declare_the_same_tables_with_compatible_columns()
    {
        var (duck, tsql) = Read();
        var duckTables = duck.Where(c => c.Kind == "BASE TABLE").GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Contains("dw.fact_index_score", duckTables.Keys);
        var problems = new List<string>();
        foreach (var name in duckTables.Keys.Except(tsql.Tables.Keys, StringComparer.OrdinalIgnoreCase).Order())
        {
            problems.Add($"table {name}: on DuckDB but no Schema/sqlserver script creates it — add its T-SQL twin");
        }

        foreach (var name in tsql.Tables.Keys.Except(duckTables.Keys, StringComparer.OrdinalIgnoreCase).Order())
        {
            problems.Add($"table {name}: created by a Schema/sqlserver script but not on DuckDB");
        }

        foreach (var (name, duckColumns) in duckTables.Where(t => tsql.Tables.ContainsKey(t.Key)).OrderBy(t => t.Key))
        {
            var sqlColumns = tsql.Tables[name].Columns;
            foreach (var d in duckColumns)
            {
                var s = sqlColumns.FirstOrDefault(c => string.Equals(c.Name, d.Column, StringComparison.OrdinalIgnoreCase));
                if (s is null)
                {
                    problems.Add($"column {name}.{d.Column}: on DuckDB ({d.DataType}) but not in the T-SQL twin");
                    continue;
                }

                var family = DuckFamily(d.DataType);
                if (family != s.Family)
                {
                    problems.Add($"column {name}.{d.Column}: DuckDB {d.DataType} ({family}) but SQL Server {s.TypeName} ({s.Family})");
                }

                var duckNullable = d.Nullable == "YES";
                if (duckNullable != s.Nullable)
                {
                    problems.Add($"column {name}.{d.Column}: {(duckNullable ? "nullable" : "NOT NULL")} on DuckDB but {(s.Nullable ? "nullable" : "NOT NULL")} on SQL Server");
                }
            }

            foreach (var s in sqlColumns.Where(s => !duckColumns.Any(d => string.Equals(d.Column, s.Name, StringComparison.OrdinalIgnoreCase))))
            {
                problems.Add($"column {name}.{s.Name}: in the T-SQL twin ({s.TypeName}) but not on DuckDB");
            }

            var duckOrder = duckColumns.Select(c => c.Column.ToLowerInvariant()).ToList();
            var sqlOrder = sqlColumns.Select(c => c.Name.ToLowerInvariant()).ToList();
            if (duckOrder.Count == sqlOrder.Count && duckOrder.Order().SequenceEqual(sqlOrder.Order()) && !duckOrder.SequenceEqual(sqlOrder))
            {
                problems.Add($"table {name}: column order differs (bulk writers pass every column in table order) — DuckDB ({string.Join(", ", duckOrder)}), SQL Server ({string.Join(", ", sqlOrder)})");
            }
        }

        Assert.True(problems.Count == 0, "The engines' tables differ:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Both_engines_declare_the_same_views_with_the_same_columns()
    {
        var (duck, tsql) = Read();
        var duckViews = duck.Where(c => c.Kind == "VIEW").GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Select(c => c.Column).ToList());
        Assert.Contains("rpt.index_score", duckViews.Keys);
        Assert.Contains("rpt.calendar", duckViews.Keys);
        var problems = new List<string>();
        foreach (var name in duckViews.Keys.Except(tsql.Views.Keys, StringComparer.OrdinalIgnoreCase).Order())
        {
            problems.Add($"view {name}: on DuckDB but no Schema/sqlserver/views script creates it — add its T-SQL twin");
        }

        foreach (var name in tsql.Views.Keys.Except(duckViews.Keys, StringComparer.OrdinalIgnoreCase).Order())
        {
            problems.Add($"view {name}: created by a Schema/sqlserver script but not on DuckDB");
        }

        foreach (var (name, duckColumns) in duckViews.Where(v => tsql.Views.ContainsKey(v.Key)).OrderBy(v => v.Key))
        {
            var sqlColumns = tsql.Views[name];
            var missing = duckColumns.Except(sqlColumns, StringComparer.OrdinalIgnoreCase).ToList();
            var extra = sqlColumns.Except(duckColumns, StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count > 0)
            {
                problems.Add($"view {name}: columns on DuckDB but not on SQL Server: {string.Join(", ", missing)}");
            }

            if (extra.Count > 0)
            {
                problems.Add($"view {name}: columns on SQL Server but not on DuckDB: {string.Join(", ", extra)}");
            }

            if (missing.Count == 0 && extra.Count == 0 && !duckColumns.SequenceEqual(sqlColumns, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"view {name}: column order differs — DuckDB ({string.Join(", ", duckColumns)}), SQL Server ({string.Join(", ", sqlColumns)})");
            }
        }

        Assert.True(problems.Count == 0, "The engines' views differ:\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// Lengths, not only type families: every limited text column of the T-SQL schema (ScriptDom's reading) is limited
    /// to the same length by what both engines enforce (<see cref="ColumnLimits"/>: the bulk writers and the loaders'
    /// parse-time checks), and where DuckDB itself reports a length it is the same one.
    /// </summary>
    [Fact]
    public void Both_engines_limit_every_text_column_to_the_same_length()
    {
        var (duck, tsql) = Read();
        var declared = tsql.Tables.Values
            .SelectMany(t => t.Columns.Where(c => c.Family == "text").Select(c => (Table: t.Name, Column: c.Name.ToLowerInvariant(), Length: Length(c.TypeName))))
            .Where(c => c.Length is not null)
            .ToDictionary(c => (c.Table, c.Column), c => c.Length!.Value);
        Assert.Equal(200, declared[("dw.fact_dossier", "dossier_code")]);
        var enforced = ColumnLimits.Default.All;
        var problems = declared.Where(d => !enforced.TryGetValue(d.Key, out var e) || e != d.Value)
            .Select(d => $"column {d.Key.Table}.{d.Key.Column}: NVARCHAR({d.Value}) on SQL Server but {(enforced.TryGetValue(d.Key, out var e) ? e.ToString(System.Globalization.CultureInfo.InvariantCulture) : "no limit")} enforced on DuckDB")
            .Concat(enforced.Keys.Except(declared.Keys).Select(k => $"column {k.Table}.{k.Column}: limited to {enforced[k]} but SQL Server declares no such limit"))
            .ToList();
        var duckLengths = loaded.Warehouse.Query<(string Schema, string Table, string Column, long? Length)>(
            """
            SELECT table_schema, table_name, column_name, character_maximum_length FROM information_schema.columns
            WHERE table_catalog = current_database() AND character_maximum_length IS NOT NULL AND table_schema IN ('dw', 'etl')
            """);
        problems.AddRange(duckLengths
            .Where(d => declared.GetValueOrDefault(($"{d.Schema}.{d.Table}".ToLowerInvariant(), d.Column.ToLowerInvariant())) != d.Length)
            .Select(d => $"column {d.Schema}.{d.Table}.{d.Column}: DuckDB declares VARCHAR({d.Length}), SQL Server another length"));
        Assert.True(problems.Count == 0, "The engines' text lengths differ:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Both_engines_bulk_writers_refuse_an_over_long_value_the_same_way()
    {
        var run = loaded.Warehouse.StartRun("parity probe");
        InvalidOperationException duck;
        using (var session = loaded.Warehouse.BeginFile(run, new SourceFileInfo("/x/probe.csv", "probe", new string('p', 64), 1)))
        {
            using var stage = session.CreateBulkWriter("etl.stage_dossier", DossierStageColumns);
            duck = Assert.Throws<InvalidOperationException>(() =>
                stage.WriteRow([1L, "68", new string('x', 201), 68, 0, 1, 1, 1, null, "processing", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 5), null, null, false, 2]));
        }

        loaded.Warehouse.FinishRun(run, "failed", "parity probe: nothing written");
        using var buffer = new Engines.SqlServer.StagingBuffer(DossierStageColumns.Select(c => new Engines.SqlServer.SqlColumn(c, c.EndsWith("_date", StringComparison.Ordinal) ? "date" : c is "dossier_key" ? "bigint" : c is "is_synthetic" ? "bit" : c.EndsWith("_key", StringComparison.Ordinal) || c == "source_line" ? "int" : "nvarchar")).ToList(), "etl.stage_dossier");
        var sql = Assert.Throws<InvalidOperationException>(() =>
            buffer.Add([1L, "68", new string('x', 201), 68, 0, 1, 1, 1, null, "processing", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 5), null, null, false, 2]));
        Assert.Equal(sql.Message, duck.Message);
        Assert.Contains("does not fit column etl.stage_dossier.dossier_code (at most 200)", duck.Message, StringComparison.Ordinal);
    }

    private static readonly string[] DossierStageColumns =
    [
        "dossier_key", "province_code_2025", "dossier_code", "province_key", "procedure_key", "agency_key", "level_key",
        "channel_key", "service_level", "status_code", "received_date", "due_date", "resolved_date", "returned_date", "is_synthetic", "source_line",
    ];

    private static int? Length(string typeName) =>
        System.Text.RegularExpressions.Regex.Match(typeName, @"^N?(VAR)?CHAR\((\d+)\)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase) is { Success: true } m
            ? int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    [Fact]
    public void The_onestop_report_view_has_exactly_its_documented_columns_on_both_engines()
    {
        var documented = ViewDocumentation.ReadReadme().Views.Single(v => v.Name == "onestop_report").Columns.Select(c => c.Name).ToList();
        Assert.Equal(21, documented.Count);
        var (duck, tsql) = Read();
        Assert.Equal(documented, duck.Where(c => c.Name == "rpt.onestop_report").Select(c => c.Column));
        Assert.Equal(documented, tsql.Views["rpt.onestop_report"]);
        var types = duck.Where(c => c.Name == "rpt.onestop_report").ToDictionary(c => c.Column, c => DuckFamily(c.DataType));
        Assert.Equal(("date", "date", "float64", "boolean", "bigint"), (types["period_start"], types["period_end"], types["on_time_rate"], types["is_synthetic"], types["file_id"]));
        Assert.All(documented.Where(c => c.StartsWith("received", StringComparison.Ordinal) || c.StartsWith("resolved", StringComparison.Ordinal) || c.StartsWith("pending", StringComparison.Ordinal)),
            c => Assert.Equal("integer", types[c]));
    }

    [Fact]
    public void Every_numbered_script_has_a_twin_with_the_same_name()
    {
        var duck = MigrationScript.For(WarehouseTarget.DuckDb).Select(s => s.Name).ToList();
        var sql = MigrationScript.For(WarehouseTarget.SqlServer).Select(s => s.Name).ToList();
        var problems = duck.Except(sql).Select(n => $"Schema/duckdb/{n} has no twin Schema/sqlserver/{n}")
            .Concat(sql.Except(duck).Select(n => $"Schema/sqlserver/{n} has no twin Schema/duckdb/{n} (add one, a comment if DuckDB has nothing to do)"))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(
            MigrationScript.For(WarehouseTarget.DuckDb).Max(s => s.Version),
            MigrationScript.For(WarehouseTarget.SqlServer).Max(s => s.Version));
    }

    [Fact]
    public void Large_facts_are_clustered_columnstore_on_SqlServer_and_small_ones_keep_a_clustered_key()
    {
        var tsql = TSqlSchema.FromEngineScripts();
        var problems = LargeFacts
            .Where(tsql.Tables.ContainsKey)
            .Where(name => !tsql.Tables[name].HasClusteredColumnstore)
            .Select(name => $"{name}: a large fact (millions of rows a year) — its T-SQL twin needs CREATE CLUSTERED COLUMNSTORE INDEX (with a NONCLUSTERED primary key); see warehouse/README.md, SQL Server")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var scores = tsql.Tables["dw.fact_index_score"];
        Assert.False(scores.HasClusteredColumnstore);
        Assert.Equal(["year", "province_key", "criterion_key"], scores.PrimaryKey);
    }

    private (List<DuckColumn> Duck, TSqlSchema TSql) Read()
    {
        var duck = loaded.Warehouse.Query<DuckColumn>(
            """
            SELECT c.table_schema AS Schema, c.table_name AS "Table", t.table_type AS Kind, c.column_name AS "Column",
                   c.data_type AS DataType, c.is_nullable AS Nullable
            FROM information_schema.columns c
            JOIN information_schema.tables t
              ON t.table_catalog = c.table_catalog AND t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_catalog = current_database() AND c.table_schema NOT IN ('main', 'information_schema', 'pg_catalog')
            ORDER BY c.table_schema, c.table_name, c.ordinal_position
            """).ToList();
        return (duck, TSqlSchema.FromEngineScripts());
    }

    /// <summary>DuckDB's type names in the families <see cref="TSqlSchema.Family"/> uses.</summary>
    private static string DuckFamily(string dataType)
    {
        var type = dataType.ToUpperInvariant();
        return type switch
        {
            "VARCHAR" or "TEXT" => "text",
            "BOOLEAN" => "boolean",
            "TINYINT" => "tinyint",
            "SMALLINT" => "smallint",
            "INTEGER" => "integer",
            "BIGINT" => "bigint",
            "FLOAT" or "REAL" => "float32",
            "DOUBLE" => "float64",
            "DATE" => "date",
            "TIMESTAMP" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP_S" => "timestamp",
            "TIMESTAMP WITH TIME ZONE" => "timestamptz",
            "TIME" => "time",
            "UUID" => "uuid",
            "BLOB" => "blob",
            _ when type.StartsWith("DECIMAL(", StringComparison.Ordinal) => "decimal" + type["DECIMAL".Length..].Replace(" ", "", StringComparison.Ordinal),
            _ when type.StartsWith("VARCHAR(", StringComparison.Ordinal) => "text",
            _ => "unmapped " + type,
        };
    }
}
