using Cchc.Reports.Charts;
using Cchc.Reports.Localization;

namespace Cchc.Reports.Tests.Charts;

/// <summary>
/// The chart cookbook: every recipe renders a PNG (Vietnamese and English) into <see cref="OutputFolder"/>, where a person
/// can look at them; each must be a real picture of the documented size.
/// </summary>
public sealed class ChartRecipeTests
{
    public static readonly string OutputFolder = Path.Combine(AppContext.BaseDirectory, "chart-cookbook");

    public static TheoryData<string> Languages => ["vi", "en"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Rank_history_renders(string lang) =>
        Check(RankHistoryChart.Render(Samples(lang).RankHistory(), Samples(lang).Context), lang, RankHistoryChart.Width, RankHistoryChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Points_lost_renders(string lang) =>
        Check(PointsLostChart.Render(Samples(lang).PointsLost(), Samples(lang).Context), lang, PointsLostChart.Width, PointsLostChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Waterfall_renders(string lang) =>
        Check(WaterfallChart.Render(Samples(lang).Waterfall(), Samples(lang).Context), lang, WaterfallChart.Width, WaterfallChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Attribution_renders(string lang) =>
        Check(AttributionChart.Render(Samples(lang).Attribution(), Samples(lang).Context), lang, AttributionChart.Width, AttributionChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Distribution_renders(string lang) =>
        Check(DistributionChart.Render(Samples(lang).Distribution(), Samples(lang).Context), lang, DistributionChart.Width, DistributionChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Heatmap_renders(string lang) =>
        Check(HeatmapChart.Render(Samples(lang).Heatmap(), Samples(lang).Context), lang, HeatmapChart.Width, HeatmapChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Importance_renders(string lang) =>
        Check(ImportanceChart.Render(Samples(lang).Importance(), Samples(lang).Context), lang, ImportanceChart.Width, ImportanceChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void What_if_curve_renders(string lang) =>
        Check(WhatIfCurveChart.Render(Samples(lang).WhatIf(), Samples(lang).Context), lang, WhatIfCurveChart.Width, WhatIfCurveChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void On_time_renders(string lang) =>
        Check(OnTimeChart.Render(Samples(lang).OnTime(), Samples(lang).Context), lang, OnTimeChart.Width, OnTimeChart.Height);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Scatter_renders(string lang) =>
        Check(ScatterChart.Render(Samples(lang).Scatter(), Samples(lang).Context), lang, ScatterChart.Width, ScatterChart.Height);

    [Fact]
    public void Importance_title_says_when_the_model_does_not_beat_the_baselines()
    {
        var samples = Samples("vi");
        var chart = ImportanceChart.Render(samples.Importance(beats: false), samples.Context);
        Check(chart, "vi-not-beating", ImportanceChart.Width, ImportanceChart.Height);
        Assert.Contains("KHÔNG tốt hơn", chart.Title);
        var english = Samples("en");
        Assert.Contains("does NOT beat", ImportanceChart.Render(english.Importance(beats: false), english.Context).Title);
    }

    [Fact]
    public void Attribution_that_does_not_add_up_is_refused()
    {
        var samples = Samples("vi");
        var wrong = samples.Attribution() with { Peers = samples.Attribution().Peers with { PlacesGained = 0.5 } };
        var e = Assert.Throws<ArgumentException>(() => AttributionChart.Render(wrong, samples.Context));
        Assert.Contains("observed change is 3", e.Message);
    }

    [Fact]
    public void Attribution_draws_the_methodology_and_the_publication_adjustment_as_their_own_bars()
    {
        var samples = Samples("en");
        var input = samples.Attribution() with
        {
            Fields = [.. samples.Attribution().Fields.Take(7), samples.Attribution().Fields[7] with { PlacesGained = -1.75 }],
            Methodology = new AttributionItem("", "Changed maximum points (PAR-2948 → PAR-1149)", 2.0, 1.0, 3.0),
            PublicationAdjustment = -1,
        };
        var chart = AttributionChart.Render(input, samples.Context);
        Check(chart, "en-methodology", AttributionChart.Width, AttributionChart.Height);
        Assert.Contains("changed maximum points: +2.0 places", chart.Reading);
        Assert.Contains("published rank vs recomputed: −1", chart.Reading);
        Assert.Contains("within sampling noise", chart.Title);
        Assert.Contains("cannot be told apart from sampling noise", chart.Reading);
    }

    [Fact]
    public void Importance_chart_names_the_model_whose_importances_it_shows()
    {
        var samples = Samples("en");
        var chart = ImportanceChart.Render(samples.Importance() with { ModelName = "Linear" }, samples.Context);
        Assert.StartsWith("Linear predicts PAR rank significantly better", chart.Title);
        Assert.Contains("PCI 9: Labour training 0.082 (90%: 0.050–0.120)", chart.Reading);
        Assert.Throws<ArgumentException>(() => ImportanceChart.Render(samples.Importance() with { ModelName = "Random forest" }, samples.Context));
    }

    [Fact]
    public void Waterfall_shows_an_unallocated_bar_when_the_fields_do_not_add_up()
    {
        var samples = Samples("vi");
        var input = samples.Waterfall() with { Total = 71.99 };
        var chart = WaterfallChart.Render(input, samples.Context);
        Check(chart, "vi-unallocated", WaterfallChart.Width, WaterfallChart.Height);
        Assert.Contains("tăng 2,25 điểm", chart.Title);
        Assert.Contains("đúng bằng mức thay đổi +2,25", chart.Reading);
    }

    [Fact]
    public void Titles_state_the_finding_from_the_numbers()
    {
        var vi = Samples("vi");
        Assert.Equal("Lâm Đồng: hạng Chỉ số CCHC năm 2017 là 48/63, giữ nguyên thứ hạng so với năm 2016",
            RankHistoryChart.Render(vi.RankHistory(), vi.Context).Title);
        Assert.StartsWith("Lâm Đồng tăng 3 bậc (51 → 48/63) — nằm trong mức nhiễu do chọn mẫu; 3 Cải cách thủ tục hành chính đóng góp +2,8 bậc",
            AttributionChart.Render(vi.Attribution(), vi.Context).Title);
        var en = Samples("en");
        Assert.StartsWith("Lâm Đồng: PAR Index score rose by 1.25 points (69.74 in 2016 → 70.99 in 2017)",
            WaterfallChart.Render(en.Waterfall(), en.Context).Title);
        Assert.StartsWith("Recovering 8.40 points in 8 priority criteria would lift Lâm Đồng from rank 48 to 23 of 63; target rank 30 is reached after 5.60 points",
            WhatIfCurveChart.Render(en.WhatIf(), en.Context).Title);
    }

    [Fact]
    public void A_target_already_met_is_said_to_be_met_not_reached_after_some_points()
    {
        var step = new WhatIfStep("3.4", "Kết quả giải quyết TTHC", 0.17, 8);
        Assert.EndsWith("it already holds target rank 10 or better",
            ReportText.Parse("en").WhatIfTitle("Lâm Đồng", 9, 63, step, 1, 10, step));
        Assert.EndsWith("tỉnh đã đạt hạng mục tiêu 10 hoặc cao hơn",
            ReportText.Parse("vi").WhatIfTitle("Lâm Đồng", 9, 63, step, 1, 10, step));
    }

    private static ChartSamples Samples(string lang) => new(ReportText.Parse(lang));

    private static void Check(ChartImage chart, string variant, int width, int height)
    {
        var path = chart.Save(Path.Combine(OutputFolder, variant));
        Assert.True(File.Exists(path));
        Assert.Equal((width, height), Png.Size(File.ReadAllBytes(path)));
        Assert.Equal((width, height), (chart.Width, chart.Height));
        Assert.True(chart.Png.Length > 20_000, $"{chart.Name}: only {chart.Png.Length} bytes");
        Assert.True(Png.DistinctColours(chart.Png) > 20, $"{chart.Name} looks blank");
        Assert.True(Png.InkShare(chart.Png, 20, 46) > 0.03, $"{chart.Name} has no title");
        Assert.True(Png.InkShare(chart.Png, height - 30, height) > 0.005, $"{chart.Name} has no source line");
        Assert.False(string.IsNullOrWhiteSpace(chart.Title));
        Assert.EndsWith(".", chart.Reading);
        Assert.Equal(chart.Title.Normalize(System.Text.NormalizationForm.FormC), chart.Title);
        Assert.Equal(chart.Reading.Normalize(System.Text.NormalizationForm.FormC), chart.Reading);
    }
}
