using Cchc.Cli.Commands;
using Cchc.TestSupport.SqlServer;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc status</c> reads the warehouse with portable SQL: what it sends to SQL Server must be valid T-SQL.</summary>
public sealed class SqlServerStatusTests
{
    [Fact]
    public void Status_queries_parse_as_TSql()
    {
        var connection = new RecordingConnection();
        using (var warehouse = SqlServerRecording.Open(connection))
        {
            var before = connection.Statements.Count;
            WarehouseStatus.Read(warehouse, 5);
            var status = connection.Statements.Skip(before).ToList();
            Assert.Equal(5, status.Count); // indices, runs, files, inbox deferrals, inbox attempts
            Assert.Contains("OFFSET 0 ROWS FETCH NEXT @runs ROWS ONLY", status[1], StringComparison.Ordinal);
            Assert.Contains("OFFSET 0 ROWS FETCH NEXT @files ROWS ONLY", status[2], StringComparison.Ordinal);
            Assert.Contains("etl.[file]", status[0], StringComparison.Ordinal);
            var failures = TSql.Failures(status.Select((sql, i) => ($"status statement {i + 1}", sql)));
            Assert.True(failures.Count == 0, string.Join("\n", failures));
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
