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
        Assert.Null(source.LeadAgencies(lamDong, IndexCodes.Par, 2017));
        Assert.Null(source.OnTimeRates());
        Assert.Equal(0, Assert.IsType<CriterionMapping>(source.CriterionMapping(IndexCodes.Par)).Count);

        w.Execute(
            """
            CREATE VIEW rpt.par_criterion_mapping AS
            SELECT * FROM (VALUES ('V1', '1.2', 'V2', '1.2', FALSE), ('V1', '1.3', 'V2', NULL, FALSE), ('V1', '1.1', 'V2', '1.9', TRUE))
                AS m(from_version, from_code, to_version, to_code, is_illustrative)
            """);
        w.Execute(
            """
            CREATE VIEW rpt.remediation_task AS
            SELECT * FROM (VALUES (68, 2018, 2017, 'PAR', '1.1', 'Sở Nội vụ', 'Department of Home Affairs'), (68, 2018, 2017, 'PAR', '2', 'Sở Tư pháp', NULL),
                                  (68, 2012, 2011, 'PAR', '1.1', 'Cơ quan cũ', NULL), (1, 2018, 2017, 'PAR', '1.1', 'Văn phòng UBND', NULL))
                AS t(province_key, plan_year, result_year, index_code, criterion_code, lead_agencies, lead_agencies_en)
            """);
        w.Execute(
            """
            CREATE VIEW rpt.dossier_on_time AS
            SELECT * FROM (VALUES (68, 2017, 'xa', 90, 100), (68, 2017, 'tinh', 10, 20), (1, 2018, 'xa', 5, 10))
                AS d(province_key, year, level, on_time, rated)
            """);

        var mapping = source.CriterionMapping(IndexCodes.Par);
        Assert.Equal([new CriterionCorrespondence("V1", "1.2", "V2", "1.2"), new CriterionCorrespondence("V1", "1.3", "V2", null), new CriterionCorrespondence("V1", "1.1", "V2", "1.9", true)],
            mapping.Between("V1", "V2"));
        Assert.Equal([new CriterionCorrespondence("V2", "1.2", "V1", "1.2"), new CriterionCorrespondence("V2", null, "V1", "1.3"), new CriterionCorrespondence("V2", "1.9", "V1", "1.1", true)],
            mapping.Between("V2", "V1"));

        // The fixture's catalogue ("PAR-TEST") is valid from 2000: the 2018 plan for the 2017 results is of 2017's version.
        var agencies = source.LeadAgencies(lamDong, IndexCodes.Par, 2017)!;
        Assert.Equal((2018, 2017, "PAR-TEST"), (agencies.PlanYear, agencies.ResultYear, agencies.MethodologyVersion));
        Assert.Equal(new Dictionary<string, AgencyNames> { ["1.1"] = new("Sở Nội vụ", "Department of Home Affairs"), ["2"] = new("Sở Tư pháp", null) }, agencies.ByCriterion);

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
