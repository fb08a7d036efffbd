using Cchc.Etl.Quality;
using Cchc.Reports.Localization;

namespace Cchc.Cli.Tests;

/// <summary>The rules store English messages; a Vietnamese report words every rule in Vietnamese and keeps the values.</summary>
public sealed class DqWordingTests
{
    private const string EnglishMessage = "Lâm Đồng 2017, 3: scores 12.5, but its 4 children add up to 12.4";

    [Fact]
    public void Every_data_quality_rule_has_Vietnamese_wording()
    {
        var missing = QualityRules.Described.Select(r => r.Name)
            .Where(name => ReportText.Vietnamese.DqFindingText(name, null, null, EnglishMessage) == EnglishMessage)
            .ToList();
        Assert.True(missing.Count == 0, "no Vietnamese wording for: " + string.Join(", ", missing));
    }

    [Fact]
    public void A_finding_keeps_its_criterion_and_values_and_English_keeps_the_rule_s_message()
    {
        const string values = "3 = 12.5; 3.1 4 + 3.2 8.4 = 12.4";
        Assert.Equal("Tổng điểm các tiêu chí thành phần khác điểm của tiêu chí (3): " + values,
            ReportText.Vietnamese.DqFindingText("children-sum-to-parent", "3", values, EnglishMessage));
        Assert.Equal(EnglishMessage, ReportText.English.DqFindingText("children-sum-to-parent", "3", values, EnglishMessage));
        Assert.Equal("Tổng tiêu chí thành phần khác", ReportText.Vietnamese.DqFindingText("a-rule-of-another-module", "3", values, "Tổng tiêu chí thành phần khác"));
        Assert.Equal("Điểm bị mất khác điểm tối đa trừ điểm thẩm định (1.1): điểm tối đa 1.5; điểm 1.4111; điểm bị mất ghi trong văn bản 0.889; tối đa − điểm 0.0889",
            ReportText.Vietnamese.DqFindingText("points-lost-arithmetic", "1.1", "max points 1.5; score 1.4111; points lost as written 0.889; max − score 0.0889", EnglishMessage));
        Assert.EndsWith(": 62/63 tỉnh, thành phố", ReportText.Vietnamese.DqFindingText("province-coverage", null, "62 of 63 provinces", EnglishMessage));
    }

    [Fact]
    public void A_results_report_finding_keeps_its_sheet_row_and_numbers_in_Vietnamese()
    {
        Assert.Equal(
            "Báo cáo kết quả giải quyết TTHC: số liệu thành phần không cộng đúng tổng số: trang tính 'Nam 2018' dòng 8 (cấp tỉnh, Đất đai): "
            + "tổng số hồ sơ nhận giải quyết 560; kỳ trước chuyển qua 100 + trực tuyến 50 + trực tiếp, dịch vụ bưu chính 400 = 550",
            ReportText.Vietnamese.DqFindingText("onestop-report-parts-add-up", null,
                "sheet 'Nam 2018' row 8 (cấp tỉnh, Đất đai): received total 560; carried over 100 + online 50 + in person/postal 400 = 550", EnglishMessage));
        Assert.EndsWith(
            "dòng 7 (cấp tỉnh, CẤP TỈNH): tổng số hồ sơ đã giải quyết 705 ≠ tổng các dòng 710; trước hạn 3 ≠ tổng các dòng 4; quá hạn 1 ≠ tổng các dòng 2",
            ReportText.Vietnamese.DqFindingText("onestop-report-totals-match-rows", null,
                "sheet 'Nam 2018' row 7 (cấp tỉnh, CẤP TỈNH): resolved total 705 ≠ sum of rows 710; early 3 ≠ sum of rows 4; late 1 ≠ sum of rows 2", EnglishMessage));
    }
}
