using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary>
/// The whole Power BI star of warehouse/powerbi/README.md — index scores, plans, conformed agencies, one-stop
/// dossiers — on the demo warehouse, where every fact has rows: each relationship is many-to-one on a unique key and
/// every value finds its row.
/// </summary>
[Collection(DemoWarehouseGroup.Name)]
public sealed class PowerBiStarTests(DemoWarehouse demo)
{
    [Fact]
    public void Every_documented_relationship_holds_on_the_demo_warehouse()
    {
        using var warehouse = demo.Open();
        var relationships = PowerBiModel.Relationships();
        Assert.Contains(relationships, r => r.FromTable == "Dossier On Time");
        Assert.Contains(relationships, r => r.FromTable == "Remediation Task");
        var problems = PowerBiModel.RelationshipProblems(warehouse, _ => true);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_on_time_measure_counts_as_the_view_does()
    {
        using var warehouse = demo.Open();
        Assert.Contains("SUM ( 'Dossier On Time'[rated] )", PowerBiModel.Measures);
        var (rate, onTime, rated) = warehouse.Query<(double, double, double)>(
            "SELECT SUM(on_time_rate * rated) / SUM(rated), CAST(SUM(on_time) AS DOUBLE), CAST(SUM(rated) AS DOUBLE) FROM rpt.dossier_on_time WHERE rated > 0").Single();
        Assert.Equal(onTime / rated, rate, 9);
    }
}
