using System.Text.RegularExpressions;
using Cchc.Cli.Commands;
using Cchc.Etl.Nightly;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Localization;
using Cchc.Reports.Report;
using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;

namespace Cchc.Cli.Tests;

/// <summary>
/// Reports, the rank-drivers analytics and the nightly steps read the warehouse with SQL written once for both engines.
/// Run on the demo warehouse, everything they send is recorded as SQL Server would receive it and validated against the
/// DacFx model of the schema, parameters typed as SqlClient sends them. Reports and analytics read only the rpt views,
/// so that a member of the report reader role can run them.
/// </summary>
[Collection(DemoWarehouseGroup.Name)]
public sealed partial class PortableSqlTests(DemoWarehouse demo)
{
    [Fact]
    public void Everything_reports_analytics_and_nightly_steps_send_validates_against_the_SqlServer_schema_model()
    {
        using var warehouse = new RecordingWarehouse(demo.Open());
        var output = Path.Combine(demo.Directory, "portable-sql");
        var runner = new ReportRunner(warehouse);
        runner.WriteProvince(new ReportRequest("68", 2024), Path.Combine(output, "par"));
        runner.WriteProvince(new ReportRequest("68", 2024, "PCI", ReportLanguage.En), Path.Combine(output, "pci"));
        runner.WriteProvince(new ReportRequest("68", 2025), Path.Combine(output, "merged"));
        Assert.NotNull(DemoAnalysis.ChooseYear(warehouse, "68"));
        var source = new AnalyticsSource(warehouse);
        var lamDong = source.Provinces.Values.Single(p => p.Code == "68" && p.IsValidAtEndOf(2024));
        WhatIfAnalysis.Run(source, new WhatIfRequest("PAR", 2024, lamDong.Key, new Dictionary<string, decimal>(), TargetRank: 5));
        var reading = warehouse.Statements.ToList();
        var run = warehouse.StartRun("portable sql test");
        new DataQualityStep().Run(warehouse, run);
        new ReportsStep(new NightlyReports(["68"], Path.Combine(output, "nightly"))).Run(warehouse, run);
        warehouse.FinishRun(run, "succeeded");

        Assert.True(warehouse.Statements.Count > 20, $"only {warehouse.Statements.Count} statements recorded");
        var failures = ModelCheck.Failures(ModelCheck.Typed(warehouse.Statements, "report/analytics/nightly statement"));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        var beyondRpt = reading.Select(r => r.Sql).Where(sql => OutsideRpt().IsMatch(sql)).Distinct().ToList();
        Assert.True(beyondRpt.Count == 0, "reports and analytics must read rpt views only (the report reader role sees nothing else):\n" + string.Join("\n---\n", beyondRpt));
    }

    [GeneratedRegex(@"\b(dw|etl)\.\w", RegexOptions.IgnoreCase)]
    private static partial Regex OutsideRpt();
}
