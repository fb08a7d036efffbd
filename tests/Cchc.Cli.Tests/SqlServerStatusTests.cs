using Cchc.Cli.Commands;
using Cchc.TestSupport.SqlServer;

namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc status</c> opens SQL Server read-only (no migration, nothing written) and reads rpt views only, so that a
/// member of the report reader role may run it; what it sends validates against the DacFx model of the schema.
/// </summary>
public sealed class SqlServerStatusTests
{
    [Fact]
    public void Status_opens_read_only_reads_rpt_only_and_validates_against_the_schema_model()
    {
        var connection = SqlServerRecording.ReaderConnection();
        using (var warehouse = SqlServerRecording.OpenReadOnly(connection))
        {
            Assert.True(warehouse.IsReadOnly);
            var before = connection.Commands.Count;
            WarehouseStatus.Read(warehouse, 5);
            var status = connection.Commands.Skip(before).ToList();
            Assert.Equal(5, status.Count); // indices, runs, files, inbox deferrals, inbox attempts
            Assert.Contains("OFFSET 0 ROWS FETCH NEXT @runs ROWS ONLY", status[1].Sql, StringComparison.Ordinal);
            Assert.Contains("OFFSET 0 ROWS FETCH NEXT @files ROWS ONLY", status[2].Sql, StringComparison.Ordinal);
            Assert.All(connection.Commands, c => Assert.DoesNotMatch(@"\b(dw|etl)\.", c.Sql));
            Assert.DoesNotContain(connection.Commands, c => c.Sql.Contains("sp_getapplock", StringComparison.Ordinal) || c.Sql.Contains("CREATE ", StringComparison.Ordinal));
            var failures = ModelCheck.Failures(ModelCheck.Typed(connection.Commands, "status statement"));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Throws<InvalidOperationException>(() => warehouse.StartRun("not allowed"));
        }
    }

    [SkippableFact]
    [Trait("Category", "SqlServer")]
    public void Status_reads_a_SqlServer_warehouse()
    {
        Skip.If(SqlServerTestDatabase.ServerConnectionString is null, SqlServerTestDatabase.SkipReason);
        using var db = new SqlServerTestDatabase();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(["status", "--warehouse", "sqlserver:" + db.ConnectionString, "--json"], stdout, stderr);
        Assert.True(code == CliApp.Ok, stderr.ToString());
        Assert.Contains("\"index_code\": \"PCI\"", stdout.ToString(), StringComparison.Ordinal);
        code = CliApp.Run(["publish", "--warehouse", "sqlserver:" + db.ConnectionString], stdout, stderr);
        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("Nothing to publish", stdout.ToString(), StringComparison.Ordinal);
    }
}
