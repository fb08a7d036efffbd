using System.Globalization;
using Cchc.Etl.OneStopReports;

namespace Cchc.Etl.Tests.OneStopReports;

/// <summary>Period lines as offices write them: named periods, explicit dates (which win), and dates alone.</summary>
public sealed class ReportPeriodParserTests
{
    [Theory]
    [InlineData("Kỳ báo cáo: Quý II năm 2019 (từ ngày 15/3/2019 đến ngày 14/6/2019)", "2019-03-15", "2019-06-14", "quarter", "Quý II năm 2019")]
    [InlineData("KỲ BÁO CÁO: QUÝ I/2020 (Từ ngày 01/12/2019 đến ngày 29/02/2020)", "2019-12-01", "2020-02-29", "quarter", "Quý I năm 2020")]
    [InlineData("Kỳ báo cáo: Quý 3 năm 2021", "2021-07-01", "2021-09-30", "quarter", "Quý III năm 2021")]
    [InlineData("Kỳ báo cáo: quý IV - 2018", "2018-10-01", "2018-12-31", "quarter", "Quý IV năm 2018")]
    [InlineData("Kỳ báo cáo: 6 tháng đầu năm 2020", "2020-01-01", "2020-06-30", "half_year", "6 tháng đầu năm 2020")]
    [InlineData("Kỳ báo cáo: Sáu tháng cuối năm 2020", "2020-07-01", "2020-12-31", "half_year", "6 tháng cuối năm 2020")]
    [InlineData("BÁO CÁO KẾT QUẢ GIẢI QUYẾT TTHC 06 THÁNG NĂM 2022", "2022-01-01", "2022-06-30", "half_year", "6 tháng đầu năm 2022")]
    [InlineData("Kỳ báo cáo: 9 tháng năm 2019", "2019-01-01", "2019-09-30", "nine_months", "9 tháng năm 2019")]
    [InlineData("Kỳ báo cáo: Năm 2021", "2021-01-01", "2021-12-31", "year", "Năm 2021")]
    [InlineData("Kỳ báo cáo: Năm 2018 (từ ngày 15/12/2017 đến ngày 14/12/2018)", "2017-12-15", "2018-12-14", "year", "Năm 2018")]
    [InlineData("Kỳ báo cáo: Tháng 5/2022", "2022-05-01", "2022-05-31", "month", "Tháng 5 năm 2022")]
    [InlineData("Kỳ báo cáo: tháng 02 năm 2024", "2024-02-01", "2024-02-29", "month", "Tháng 2 năm 2024")]
    [InlineData("Số liệu tính từ ngày 15 tháng 12 năm 2018 đến hết ngày 14 tháng 3 năm 2019", "2018-12-15", "2019-03-14", "custom", "15/12/2018 – 14/03/2019")]
    [InlineData("(Từ ngày 01/04/2019 đến ngày 30/06/2019)", "2019-04-01", "2019-06-30", "quarter", "01/04/2019 – 30/06/2019")]
    [InlineData("từ 01/01/2023 – 31/12/2023", "2023-01-01", "2023-12-31", "year", "01/01/2023 – 31/12/2023")]
    public void Reads_the_period(string line, string start, string end, string kind, string label)
    {
        var period = ReportPeriodParser.Parse([line])!;
        Assert.Equal((Day(start), Day(end), kind, label), (period.Start, period.End, period.Kind, period.Label));
    }

    [Fact]
    public void The_named_period_and_the_dates_may_be_on_separate_lines_and_a_signing_date_is_not_a_period()
    {
        var period = ReportPeriodParser.Parse(
            ["Số: 215/BC-UBND, Lâm Đồng, ngày 10 tháng 7 năm 2019", "Kỳ báo cáo: 6 tháng đầu năm 2019", "(Từ ngày 15/12/2018 đến ngày 14/6/2019)"])!;
        Assert.Equal((Day("2018-12-15"), Day("2019-06-14"), "half_year"), (period.Start, period.End, period.Kind));

        Assert.Null(ReportPeriodParser.Parse(["Lâm Đồng, ngày 10 tháng 7 năm 2019", "Kỳ báo cáo: ………", "(Từ ngày … đến ngày …)"]));
    }

    [Theory]
    [InlineData("Kỳ báo cáo: Quý II (từ ngày 14/6/2019 đến ngày 15/3/2019)")]
    [InlineData("từ ngày 31/02/2019 đến ngày 31/03/2019")]
    [InlineData("Kỳ báo cáo: tháng 13/2019")]
    [InlineData("từ ngày 01/01/2018 đến ngày 31/12/2019")]
    public void Dates_that_are_no_period_are_refused(string line) =>
        Assert.Throws<FormatException>(() => ReportPeriodParser.Parse([line]));

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
