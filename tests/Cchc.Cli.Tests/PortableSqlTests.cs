using Cchc.Cli.Commands;
using Cchc.Etl.Nightly;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Localization;
using Cchc.Reports.Report;
using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines;

namespace Cchc.Cli.Tests;

/// <summary>
/// Reports, the rank-drivers analytics and the nightly steps read the warehouse with SQL written once for both engines.
/// Run on the demo warehouse, everything they send must also be valid T-SQL, so that they work on SQL Server too.
/// </summary>
[Collection(DemoWarehouseGroup.Name)]
public sealed class PortableSqlTests(DemoWarehouse demo)
{
    [Fact]
    public void Everything_reports_analytics_and_nightly_steps_send_parses_as_TSql()
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
        var run = warehouse.StartRun("portable sql test");
        new DataQualityStep().Run(warehouse, run);
        new ReportsStep(new NightlyReports(["68"], Path.Combine(output, "nightly"))).Run(warehouse, run);
        warehouse.FinishRun(run, "succeeded");

        var statements = warehouse.Statements.Distinct().ToList();
        Assert.True(statements.Count > 20, $"only {statements.Count} statements recorded");
        // As the SQL Server engine sends them: its dialect brackets reserved words used as table names (etl.[file]).
        var failures = TSql.Failures(statements.Select((sql, i) => ($"statement {i + 1}", SqlServerDialect.Instance.Parameters(sql))));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }
}
