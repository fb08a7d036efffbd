using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Drivers;
using Cchc.Reports.ReportData;
using Cchc.Reports.Tests.Reports;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Tests.Drivers;

/// <summary>
/// The analytics behind the report's seam: checked against the analytics called directly and against the independent
/// arithmetic of <see cref="ExactDriversProvider"/>.
/// </summary>
public sealed class AnalyticsDriversProviderTests(AnalyticsDriversProviderTests.Data fixture) : IClassFixture<AnalyticsDriversProviderTests.Data>
{
    private readonly ReportWarehouse _data = fixture.Warehouse;

    public sealed class Data : IDisposable
    {
        public ReportWarehouse Warehouse { get; } = new([2015, 2016, 2017], provinceCount: 9);

        public void Dispose() => Warehouse.Dispose();
    }

    [Fact]
    public void Attribution_adds_up_to_the_observed_rank_change_and_matches_the_analytics()
    {
        var outcome = new AnalyticsDriversProvider().Attribution(Query(2017));
        var a = Assert.IsType<RankAttribution>(outcome.Value);
        Assert.Equal("Cchc.Reports.Analytics", outcome.Provider);
        Assert.Equal(_data.Rank("PAR", 2016, ReportWarehouse.LamDong), a.PreviousRank);
        Assert.Equal(_data.Rank("PAR", 2017, ReportWarehouse.LamDong), a.Rank);
        Assert.Equal(a.PreviousRank - a.Rank, a.Fields.Sum(f => f.PlacesGained) + a.PeerEffect, 9);

        var direct = DriversAnalysis.Run(new AnalyticsSource(_data.Warehouse), new DriversRequest("PAR", 2017, LamDong.Key, IncludeModels: false)).Attribution;
        Assert.Equal(direct.Components.Select(c => (c.Code, -c.RankEffect.ToDouble())), a.Fields.Select(f => (f.CriterionCode, f.PlacesGained)));
        Assert.Equal(-(direct.PeerEffect + direct.PublicationAdjustment), a.PeerEffect);
    }

    [Fact]
    public void Waterfall_and_priorities_agree_with_the_plain_arithmetic_where_both_apply()
    {
        var analytics = new AnalyticsDriversProvider();
        var exact = new ExactDriversProvider();
        var query = Query(2017);

        var w = Assert.IsType<ScoreWaterfall>(analytics.Waterfall(query).Value);
        var reference = Assert.IsType<ScoreWaterfall>(exact.Waterfall(query).Value);
        Assert.Equal((reference.PreviousTotal, reference.Total), (w.PreviousTotal, w.Total));
        var fields = w.Fields.Where(f => f.NameVi is null).ToDictionary(f => f.CriterionCode, f => f.Change);
        foreach (var f in reference.Fields)
        {
            Assert.Equal(f.Change, fields[f.CriterionCode], 9);
        }

        Assert.Equal(w.Total - w.PreviousTotal, w.Fields.Sum(f => f.Change), 9);

        var plan = Assert.IsType<PriorityPlan>(analytics.Priorities(query).Value);
        var referencePlan = Assert.IsType<PriorityPlan>(exact.Priorities(query).Value);
        Assert.Equal((referencePlan.Rank, referencePlan.Provinces), (plan.Rank, plan.Provinces));
        Assert.Equal(
            referencePlan.Rows.Select(r => (r.CriterionCode, Math.Round(r.PointsLost, 6), r.RankIfRecovered)).OrderBy(r => r.CriterionCode, StringComparer.Ordinal),
            plan.Rows.Select(r => (r.CriterionCode, Math.Round(r.PointsLost, 6), r.RankIfRecovered)).OrderBy(r => r.CriterionCode, StringComparer.Ordinal));
        Assert.Equal(plan.Rows.Count, plan.Curve.Count);
    }

    [Fact]
    public void Without_the_previous_year_or_enough_years_it_says_why_instead_of_guessing()
    {
        var provider = new AnalyticsDriversProvider();
        var first = Query(2015);
        Assert.Equal(DriverGap.NoPreviousYear, provider.Attribution(first).Gap);
        Assert.Equal(DriverGap.NoPreviousYear, provider.Waterfall(first).Gap);

        // Three PAR years and only PCI/PAPI totals: no level-1 feature shares three years, so no model is trained.
        var model = provider.Model(Query(2017));
        Assert.Equal(DriverGap.InsufficientData, model.Gap);
        Assert.False(string.IsNullOrWhiteSpace(model.Detail));
    }

    [Fact]
    public void The_default_report_shows_the_attribution_computed_by_the_analytics()
    {
        var report = new Report.ProvinceReportBuilder(new ReportReader(_data.Warehouse), DriversProviders.CreateDefault())
            .Build(new Report.ReportRequest(ReportWarehouse.LamDong, 2017));
        var attribution = report.Sections.Single(s => s.Id == "attribution");
        Assert.Null(attribution.OmittedBecause);
        Assert.Single(attribution.Blocks);
        var notes = report.Sections.Single(s => s.Id == "methodology").Blocks.OfType<Report.ListBlock>().Single().Items;
        Assert.Contains(notes, n => n.StartsWith("Tính bởi Cchc.Reports.Analytics:", StringComparison.Ordinal));
    }

    private static Province LamDong => ProvinceCatalog.Default.ValidAtEndOf(2017).Single(p => p.GsoCode == ReportWarehouse.LamDong);

    private DriversQuery Query(int year)
    {
        var reader = new ReportReader(_data.Warehouse);
        var current = reader.IndexYear("PAR", year)!;
        var previous = reader.IndexYear("PAR", year - 1);
        return new DriversQuery(_data.Warehouse, "PAR", year, LamDong, current, previous, previous is null ? null : LamDong.Key);
    }
}
