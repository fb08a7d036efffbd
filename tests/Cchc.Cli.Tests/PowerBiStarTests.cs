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
        Assert.Contains(relationships, r => r.FromTable == "One-stop Report");
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

    [Fact]
    public void The_reported_on_time_measure_counts_as_the_results_report_view_does()
    {
        using var warehouse = demo.Open();
        Assert.Contains("MEASURE 'One-stop Report'[Reported On-time Rate]", PowerBiModel.Measures);
        var (rate, onTime, rated) = warehouse.Query<(double, double, double)>(
            """
            SELECT SUM(on_time_rate * rated) / SUM(rated), SUM(on_time), SUM(rated)
            FROM (SELECT on_time_rate, CAST(COALESCE(resolved_early, 0) + COALESCE(resolved_on_time, 0) AS DOUBLE) AS on_time,
                         CAST(COALESCE(resolved_early, 0) + COALESCE(resolved_on_time, 0) + COALESCE(resolved_late, 0) + COALESCE(pending_overdue, 0) AS DOUBLE) AS rated
                  FROM rpt.onestop_report) r
            WHERE rated > 0
            """).Single();
        Assert.True(rated > 0);
        Assert.Equal(onTime / rated, rate, 9);
    }
}
