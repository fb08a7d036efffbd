using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.WhatIf;
using Cchc.Reports.Drivers;
using Cchc.Reports.ReportData;
using Cchc.Reports.Tests.Reports;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Tests.Drivers;

/// <summary>
/// The analytics as a report run asks them: checked against the analytics called directly and against plain arithmetic
/// on <c>rpt.index_score</c> read by SQL here.
/// </summary>
public sealed class ReportDriversTests(ReportDriversTests.Data fixture) : IClassFixture<ReportDriversTests.Data>
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
        var a = Assert.IsType<RankAttribution>(new ReportDrivers().Attribution(Query(2017)).Value);
        Assert.Equal(_data.Rank("PAR", 2016, ReportWarehouse.LamDong), a.PreviousRank);
        Assert.Equal(_data.Rank("PAR", 2017, ReportWarehouse.LamDong), a.Rank);
        Assert.Equal((Fraction)a.RankChange!.Value, a.AttributedRankChange);

        var direct = DriversAnalysis.Run(new AnalyticsSource(_data.Warehouse), new DriversRequest("PAR", 2017, LamDong.Key, IncludeModels: false)).Attribution;
        Assert.Equal(direct.Components.Select(c => (c.Code, c.RankEffect)), a.Components.Select(c => (c.Code, c.RankEffect)));
        Assert.Equal(direct.PeerEffect, a.PeerEffect);
        Assert.Equal(direct.ProbabilityRankChanged, a.ProbabilityRankChanged);
    }

    [Fact]
    public void Waterfall_and_priorities_agree_with_plain_arithmetic_on_the_published_scores()
    {
        var drivers = new ReportDrivers();
        var w = Assert.IsType<ScoreWaterfall>(drivers.Waterfall(Query(2017)).Value);
        var fields = _data.Warehouse.Query<(string Code, double Now, double Before)>(
            """
            SELECT n.criterion_code, n.score, b.score FROM rpt.index_score n
            JOIN rpt.index_score b ON b.index_code = n.index_code AND b.province_code = n.province_code AND b.criterion_code = n.criterion_code AND b.year = n.year - 1
            WHERE n.index_code = 'PAR' AND n.year = 2017 AND n.province_code = '68' AND n.level = 1
            """);
        Assert.Equal(8, fields.Count);
        foreach (var (code, now, before) in fields)
        {
            Assert.Equal(now - before, (double)w.Steps.Single(s => s.Code == code).Delta, 9);
        }

        Assert.Equal(w.Total - w.PreviousTotal, w.Steps.Sum(s => s.Delta));
        Assert.All(w.Steps, s => Assert.Equal((0m, s.Delta), (s.MethodologyPoints, s.PerformancePoints)));

        var plan = Assert.IsType<PriorityReport>(ReportDrivers.Priorities(Query(2017)).Value);
        var lost = _data.Warehouse.Query<(string Code, double Lost)>(
            "SELECT criterion_code, points_lost FROM rpt.index_score WHERE index_code = 'PAR' AND year = 2017 AND province_code = '68' AND level = 2 AND points_lost > 0")
            .ToDictionary(r => r.Code, r => r.Lost);
        Assert.Equal(lost.Keys.Order(), plan.Items.Select(i => i.Code).Order());
        Assert.All(plan.Items, i => Assert.Equal(lost[i.Code], (double)i.PointsLost, 9));
        Assert.Equal(plan.Items.Count + 1, plan.Curve.Count);
    }

    [Fact]
    public void Without_the_previous_year_or_enough_years_it_says_why_instead_of_guessing()
    {
        var drivers = new ReportDrivers();
        Assert.Equal(DriverGap.NoPreviousYear, drivers.Attribution(Query(2015)).Gap);
        Assert.Equal(DriverGap.NoPreviousYear, drivers.Waterfall(Query(2015)).Gap);

        // Three PAR years and only PCI/PAPI totals: no level-1 feature shares three years, so no model is trained.
        var model = drivers.Model(Query(2017));
        Assert.Equal(DriverGap.InsufficientData, model.Gap);
        Assert.False(string.IsNullOrWhiteSpace(model.Detail));
        var reader = new ReportReader(_data.Warehouse);
        Assert.Same(drivers.Model(Query(2017, reader)), drivers.Model(Query(2016, reader))); // one model per index and run
    }

    private static Province LamDong => ProvinceCatalog.Default.ValidAtEndOf(2017).Single(p => p.GsoCode == ReportWarehouse.LamDong);

    private DriversQuery Query(int year, ReportReader? reader = null)
    {
        reader ??= new ReportReader(_data.Warehouse);
        var current = reader.IndexYear("PAR", year)!;
        var previous = reader.IndexYear("PAR", year - 1);
        return new DriversQuery(reader.Source, "PAR", year, LamDong.Key, current, previous, previous is null ? null : LamDong.Key);
    }
}
