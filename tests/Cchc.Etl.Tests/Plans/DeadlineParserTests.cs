using Cchc.Etl.Plans;

namespace Cchc.Etl.Tests.Plans;

public sealed class DeadlineParserTests
{
    [Theory]
    [InlineData("Trong năm 2018 và các năm tiếp theo", "2018-12-31", "date", true)]
    [InlineData("Quý I", "2018-03-31", "date", false)]
    [InlineData("Quý I, 6 tháng, Quý III và năm", "2018-12-31", "periodic", false)]
    [InlineData("Trong tháng 8 năm 2018", "2018-08-31", "date", false)]
    [InlineData("Quý 4/2019", "2019-12-31", "date", false)]
    [InlineData("Quý IV năm 2019", "2019-12-31", "date", false)]
    [InlineData("Trước ngày 30/9/2018", "2018-09-30", "date", false)]
    [InlineData("ngày 15 tháng 11 năm 2018", "2018-11-15", "date", false)]
    [InlineData("Tháng 2/2019", "2019-02-28", "date", false)]
    [InlineData("Tháng 10", "2018-10-31", "date", false)]
    [InlineData("6 tháng đầu năm", "2018-06-30", "date", false)]
    [InlineData("6 tháng cuối năm", "2018-12-31", "date", false)]
    [InlineData("Năm 2019", "2019-12-31", "date", false)]
    [InlineData("Hằng năm", null, "continuous", true)]
    [InlineData("Thường xuyên", null, "continuous", true)]
    [InlineData("Khi có yêu cầu", null, "unparsed", false)]
    [InlineData("", null, "none", false)]
    public void Deadlines_are_read_relative_to_the_plan_year(string text, string? date, string kind, bool ongoing)
    {
        var deadline = DeadlineParser.Parse(text, 2018);
        Assert.Equal(date, deadline.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(kind, deadline.Kind);
        Assert.Equal(ongoing, deadline.IsOngoing);
        Assert.Equal(text.Length == 0 ? null : text, deadline.Text);
    }
}
