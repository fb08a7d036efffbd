using Cchc.Etl.OneStop;
using Cchc.Etl.OneStopReports;

namespace Cchc.Etl.Tests.OneStopReports;

public sealed class ReportVocabularyTests
{
    [Theory]
    [InlineData("1.184", 1184)]
    [InlineData("1,184", 1184)]
    [InlineData("1 184", 1184)]
    [InlineData("1\u00A0184", 1184)]
    [InlineData("12.345.678", 12345678)]
    [InlineData("-", 0)]
    [InlineData("–", 0)]
    [InlineData("0", 0)]
    [InlineData(" 42 ", 42)]
    [InlineData("42,0", 42)]
    public void Counts_as_offices_type_them(string text, int expected)
    {
        Assert.Equal(expected, ReportVocabulary.Count(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("12.34")]
    [InlineData("x")]
    [InlineData("-3")]
    [InlineData("98%")]
    public void Text_that_is_no_count_names_itself(string text)
    {
        Assert.Null(ReportVocabulary.Count(text, out var problem));
        Assert.Contains($"'{text}' is not a count of dossiers", problem);
    }

    [Fact]
    public void Number_cells_must_be_whole_and_not_negative()
    {
        Assert.Equal(1184, ReportVocabulary.Count(1184.0, out _));
        Assert.Null(ReportVocabulary.Count(null, out var none));
        Assert.Null(none);
        Assert.Null(ReportVocabulary.Count(2.5, out var fraction));
        Assert.NotNull(fraction);
        Assert.Null(ReportVocabulary.Count(-1.0, out var negative));
        Assert.NotNull(negative);
    }

    [Theory]
    [InlineData("I. CẤP TỈNH", DossierLevel.Province)]
    [InlineData("Cấp tỉnh", DossierLevel.Province)]
    [InlineData("Sở ban ngành", DossierLevel.Province)]
    [InlineData("Các sở, ban, ngành", DossierLevel.Province)]
    [InlineData("Cấp thành phố (Sở, ban, ngành)", DossierLevel.Province)]
    [InlineData("II. UBND cấp huyện", DossierLevel.District)]
    [InlineData("Huyện, thị xã, thành phố", DossierLevel.District)]
    [InlineData("UBND các huyện, thành phố", DossierLevel.District)]
    [InlineData("III. Cấp xã", DossierLevel.Commune)]
    [InlineData("Xã, phường, thị trấn", DossierLevel.Commune)]
    [InlineData("II. Các cơ quan hành chính cấp huyện", DossierLevel.District)]
    [InlineData("Sở Tư pháp", DossierLevel.Unknown)]
    [InlineData("Huyện Đức Trọng", DossierLevel.Unknown)]
    [InlineData("Xã Tà Nung", DossierLevel.Unknown)]
    [InlineData("Đất đai", DossierLevel.Unknown)]
    public void The_level_a_group_row_names(string label, object level) => Assert.Equal((DossierLevel)level, ReportVocabulary.LevelOf(label));

    [Theory]
    [InlineData("TỔNG CỘNG", true)]
    [InlineData("Tổng số", true)]
    [InlineData("Cộng", true)]
    [InlineData("Cộng cấp tỉnh", true)]
    [InlineData("Toàn tỉnh", true)]
    [InlineData("Công chứng", false)]
    [InlineData("Công Thương", false)]
    [InlineData("Cộng đồng dân cư", false)]
    public void Total_rows(string label, bool total) => Assert.Equal(total, ReportVocabulary.IsTotal(label));

    [Fact]
    public void A_level_total_names_its_level_and_the_grand_total_none()
    {
        Assert.Equal(DossierLevel.Province, ReportVocabulary.TotalLevel("Cộng cấp tỉnh"));
        Assert.Equal(DossierLevel.District, ReportVocabulary.TotalLevel("Tổng cấp huyện"));
        Assert.Equal(DossierLevel.Unknown, ReportVocabulary.TotalLevel("TỔNG CỘNG"));
        Assert.Equal(DossierLevel.Unknown, ReportVocabulary.TotalLevel("Toàn tỉnh"));
    }

    [Theory]
    [InlineData("Người lập biểu")]
    [InlineData("KT. CHỦ TỊCH")]
    [InlineData("TM. ỦY BAN NHÂN DÂN")]
    [InlineData("Nơi nhận:")]
    [InlineData("Ghi chú: số liệu trích xuất ngày 30/9")]
    [InlineData("Lâm Đồng, ngày 05 tháng 10 năm 2020")]
    [InlineData("Hướng dẫn ghi biểu")]
    public void What_follows_the_table(string line) => Assert.True(ReportVocabulary.StartsFooter(line));

    [Theory]
    [InlineData("Hướng dẫn viên du lịch")]
    [InlineData("Ghi chú")]
    [InlineData("Đất đai")]
    public void Not_a_footer(string line) => Assert.False(ReportVocabulary.StartsFooter(line));
}
