using Cchc.Reports.Drivers;
using Cchc.Reports.Localization;
using Cchc.Reports.Report;
using Cchc.Reports.ReportData;

namespace Cchc.Reports.Tests.Reports;

/// <summary>
/// Sections that depend on other modules' views (remediation plan, data quality, one-stop) and on the analytics
/// (attribution, model). Present → shown with their numbers; absent → omitted with the reason.
/// </summary>
public sealed class OptionalSectionsTests(OptionalSectionsTests.Views fixture) : IClassFixture<OptionalSectionsTests.Views>
{
    private const string DqView =
        """
        CREATE OR REPLACE VIEW rpt.dq_finding AS SELECT * FROM (VALUES
            ('68', 2017, 'PAR', 'warning', 'children_sum', 'Tổng tiêu chí thành phần khác điểm lĩnh vực 3', 'par-2017.xlsx', TRUE, NULL, NULL),
            ('68', 2017, 'PAR', 'error', 'rank', 'Lỗi đã được lần nạp sau sửa', 'par-2017.xlsx', FALSE, NULL, NULL),
            ('01', 2017, 'PAR', 'error', 'rank', 'Hạng công bố khác hạng tính', 'par-2017.xlsx', TRUE, NULL, NULL)
        ) t(province_code, year, index_code, severity, rule_name, message, source_file, is_current, criterion_code, offending_values)
        """;

    private readonly ReportWarehouse _data = fixture.Data;

    /// <summary>Two tasks of Lâm Đồng's 2017 plan, addressing the results of <paramref name="resultYear"/>.</summary>
    private static string PlanView(int resultYear) =>
        $"""
        CREATE OR REPLACE VIEW rpt.remediation_task AS SELECT * FROM (VALUES
            (68, '68', 2017, {resultYear}, 'PAR', '3.4', 1.5, 'Rà soát quy trình một cửa', 'Sở Nội vụ', 'Department of Home Affairs', 'Quý IV/2017'),
            (68, '68', 2017, {resultYear}, 'PAR', '7.1', 0.25, 'Nâng cấp hệ thống', 'Sở Thông tin và Truyền thông', NULL, '2017')
        ) t(province_key, province_code, plan_year, result_year, index_code, criterion_code, points_lost, remedy, lead_agencies, lead_agencies_en, deadline_text)
        """;

    /// <summary>One small warehouse with the three optional views, shared by the tests of this class (run one at a time).</summary>
    public sealed class Views : IDisposable
    {
        public Views()
        {
            // The warehouse's own views read the plan, DQ and one-stop tables; these stand-ins feed known rows straight in.
            Data.Warehouse.Execute(PlanView(2016));
            Data.Warehouse.Execute(DqView);
            Data.Warehouse.Execute(
                """
                CREATE OR REPLACE VIEW rpt.dossier_on_time AS
                SELECT make_date(2017, m, 1) AS month_start, 2017 AS year, m AS month, 68 AS province_key, '68' AS province_code, lvl AS level_code,
                       1000 + m * 10 AS finished, 1000 + m * 10 AS rated,
                       CAST(round((1000 + m * 10) * (0.99 - idx * 0.03 - CASE WHEN m = 2 THEN 0.05 ELSE 0 END)) AS INTEGER) AS on_time, TRUE AS is_synthetic
                FROM range(1, 13) r(m), (VALUES ('province', 0), ('district', 1), ('commune', 2)) l(lvl, idx)
                """);
        }

        public ReportWarehouse Data { get; } = new([2016, 2017], provinceCount: 4);

        public void Dispose() => Data.Dispose();
    }

    [Fact]
    public void Loaded_plan_data_quality_and_one_stop_views_fill_their_sections()
    {
        var report = Build();
        var plan = report.Sections.Single(s => s.Id == "plan");
        Assert.Null(plan.OmittedBecause);
        var planTable = plan.Blocks.OfType<TableBlock>().Single();
        Assert.Equal(2, planTable.Rows.Count);
        Assert.Contains(planTable.Rows, r => r[1].StartsWith("3.4 ", StringComparison.Ordinal) && r[5] == "Sở Nội vụ");

        // The plan addresses the 2016 results under the same methodology as 2017: its lead agencies are the priorities'.
        var priorities = report.Sections.Single(s => s.Id == "priorities");
        var table = priorities.Blocks.OfType<TableBlock>().First();
        Assert.Contains(table.Rows, r => r[1].StartsWith("3.4 ", StringComparison.Ordinal) && r[6] == "Sở Nội vụ");
        Assert.Contains(priorities.Blocks.OfType<ParagraphBlock>(), b => b.Text == ReportText.Vietnamese.LeadAgenciesFrom(2017, 2016));

        var dq = report.Sections.Single(s => s.Id == "data-quality");
        var dqRows = dq.Blocks.OfType<TableBlock>().Single().Rows;
        var finding = Assert.Single(dqRows); // the superseded finding is left out
        Assert.Equal(("Cảnh báo", "Tổng tiêu chí thành phần khác điểm lĩnh vực 3"), (finding[0], finding[4]));

        var oneStop = report.Sections.Single(s => s.Id == "one-stop");
        Assert.Null(oneStop.OmittedBecause);
        var chart = oneStop.Blocks.OfType<ChartBlock>().Single().Chart;
        Assert.Contains("hồ sơ một cửa được giải quyết đúng hạn", chart.Title);
        Assert.Contains("3.4.1", chart.Reading);
        Assert.Contains("rpt.dossier_on_time 2017", report.SyntheticBanner);
    }

    [Fact]
    public void A_plan_of_another_methodology_version_is_neither_compared_nor_used_for_lead_agencies()
    {
        // A plan addressing 2010 results, when the catalogue's criteria of 2010 are another version than 2017's.
        _data.Warehouse.Execute(
            """
            INSERT INTO dw.dim_criterion (criterion_key, index_code, version_code, criterion_code, parent_code, level, name_vi, name_en,
                max_points, weight, points_source, valid_from_year, valid_to_year, is_illustrative, note)
            VALUES (99999, 'PAR', 'PAR-OLD', '1', NULL, 1, 'Lĩnh vực 1 (cũ)', 'Field 1 (old)', 10, NULL, 'appraisal', 2005, 2011, FALSE, NULL)
            """);
        _data.Warehouse.Execute(PlanView(2010));
        try
        {
            var report = Build();
            Assert.Contains("PAR-OLD", report.Sections.Single(s => s.Id == "plan").OmittedBecause);
            var priorities = report.Sections.Single(s => s.Id == "priorities");
            Assert.All(priorities.Blocks.OfType<TableBlock>().First().Rows, r => Assert.Equal(ReportText.Vietnamese.NoLeadAgency, r[6]));
            Assert.Contains(priorities.Blocks.OfType<ParagraphBlock>(), b => b.Text == ReportText.Vietnamese.NoPlanLoaded);
        }
        finally
        {
            _data.Warehouse.Execute("DELETE FROM dw.dim_criterion WHERE criterion_key = 99999");
            _data.Warehouse.Execute(PlanView(2016));
        }
    }

    [Fact]
    public void The_analytics_fill_the_attribution_and_the_notes_explain_the_split_and_the_intervals()
    {
        var report = Build();
        var attribution = report.Sections.Single(s => s.Id == "attribution");
        Assert.Null(attribution.OmittedBecause);
        var previousRank = _data.Rank("PAR", 2016, "68");
        var rank = _data.Rank("PAR", 2017, "68");
        Assert.Contains($"tổng cộng đúng bằng {ReportText.Vietnamese.WithSign(previousRank - rank, 0)} bậc", attribution.Blocks.OfType<ChartBlock>().Single().Chart.Reading);
        Assert.Contains(attribution.Blocks.OfType<ParagraphBlock>(), b => b.Text.Contains("nhiễu do chọn mẫu", StringComparison.Ordinal));
        var notes = report.Sections.Single(s => s.Id == "methodology").Blocks.OfType<ListBlock>().Single().Items;
        Assert.Contains(ReportText.Vietnamese.SplitNote, notes);
        Assert.Contains(notes, n => n.StartsWith("Khoảng tin cậy:", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Hai năm cùng dùng phương pháp PAR", StringComparison.Ordinal));

        // Two years of PAR and PCI/PAPI totals only: too little for a model, and the report says so.
        Assert.NotNull(report.Sections.Single(s => s.Id == "model").OmittedBecause);
    }

    private ProvinceReport Build() =>
        new ProvinceReportBuilder(new ReportReader(_data.Warehouse), new ReportDrivers()).Build(new ReportRequest("68", 2017));
}
