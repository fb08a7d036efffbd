using Cchc.Etl.OneStop;

namespace Cchc.Etl.Tests.OneStop;

public sealed class DossierDatesTests
{
    [Theory]
    [InlineData("15/03/2024", 2024, 3, 15)]
    [InlineData("5/3/2024", 2024, 3, 5)]
    [InlineData("05-03-2024", 2024, 3, 5)]
    [InlineData("05.03.2024", 2024, 3, 5)]
    [InlineData("15/03/2024 08:30", 2024, 3, 15)]
    [InlineData("15/03/2024 8:30:59", 2024, 3, 15)]
    [InlineData("15/03/2024 08:30 SA", 2024, 3, 15)]
    [InlineData(" 31/12/2025 ", 2025, 12, 31)]
    [InlineData("2024-03-15", 2024, 3, 15)]
    [InlineData("2024-03-15T08:30:00", 2024, 3, 15)]
    [InlineData("2024-03-15 08:30:00", 2024, 3, 15)]
    [InlineData("2024-03-15T08:30:00.123+07:00", 2024, 3, 15)]
    [InlineData("45366", 2024, 3, 15)]
    [InlineData("45366.75", 2024, 3, 15)]
    [InlineData("43101", 2018, 1, 1)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void Every_supported_form_parses(string text, int year, int month, int day)
    {
        Assert.True(DossierDates.TryParse(text, out var date), text);
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("31/02/2024")]
    [InlineData("29/02/2023")]
    [InlineData("15/13/2024")]
    [InlineData("2024-13-01")]
    [InlineData("15/03/24")]
    [InlineData("15/03-2024")]
    [InlineData("15/03/2024abc")]
    [InlineData("hôm qua")]
    [InlineData("12")]
    [InlineData("100000")]
    [InlineData("45366,5")]
    [InlineData("15/03/1899")]
    public void Anything_else_is_rejected(string text) => Assert.False(DossierDates.TryParse(text, out _), text);
}
