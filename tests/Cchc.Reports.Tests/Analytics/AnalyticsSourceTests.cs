using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Exact;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

/// <summary>The data-access layer against a real DuckDB warehouse loaded through ILoadSession.</summary>
public sealed class AnalyticsSourceTests
{
    [Fact]
    public void Reads_rpt_views_into_exact_tables_and_runs_the_attribution()
    {
        using var temp = new TempWarehouse();
        ParFixture.Load(temp.Warehouse, 2016, 2017);
        var source = new AnalyticsSource(temp.Warehouse);

        var table = source.Table(IndexCodes.Par, 2017)!;

        Assert.Equal(63, table.ProvincesRanked);
        Assert.Equal("PAR-TEST", table.MethodologyVersion);
        Assert.True(table.IsSynthetic);
        var lamDong = table.Province(68)!;
        var expected = ParFixture.Scores(2017).Where(s => s.ProvinceCode == "68").ToDictionary(s => s.CriterionCode, s => (decimal)s.Score!.Value);
        Assert.Equal(expected.OrderBy(e => e.Key), lamDong.Scores.OrderBy(e => e.Key));
        Assert.Equal(["1", "2", "3"], table.ChildrenOf(IndexCodes.Total).Select(c => c.Code));
        Assert.Equal(63, source.Provinces.Values.Count(p => p.IsValidAtEndOf(2017)));
        Assert.Null(source.Table(IndexCodes.Par, 2015));

        var report = DriversAnalysis.Run(source, new DriversRequest(IndexCodes.Par, 2017, 68, IncludeModels: false));
        Assert.Equal((Fraction)report.Attribution.RankChange!.Value, report.Attribution.AttributedRankChange);
        Assert.Equal(3, report.Waterfall!.Steps.Count);
        Assert.DoesNotContain(report.Notes, n => n.Contains("mapping", StringComparison.Ordinal)); // same methodology both years
    }

    [Fact]
    public void Optional_views_are_used_when_present()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        // Start from a warehouse without the optional views (as an older or partial schema would be), then add test ones.
        foreach (var view in new[] { "rpt.par_criterion_mapping", "rpt.remediation_task", "rpt.dossier_on_time" })
        {
            w.Execute($"DROP VIEW IF EXISTS {view}");
        }

        ParFixture.Load(w, 2017);
        var source = new AnalyticsSource(w);
        var lamDong = source.Table(IndexCodes.Par, 2017)!.Province(68)!.Province;
        Assert.Null(source.LeadAgencies(lamDong, 2017));
        Assert.Null(source.OnTimeRates());
        Assert.Equal(0, Assert.IsType<CriterionMapping>(source.CriterionMapping(IndexCodes.Par)).Count);

        w.Execute(
            """
            CREATE VIEW rpt.par_criterion_mapping AS
            SELECT * FROM (VALUES ('V1', '1.2', 'V2', '1.2'), ('V1', '1.3', 'V2', NULL)) AS m(from_version, from_criterion_code, to_version, to_criterion_code)
            """);
        w.Execute(
            """
            CREATE VIEW rpt.remediation_task AS
            SELECT * FROM (VALUES ('68', 2018, '1.1', 'Sở Nội vụ'), ('68', 2018, '2', 'Sở Tư pháp'), ('01', 2018, '1.1', 'Văn phòng UBND'))
                AS t(province_code, plan_year, criterion_code, lead_agency)
            """);
        w.Execute(
            """
            CREATE VIEW rpt.dossier_on_time AS
            SELECT * FROM (VALUES (68, DATE '2017-01-01', 'xa', 90, 100), (68, DATE '2017-02-01', 'tinh', 10, 20), (1, DATE '2018-01-01', 'xa', 5, 10))
                AS d(province_key, month_start, level, on_time, finished)
            """);

        var mapping = source.CriterionMapping(IndexCodes.Par);
        Assert.Equal([new CriterionCorrespondence("V1", "1.2", "V2", "1.2"), new CriterionCorrespondence("V1", "1.3", "V2", null)], mapping.Between("V1", "V2"));
        Assert.Equal([new CriterionCorrespondence("V2", "1.2", "V1", "1.2"), new CriterionCorrespondence("V2", null, "V1", "1.3")], mapping.Between("V2", "V1"));

        var agencies = source.LeadAgencies(lamDong, 2017)!;
        Assert.Equal(new Dictionary<string, string> { ["1.1"] = "Sở Nội vụ", ["2"] = "Sở Tư pháp" }, agencies);

        var rates = source.OnTimeRates()!;
        Assert.Equal(100.0 / 120.0, rates[(68, 2017)], 12);
        Assert.Equal(0.5, rates[(1, 2018)], 12);

        var whatIf = WhatIfAnalysis.Run(source, new WhatIfRequest(IndexCodes.Par, 2017, 68, new Dictionary<string, decimal>()));
        Assert.Null(whatIf.Simulation);
        Assert.All(whatIf.Priorities.Items.Where(i => i.Code.StartsWith("2.", StringComparison.Ordinal)), i => Assert.Equal("Sở Tư pháp", i.LeadAgency));
    }

    [Fact]
    public void A_year_that_is_not_loaded_is_a_clear_error()
    {
        using var temp = new TempWarehouse();
        ParFixture.Load(temp.Warehouse, 2016, 2017);
        var source = new AnalyticsSource(temp.Warehouse);

        var e = Assert.Throws<AnalyticsDataException>(() => DriversAnalysis.Run(source, new DriversRequest(IndexCodes.Par, 2019, 68, IncludeModels: false)));
        Assert.Equal("The warehouse has no PAR data for 2019; loaded years: 2016, 2017.", e.Message);
        var none = Assert.Throws<AnalyticsDataException>(() => DriversAnalysis.Run(source, new DriversRequest(IndexCodes.Pci, 2017, 68, IncludeModels: false)));
        Assert.Contains("no PCI data at all", none.Message, StringComparison.Ordinal);
    }
}
