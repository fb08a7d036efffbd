using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.Spreadsheets;

public sealed class CellValuesTests
{
    [Theory]
    [InlineData("5,1611", 5.1611)]
    [InlineData("70,99%", 70.99)]
    [InlineData("70.99", 70.99)]
    [InlineData(" 0,889 ", 0.889)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("14,5", 14.5)]
    [InlineData("10", 10)]
    [InlineData("-3,5", -3.5)]
    public void Parses_numbers_written_the_Vietnamese_way(string text, double expected) =>
        Assert.Equal(expected, CellValues.Number(text)!.Value, 10);

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("n/a")]
    [InlineData("#N/A")]
    [InlineData("#REF!")]
    [InlineData(null)]
    public void Blanks_dashes_and_errors_are_not_numbers(string? text) => Assert.Null(CellValues.Number(text));

    [Fact]
    public void Numeric_cells_pass_through() => Assert.Equal(63.5, CellValues.Number(63.5));

    [Fact]
    public void Text_is_trimmed_and_NFC()
    {
        var decomposed = "Lâm Đồng".Normalize(System.Text.NormalizationForm.FormD) + "\u00A0 ";
        Assert.Equal("Lâm Đồng", CellValues.Text(decomposed));
        Assert.True(CellValues.Text(decomposed)!.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Điểm thẩm định", "diem tham dinh")]
    [InlineData("  Thừa Thiên  Huế ", "thua thien hue")]
    [InlineData("Hoà Bình", "hoa binh")]
    [InlineData("Hòa Bình", "hoa binh")]
    public void Fold_removes_diacritics_case_and_extra_spaces(string text, string folded) =>
        Assert.Equal(folded, CellValues.Fold(text));

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names_round_trip(int index, string name)
    {
        Assert.Equal(name, ColumnName.Of(index));
        Assert.Equal(index, ColumnName.IndexOf(name));
    }
}
