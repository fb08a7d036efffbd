using Cchc.Etl.OneStop;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>The dossier merge is the one-stop loader's only engine-specific SQL: its T-SQL form must parse at SQL Server 2019 level.</summary>
public sealed class DossierSqlTests
{
    [Fact]
    public void The_TSql_merge_parses_at_SQL_Server_2019_level_with_the_same_parameters()
    {
        var tsql = DossierSql.Merge(new WarehouseTarget(WarehouseTarget.SqlServer, "Server=db;Database=cchc"));
        Assert.Empty(TSql.Errors(tsql));
        Assert.DoesNotContain("GREATEST", tsql, StringComparison.Ordinal);
        Assert.DoesNotContain("IS DISTINCT FROM", tsql, StringComparison.Ordinal);

        var duck = DossierSql.Merge(new WarehouseTarget(WarehouseTarget.DuckDb, "cchc.duckdb"));
        foreach (var parameter in new[] { "@fileId", "@runId" })
        {
            Assert.Contains(parameter, tsql, StringComparison.Ordinal);
            Assert.Contains(parameter, duck, StringComparison.Ordinal);
        }
    }
}
