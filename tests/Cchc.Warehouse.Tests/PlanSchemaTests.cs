using Cchc.TestSupport;

namespace Cchc.Warehouse.Tests;

public sealed class PlanSchemaTests
{
    [Theory]
    [InlineData("rpt.remediation_task")]
    [InlineData("rpt.remediation_task_agency")]
    [InlineData("rpt.agency")]
    [InlineData("rpt.dq_finding")]
    public void Plan_and_quality_views_answer_on_an_empty_warehouse(string view)
    {
        using var temp = new TempWarehouse();
        Assert.Equal(0L, temp.Warehouse.Query<long>($"SELECT COUNT(*) FROM {view}").Single());
    }

    [Fact]
    public void Every_plan_and_quality_script_has_its_TSQL_twin()
    {
        var schema = Path.Combine(SharedData.RepositoryRoot, "warehouse", "Cchc.Warehouse", "Schema");
        string[] scripts =
        [
            "0110_plan.sql", "0120_dq.sql", "views/rpt.remediation_task.sql", "views/rpt.remediation_task_agency.sql",
            "views/rpt.agency.sql", "views/rpt.dq_finding.sql",
        ];
        foreach (var script in scripts)
        {
            Assert.True(File.Exists(Path.Combine(schema, "duckdb", script)), script);
            var twin = File.ReadAllText(Path.Combine(schema, "sqlserver", script));
            Assert.Contains("\nGO", twin, StringComparison.Ordinal);
            Assert.DoesNotContain("BOOLEAN", twin, StringComparison.Ordinal);
        }

        using var temp = new TempWarehouse();
        Assert.True(temp.Warehouse.SchemaVersion >= 120);
    }
}
