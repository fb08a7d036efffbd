using Cchc.Etl.OneStop;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>The dossier merge is spelled per engine by the dialect: its T-SQL form validates against the schema model at SQL Server 2019 level.</summary>
public sealed class DossierSqlTests
{
    [Fact]
    public void The_TSql_merge_validates_at_SQL_Server_2019_level_with_the_same_parameters()
    {
        var tsql = DossierSql.Merge(SqlServerDialect.Instance);
        Assert.DoesNotContain("GREATEST", tsql, StringComparison.Ordinal);
        Assert.DoesNotContain("IS DISTINCT FROM", tsql, StringComparison.Ordinal);
        var failures = ModelCheck.Failures([new TypedStatement("dossier merge", tsql,
            [new RecordedParameter("fileId", System.Data.SqlDbType.BigInt, 0, 0, 0), new RecordedParameter("runId", System.Data.SqlDbType.BigInt, 0, 0, 0)])]);
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        var duck = DossierSql.Merge(DuckDbDialect.Instance);
        Assert.Contains("GREATEST", duck, StringComparison.Ordinal);
        foreach (var parameter in new[] { "@fileId", "@runId" })
        {
            Assert.Contains(parameter, tsql, StringComparison.Ordinal);
            Assert.Contains(parameter, duck, StringComparison.Ordinal);
        }
    }
}
