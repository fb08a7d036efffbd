using System.Data;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines;
using Cchc.Warehouse.Engines.SqlServer;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// No SQL Server runs here, so every piece of T-SQL the SQL Server engine can send is checked without one: every
/// schema script parses batch by batch at SQL Server 2019's level (as the engine runs them), and every statement the
/// engine sends over a whole migrate-load-audit cycle, recorded from a connection that executes nothing, validates
/// against the DacFx model of the schema with its parameters typed as SqlClient sends them (<see cref="ModelCheck"/>).
/// </summary>
public sealed class TSqlParsingTests
{
    private static readonly SourceFileInfo File = new("/data/pci-2017.xlsx", "pci", new string('a', 64), 1234);

    [Fact]
    public void Every_TSql_schema_script_parses_batch_by_batch()
    {
        var scripts = MigrationScript.For(WarehouseTarget.SqlServer);
        Assert.Contains(scripts, s => s.Name == "0001_core.sql");
        Assert.Contains(scripts, s => s.Name == "views/rpt.index_score.sql");
        var batches = scripts.SelectMany(s => s.Statements().Select((sql, i) => ($"Schema/sqlserver/{s.Name} batch {i + 1}", sql)))
            .Append(("bootstrap", SqlServerStatements.Bootstrap))
            .ToList();
        var withoutGo = scripts.Where(s => !s.Sql.ReplaceLineEndings("\n").Split('\n').Any(l => l.Trim().Equals("GO", StringComparison.OrdinalIgnoreCase))).Select(s => s.Name).ToList();
        Assert.True(withoutGo.Count == 0, "T-SQL scripts must end their batches with GO lines (never rely on ';' at line ends): " + string.Join(", ", withoutGo));
        AssertParses(batches);
    }

    [Fact]
    public void Every_TSql_view_script_is_one_create_or_alter_view_named_like_its_file()
    {
        var problems = new List<string>();
        foreach (var script in MigrationScript.For(WarehouseTarget.SqlServer).Where(s => s.IsRepeatable))
        {
            var expected = Path.GetFileNameWithoutExtension(script.Name.Split('/')[^1]);
            var batches = script.Statements();
            var statements = batches.SelectMany(b => ((TSqlScript)TSql.Parse(b, script.Name)).Batches.SelectMany(x => x.Statements)).ToList();
            if (statements is not [CreateOrAlterViewStatement view])
            {
                problems.Add($"{script.Name}: must hold exactly one CREATE OR ALTER VIEW (re-run whenever its text changes), found {string.Join(", ", statements.Select(s => s.GetType().Name))}");
                continue;
            }

            var name = TSqlSchema.Name(view.SchemaObjectName);
            if (!string.Equals(name, expected, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{script.Name}: defines {name}, expected {expected}");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Every_statement_the_engine_sends_over_a_load_cycle_validates_against_the_schema_model()
    {
        var schema = TSqlSchema.FromEngineScripts();
        var connection = new RecordingConnection { Respond = (sql, parameters) => AnswerCatalogQueries(schema, sql, parameters) };
        using (var warehouse = SqlServerRecording.Open(connection))
        {
            var run = warehouse.StartRun("load pci");
            using (var session = warehouse.BeginFile(run, File))
            {
                var rejected = session.ReplaceScores(IndexCodes.Pci, [2017], [
                    new ScoreRecord(IndexCodes.Pci, 2017, "22", IndexCodes.Total, 70.69, 1, false, new SourceLocation("pci-2017.xlsx", "Summary", 5, "C")),
                ]);
                session.Quarantine(rejected);
                session.Commit(new FileLoadOutcome(0, rejected.Count, "loaded"));
            }

            warehouse.RecordFailedFile(run, File with { Path = "/data/broken.xlsx" }, "no header", [new QuarantineRecord(new SourceLocation("broken.xlsx"), "no header")]);
            warehouse.FinishRun(run, "partial", "1 of 2 files failed");
        }

        var sent = connection.Statements;
        Assert.Contains(sent, s => s.Contains("sp_getapplock", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("CREATE TABLE dw.fact_index_score", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.StartsWith("INSERT INTO dw.dim_province", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.StartsWith("SELECT TOP (0)", StringComparison.Ordinal) && s.Contains("INTO [#cchc_stage_fact_index_score", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.StartsWith("MERGE INTO [dw].[fact_index_score]", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("INSERT INTO etl.quarantine", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("UPDATE etl.[file] SET status", StringComparison.Ordinal));
        Assert.Contains(sent, s => s.Contains("UPDATE etl.run SET ended_at", StringComparison.Ordinal));
        AssertParses(sent.Select((sql, i) => ($"statement {i + 1} sent", sql)));
        var migrations = MigrationScript.For(WarehouseTarget.SqlServer)
            .Append(new MigrationScript(WarehouseTarget.SqlServer, "bootstrap", 0, SqlServerStatements.Bootstrap))
            .SelectMany(s => s.Statements())
            .ToHashSet(StringComparer.Ordinal);
        var commands = connection.Commands.Where(c => !migrations.Contains(c.Sql)).ToList();
        Assert.True(commands.Count > 20, $"only {commands.Count} statements besides the migrations");
        AssertValid(ModelCheck.Typed(commands, "statement sent"));
    }

    [Fact]
    public void Generated_staging_and_merge_statements_validate_for_every_table()
    {
        var schema = TSqlSchema.FromEngineScripts();
        Assert.Contains("dw.fact_index_score", schema.Tables.Keys);
        var generated = new List<(string, string)>();
        foreach (var table in schema.Tables.Values)
        {
            var columns = table.Columns.Select(c => c.Name).ToList();
            var stage = $"#cchc_stage_{table.Name.Split('.')[1]}_1";
            generated.Add(($"{table.Name} create stage", SqlServerStatements.CreateStage(stage, table.Name, columns)));
            generated.Add(($"{table.Name} merge", SqlServerStatements.MergeStage(stage, table.Name, columns, table.PrimaryKey)));
            generated.Add(($"{table.Name} insert (no key)", SqlServerStatements.MergeStage(stage, table.Name, columns, [])));
            generated.Add(($"{table.Name} drop stage", SqlServerStatements.DropStage(stage)));
        }

        AssertValid(generated.Select(g => new TypedStatement(g.Item1, g.Item2, [])));
        generated.Add(("read committed snapshot", SqlServerStatements.ReadCommittedSnapshot));
        generated.Add(("table columns", SqlServerStatements.TableColumns));
        generated.Add(("primary key columns", SqlServerStatements.PrimaryKeyColumns));
        generated.Add(("acquire migration lock", SqlServerStatements.AcquireMigrationLock));
        generated.Add(("release migration lock", SqlServerStatements.ReleaseMigrationLock));
        AssertParses(generated);
    }

    [Fact]
    public void Merge_updates_non_key_columns_and_inserts_new_keys()
    {
        var sql = SqlServerStatements.MergeStage("#s", "dw.fact_index_score", ["year", "province_key", "criterion_key", "score"], ["year", "province_key", "criterion_key"]);
        Assert.Equal(
            """
            MERGE INTO [dw].[fact_index_score] WITH (HOLDLOCK) AS t
            USING [#s] AS s
            ON t.[year] = s.[year] AND t.[province_key] = s.[province_key] AND t.[criterion_key] = s.[criterion_key]
            WHEN MATCHED THEN UPDATE SET t.[score] = s.[score]
            WHEN NOT MATCHED BY TARGET THEN INSERT ([year], [province_key], [criterion_key], [score])
                VALUES (s.[year], s.[province_key], s.[criterion_key], s.[score]);
            """.ReplaceLineEndings("\n"),
            sql);
        Assert.Throws<ArgumentException>(() => SqlServerStatements.CreateStage("#s", "dw.t; DROP TABLE x", ["a"]));
    }

    [Theory]
    [InlineData("SELECT * FROM etl.file f", "SELECT * FROM etl.[file] f")]
    [InlineData("UPDATE etl.file SET status = @s WHERE file_id = @id", "UPDATE etl.[file] SET status = @s WHERE file_id = @id")]
    [InlineData("SELECT f.file_id FROM etl.file_archive f", "SELECT f.file_id FROM etl.file_archive f")]
    [InlineData("SELECT * FROM dw.plan p JOIN etl.[file] x ON 1 = 1", "SELECT * FROM dw.[plan] p JOIN etl.[file] x ON 1 = 1")]
    [InlineData("SELECT * FROM dw.fact_index_score", "SELECT * FROM dw.fact_index_score")]
    [InlineData("SELECT e.file FROM etl.run e", "SELECT e.file FROM etl.run e")]
    public void SqlServer_dialect_brackets_reserved_words_used_as_table_names(string portable, string expected)
    {
        Assert.Equal(expected, SqlServerDialect.Instance.Parameters(portable));
        Assert.Equal(portable.Replace("@", "$", StringComparison.Ordinal), DuckDbDialect.Instance.Parameters(portable));
    }

    private static void AssertParses(IEnumerable<(string Origin, string Sql)> statements)
    {
        var failures = TSql.Failures(statements);
        Assert.True(failures.Count == 0, $"{failures.Count} T-SQL statement(s) do not parse:\n" + string.Join("\n", failures));
    }

    private static void AssertValid(IEnumerable<TypedStatement> statements)
    {
        var failures = ModelCheck.Failures(statements);
        Assert.True(failures.Count == 0, $"{failures.Count} statement(s) do not validate against the schema model:\n" + string.Join("\n", failures));
    }

    private static DataTable? AnswerCatalogQueries(TSqlSchema schema, string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        if (sql != SqlServerStatements.TableColumns && sql != SqlServerStatements.PrimaryKeyColumns)
        {
            return null;
        }

        var name = ((string)parameters["table"]!).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        var table = schema.Tables[name];
        if (sql == SqlServerStatements.TableColumns)
        {
            var columns = SqlServerRecording.Rows(("Name", typeof(string)), ("TypeName", typeof(string)));
            foreach (var column in table.Columns)
            {
                columns.Rows.Add(column.Name, column.SqlType);
            }

            return columns;
        }

        var keys = SqlServerRecording.Rows(("name", typeof(string)));
        foreach (var key in table.PrimaryKey)
        {
            keys.Rows.Add(key);
        }

        return keys;
    }
}
