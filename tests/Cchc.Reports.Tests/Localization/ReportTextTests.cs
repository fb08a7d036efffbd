using System.Reflection;
using Cchc.Reports.Drivers;
using Cchc.Reports.Localization;
using Cchc.Reports.ReportData;

namespace Cchc.Reports.Tests.Localization;

public sealed class ReportTextTests
{
    [Fact]
    public void Numbers_use_each_language_s_separators_and_a_true_minus()
    {
        Assert.Equal("70,99", ReportText.Vietnamese.Number(70.99));
        Assert.Equal("70.99", ReportText.English.Number(70.99));
        Assert.Equal("1.234.567", ReportText.Vietnamese.Whole(1_234_567));
        Assert.Equal("1,234,567", ReportText.English.Whole(1_234_567));
        Assert.Equal("−0,40", ReportText.Vietnamese.WithSign(-0.4));
        Assert.Equal("+1.25", ReportText.English.WithSign(1.25));
        Assert.Equal("0,00", ReportText.Vietnamese.WithSign(-0.001));
        Assert.Equal("97,8%", ReportText.Vietnamese.Percent(0.978));
    }

    [Fact]
    public void English_table_has_no_Vietnamese_words()
    {
        foreach (var text in EveryString(ReportText.English))
        {
            Assert.False(text.Any(IsVietnamese), $"Vietnamese letters in English text: {text}");
        }
    }

    [Fact]
    public void Vietnamese_table_is_NFC_and_differs_from_English()
    {
        var vi = EveryString(ReportText.Vietnamese).ToList();
        var en = EveryString(ReportText.English).ToList();
        Assert.Equal(vi.Count, en.Count);
        foreach (var text in vi)
        {
            Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), text);
        }

        Assert.True(vi.Zip(en).Count(p => p.First == p.Second) <= 4, "the two tables should translate, not copy");
    }

    /// <summary>Every string property, and every string-returning method called with simple sample arguments.</summary>
    private static IEnumerable<string> EveryString(ReportText text)
    {
        foreach (var property in typeof(ReportText).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string))
            {
                yield return (string)property.GetValue(text)!;
            }
            else if (property.PropertyType == typeof(IReadOnlyList<string>))
            {
                foreach (var s in (IReadOnlyList<string>)property.GetValue(text)!)
                {
                    yield return s;
                }
            }
        }

        foreach (var gap in Enum.GetValues<DriverGap>())
        {
            yield return text.DriverGapReason(gap, "2017");
        }

        foreach (var gap in Enum.GetValues<ViewGap>())
        {
            yield return text.ViewGapReason(gap, "dq_finding", "severity");
        }

        foreach (var status in Enum.GetValues<PlanStatus>())
        {
            yield return text.PlanStatusText(status);
        }

        foreach (var level in Enum.GetValues<DossierLevel>())
        {
            yield return text.LevelName(level);
        }

        yield return text.IndexName("PAR");
        yield return text.Publisher("PAR");
        yield return text.ReportTitle(text.IndexName("PAR"), 2017, "X");
        yield return text.SyntheticBanner("PAR 2017");
        yield return text.Change(1.25, 51, 48, 63, 63, 2016);
        yield return text.MergedProvince(2024, [("X", 48, 63)]);
        yield return text.PrioritiesIntro(48, 63);
        yield return text.PlanSummary(2018, 10, 4, 3, 2019);
        yield return text.MethodologyVersion("PAR", 2017, "A", 2016, "B");
        yield return text.SourceLine([("PAR", 2016, 2017)], ["a.xlsx"], SyntheticShare.Some);
        yield return text.RankAxis(63);
        yield return text.WhatIfReading([new Cchc.Reports.Charts.WhatIfStep("1.1", "x", 1, 40)], 48, 63);
    }

    private static bool IsVietnamese(char c) =>
        c is 'đ' or 'Đ' or 'ă' or 'Ă' or 'ơ' or 'Ơ' or 'ư' or 'Ư' or >= '\u1EA0' and <= '\u1EF9'
        || "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".Contains(c, StringComparison.Ordinal);
}
