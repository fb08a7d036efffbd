using Cchc.Reports.Drivers;
using Cchc.Reports.Localization;
using Cchc.Reports.Report;
using Cchc.Reports.ReportData;

namespace Cchc.Reports.Tests.Reports;

/// <summary>
/// Sections that depend on other modules: the optional views (remediation plan, data quality, one-stop) and the drivers
/// plug-in (attribution, model). Present → shown with their numbers; incompatible → omitted with the missing columns.
/// </summary>
public sealed class OptionalSectionsTests(OptionalSectionsTests.Views fixture) : IClassFixture<OptionalSectionsTests.Views>
{
    private const string DqView =
        """
        CREATE OR REPLACE VIEW rpt.dq_finding AS SELECT * FROM (VALUES
            ('68', 2017, 'PAR', 'warning', 'children_sum', 'Tổng tiêu chí thành phần khác điểm lĩnh vực 3', 'par-2017.xlsx'),
            ('01', 2017, 'PAR', 'error', 'rank', 'Hạng công bố khác hạng tính', 'par-2017.xlsx')
        ) t(province_code, year, index_code, severity, rule_code, message, file_name)
        """;

    private readonly ReportWarehouse _data = fixture.Data;

    /// <summary>One small warehouse with the three optional views, shared by the tests of this class (run one at a time).</summary>
    public sealed class Views : IDisposable
    {
        public Views()
        {
            // The warehouse's own views read the plan, DQ and one-stop tables; these stand-ins feed known rows straight in.
            Data.Warehouse.Execute(
                """
                CREATE OR REPLACE VIEW rpt.remediation_task AS SELECT * FROM (VALUES
                    ('68', 2017, '3.4', 1.5, 'Rà soát quy trình một cửa', 'Sở Nội vụ', 'Quý IV/2017'),
                    ('68', 2017, '7.1', 0.25, 'Nâng cấp hệ thống', 'Sở Thông tin và Truyền thông', '2017')
                ) t(province_code, plan_year, criterion_code, points_lost, remedy, lead_agency, deadline_text)
                """);
            Data.Warehouse.Execute(DqView);
            Data.Warehouse.Execute(
                """
                CREATE OR REPLACE VIEW rpt.dossier_on_time AS
                SELECT make_date(2017, m, 1) AS month, '68' AS province_code, lvl AS level, 1000 + m * 10 AS finished,
                       CAST(round((1000 + m * 10) * (0.99 - idx * 0.03 - CASE WHEN m = 2 THEN 0.05 ELSE 0 END)) AS INTEGER) AS on_time, TRUE AS is_synthetic
                FROM range(1, 13) r(m), (VALUES ('Cấp tỉnh', 0), ('Cấp huyện', 1), ('Cấp xã', 2)) l(lvl, idx)
                """);
        }

        public ReportWarehouse Data { get; } = new([2016, 2017], provinceCount: 4);

        public void Dispose() => Data.Dispose();
    }

    [Fact]
    public void Loaded_plan_data_quality_and_one_stop_views_fill_their_sections()
    {
        var report = Build(DriversProviders.CreateDefault());
        var plan = report.Sections.Single(s => s.Id == "plan");
        Assert.Null(plan.OmittedBecause);
        var planTable = plan.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(2, planTable.Rows.Count);
        Assert.Contains(planTable.Rows, r => r[1].StartsWith("3.4 ", StringComparison.Ordinal) && r[5] == "Sở Nội vụ");

        var priorities = report.Sections.Single(s => s.Id == "priorities").Blocks.OfType<TableBlock>().Single();
        Assert.Contains(priorities.Rows, r => r[1].StartsWith("3.4 ", StringComparison.Ordinal) && r[5] == "Sở Nội vụ");

        var dq = report.Sections.Single(s => s.Id == "data-quality");
        var dqRows = dq.Blocks.OfType<TableBlock>().Single().Rows;
        var finding = Assert.Single(dqRows);
        Assert.Equal(("Cảnh báo", "Tổng tiêu chí thành phần khác điểm lĩnh vực 3"), (finding[0], finding[4]));

        var oneStop = report.Sections.Single(s => s.Id == "one-stop");
        Assert.Null(oneStop.OmittedBecause);
        var chart = oneStop.Blocks.OfType<ChartBlock>().Single().Chart;
        Assert.Contains("hồ sơ một cửa được giải quyết đúng hạn", chart.Title);
        Assert.Contains("3.4.1", chart.Reading);
        Assert.Contains("rpt.dossier_on_time 2017", report.SyntheticBanner);
    }

    [Fact]
    public void A_view_without_the_needed_columns_is_named_with_what_it_lacks()
    {
        _data.Warehouse.Execute("CREATE OR REPLACE VIEW rpt.dq_finding AS SELECT '68' AS province_code, 'warning' AS severity");
        try
        {
            var result = DataQualityReader.Read(new ReportReader(_data.Warehouse), "68", 2017, 2016);
            Assert.Equal(ViewGap.ViewIncompatible, result.Gap);
            Assert.Equal("message|description|detail", result.Detail);
            var section = Build(DriversProviders.CreateDefault()).Sections.Single(s => s.Id == "data-quality");
            Assert.Empty(section.Blocks);
            Assert.Equal("view rpt.dq_finding thiếu các cột cần thiết: message|description|detail", section.OmittedBecause);
        }
        finally
        {
            _data.Warehouse.Execute(DqView);
        }
    }

    [Fact]
    public void A_drivers_plug_in_fills_attribution_and_model_and_is_credited()
    {
        var previousRank = _data.Rank("PAR", 2016, "68");
        var rank = _data.Rank("PAR", 2017, "68");
        var plugin = new FakeDrivers(previousRank, rank, consistent: true);
        var report = Build(new DriversChain([plugin, new ExactDriversProvider()]));

        var attribution = report.Sections.Single(s => s.Id == "attribution");
        Assert.Null(attribution.OmittedBecause);
        Assert.Contains($"tổng cộng đúng bằng {ReportText.Vietnamese.WithSign(previousRank - rank, 0)} bậc", attribution.Blocks.OfType<ChartBlock>().Single().Chart.Reading);
        var model = report.Sections.Single(s => s.Id == "model");
        Assert.Contains("FastTree", model.Blocks.OfType<ChartBlock>().Single().Chart.Title);
        var notes = report.Sections.Single(s => s.Id == "methodology").Blocks.OfType<ListBlock>().Single().Items;
        Assert.Contains(notes, n => n.StartsWith("Tính bởi Fake drivers:", StringComparison.Ordinal) && n.Contains(ReportText.Vietnamese.AttributionHeading));
        Assert.Contains(notes, n => n.StartsWith($"Tính bởi {nameof(ExactDriversProvider)}:", StringComparison.Ordinal));
    }

    [Fact]
    public void An_attribution_that_does_not_add_up_is_not_shown()
    {
        var plugin = new FakeDrivers(_data.Rank("PAR", 2016, "68"), _data.Rank("PAR", 2017, "68"), consistent: false);
        var section = Build(new DriversChain([plugin, new ExactDriversProvider()])).Sections.Single(s => s.Id == "attribution");
        Assert.Empty(section.Blocks);
        Assert.Contains("không vẽ được biểu đồ", section.OmittedBecause);
    }

    private ProvinceReport Build(IDriversProvider drivers) =>
        new ProvinceReportBuilder(new ReportReader(_data.Warehouse), drivers).Build(new ReportRequest("68", 2017));

    /// <summary>Stands in for the rank-drivers module: an attribution that adds up (or deliberately does not) and a model.</summary>
    private sealed class FakeDrivers(int previousRank, int rank, bool consistent) : IDriversProvider
    {
        public string Name => "Fake drivers";

        public DriverOutcome<RankAttribution> Attribution(DriversQuery query)
        {
            var observed = previousRank - rank;
            var fields = new List<FieldRankEffect> { new("1", observed + 0.5), new("3", -0.25) };
            var peer = observed - fields.Sum(f => f.PlacesGained) + (consistent ? 0 : 1);
            return DriverOutcome.Computed(new RankAttribution(2016, 2017, previousRank, rank, 4, fields, peer), Name);
        }

        public DriverOutcome<ModelSummary> Model(DriversQuery query) => DriverOutcome.Computed(new ModelSummary(
            "hạng PAR", "PAR rank", "bậc", "places",
            [new ModelScore("FastTree", "FastTree", false, 0.4, 5), new ModelScore("Trung bình", "Mean", true, 0, 9)],
            [new FeatureScore("PCI", "PCI", 0.1, 0.02)], [2016]), Name);

        public DriverOutcome<ScoreWaterfall> Waterfall(DriversQuery query) => DriverOutcome.Missing<ScoreWaterfall>(DriverGap.NotProvided);

        public DriverOutcome<PriorityPlan> Priorities(DriversQuery query) => DriverOutcome.Missing<PriorityPlan>(DriverGap.NotProvided);
    }
}
