using Cchc.Warehouse.Dacpac;
using Cchc.Warehouse.Engines;
using Microsoft.SqlServer.Dac;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// The DacFx model of the SQL Server schema, read from the very scripts the migrations run, validates like an SSDT
/// build: no errors and no unresolved references. It holds every table and view the scripts create (new scripts are
/// picked up without edits), and the DAC package built from it carries the reference rows and the migration ledger.
/// </summary>
public sealed class SchemaModelTests
{
    [Fact]
    public void The_model_of_the_migrations_validates_with_no_errors_and_no_unresolved_references()
    {
        using var model = SchemaModel.Build();
        var problems = model.Validate();
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) in the schema model:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_model_holds_every_table_and_view_the_scripts_declare()
    {
        using var model = SchemaModel.Build();
        var names = model.ObjectNames.Select(o => $"{o.Kind} {o.Name}").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var declared = TSqlSchema.FromEngineScripts();
        var missing = declared.Tables.Keys.Where(t => !names.Contains("Table " + t))
            .Concat(declared.Views.Keys.Where(v => !names.Contains("View " + v)))
            .ToList();
        Assert.True(missing.Count == 0, "not in the model: " + string.Join(", ", missing));
        Assert.Contains("Table etl.schema_version", names);
        Assert.Contains("Role cchc_report_reader", names);
        Assert.True(names.Count > 60, $"only {names.Count} objects");
        Assert.Equal(MigrationScript.For(WarehouseTarget.SqlServer).Select(s => s.Name), model.MigrationScripts.Select(s => s.Name));
    }

    [Fact]
    public void A_statement_using_a_bare_FALSE_is_an_unresolved_reference_in_the_model()
    {
        using var model = SchemaModel.Build();
        model.Add("probe", "CREATE PROCEDURE dbo.cchc_probe @code NVARCHAR(4000) AS UPDATE dw.dim_procedure SET is_inferred = FALSE WHERE procedure_code = @code;");
        var problem = Assert.Single(model.Validate());
        Assert.True(problem.IsError);
        Assert.Contains("[dw].[dim_procedure].[FALSE]", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Later_scripts_are_folded_into_the_objects_they_change()
    {
        var scripts = MigrationScript.For(WarehouseTarget.SqlServer).ToList();
        scripts.Add(new MigrationScript(WarehouseTarget.SqlServer, "9998_probe.sql", 9998,
            """
            ALTER TABLE dw.dim_index ADD probe_note NVARCHAR(40) NULL;
            GO
            CREATE TABLE dw.probe_gone (id INT NOT NULL PRIMARY KEY);
            GO
            CREATE INDEX ix_probe_gone ON dw.probe_gone (id);
            GO
            DROP TABLE dw.probe_gone;
            GO
            CREATE SEQUENCE etl.probe_id AS BIGINT START WITH 1;
            GO
            UPDATE dw.dim_index SET probe_note = N'x';
            GO
            IF COL_LENGTH(N'dw.dim_index', N'probe_flag') IS NULL
                ALTER TABLE dw.dim_index ADD probe_flag BIT NOT NULL DEFAULT 0;
            GO
            DECLARE @next BIGINT = (SELECT COALESCE(MAX(run_id), 0) + 1 FROM etl.run);
            DECLARE @text NVARCHAR(20) = CAST(@next AS NVARCHAR(20));
            EXEC (N'ALTER SEQUENCE etl.probe_id RESTART WITH ' + @text);
            GO
            IF EXISTS (SELECT 1 FROM dw.dim_index WHERE probe_note IS NULL)
                UPDATE dw.dim_index SET probe_note = N'y' WHERE probe_note IS NULL;
            GO
            """));
        scripts.Add(new MigrationScript(WarehouseTarget.SqlServer, "views/rpt.probe.sql", null,
            "CREATE OR ALTER VIEW rpt.probe AS SELECT index_code, probe_note FROM dw.dim_index;\nGO\n"));
        using var model = SchemaModel.Build(SchemaScripts.Read(scripts));
        Assert.Empty(model.Validate());
        var names = model.ObjectNames.Select(o => o.Name).ToList();
        Assert.Contains("rpt.probe", names);
        Assert.Contains("etl.probe_id", names);
        Assert.DoesNotContain("dw.probe_gone", names);
        var data = Assert.Single(model.Scripts.Data, d => d.Script.Name == "9998_probe.sql").Statements;
        Assert.StartsWith("UPDATE dw.dim_index", data[0], StringComparison.Ordinal);
        Assert.Contains(data, d => d.StartsWith("EXEC (N'ALTER SEQUENCE", StringComparison.Ordinal));
        Assert.Contains(data, d => d.StartsWith("IF EXISTS", StringComparison.Ordinal));
        Assert.Contains(model.Scripts.Objects, o => o.Key == "table dw.dim_index" && o.Sql.Contains("probe_flag", StringComparison.Ordinal));
    }

    [Fact]
    public void The_post_deployment_script_validates_against_the_model_batch_by_batch()
    {
        var script = DacPackageWriter.PostDeploymentScript(SchemaScripts.Read());
        var batches = new MigrationScript(WarehouseTarget.SqlServer, "postdeploy.sql", 0, script).Statements();
        Assert.True(batches.Count > MigrationScript.For(WarehouseTarget.SqlServer).Count, $"only {batches.Count} batches");
        var failures = Cchc.TestSupport.SqlServer.ModelCheck.Failures(
            batches.Select((sql, i) => new Cchc.TestSupport.SqlServer.TypedStatement($"postdeploy batch {i + 1}", sql, [])));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void A_migration_statement_without_a_place_in_the_model_fails_the_build_naming_its_script()
    {
        var scripts = MigrationScript.For(WarehouseTarget.SqlServer).Append(new MigrationScript(WarehouseTarget.SqlServer, "9999_probe.sql", 9999,
            "EXEC sp_rename N'dw.dim_index.scale_note', N'scale', N'COLUMN';\nGO\n")).ToList();
        var e = Assert.Throws<SchemaModelException>(() => SchemaScripts.Read(scripts));
        Assert.Contains("9999_probe.sql", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_DAC_package_loads_and_scripts_a_new_database_with_its_rows_and_ledger()
    {
        var directory = Directory.CreateTempSubdirectory("cchc-dacpac-");
        try
        {
            var info = DacPackageWriter.Write(Path.Combine(directory.FullName, "out", "cchc.dacpac"));
            Assert.True(info.SizeBytes > 1000);
            using var package = DacPackage.Load(info.Path);
            Assert.Equal(DacPackageWriter.PackageName, package.Name);
            using var postDeploy = new StreamReader(package.PostDeploymentScript!);
            var script = postDeploy.ReadToEnd();
            Assert.Contains("INSERT INTO dw.dim_level", script, StringComparison.Ordinal);
            foreach (var migration in MigrationScript.For(WarehouseTarget.SqlServer))
            {
                Assert.Contains($"N'{migration.Name}'", script, StringComparison.Ordinal);
                Assert.Contains($"N'{migration.Checksum}'", script, StringComparison.Ordinal);
            }

            // What `SqlPackage /Action:Script` writes for an empty target, generated here without a server.
            var create = DacServices.GenerateCreateScript(package, "cchc", new DacDeployOptions());
            Assert.Contains("CREATE TABLE [dw].[fact_index_score]", create, StringComparison.Ordinal);
            Assert.Matches(@"CREATE VIEW (\[rpt\]|rpt)\.(\[index_score\]|index_score)", create);
            Assert.Contains("READ_COMMITTED_SNAPSHOT ON", create, StringComparison.Ordinal);
            Assert.Contains("CREATE ROLE [cchc_report_reader]", create, StringComparison.Ordinal);
            Assert.Contains("INSERT INTO etl.schema_version", create, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
