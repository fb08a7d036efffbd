using System.Text.Json;
using Cchc.Reports.Analytics.Exact;

namespace Cchc.Reports.Tests.Analytics;

public sealed class FractionTests
{
    [Fact]
    public void Fractions_reduce_and_add_exactly()
    {
        var third = new Fraction(2, 6);
        Assert.Equal(new Fraction(1, 3), third);
        Assert.Equal("1/3", third.ToString());
        Assert.Equal((Fraction)1, third + third + third);
        Assert.Equal(new Fraction(-1, 6), new Fraction(1, 6) - new Fraction(1, 3));
        Assert.Equal(new Fraction(1, -2), new Fraction(-1, 2));
        Assert.True(new Fraction(1, 3) < new Fraction(1, 2));
        Assert.Equal(Fraction.Zero, default);
        Assert.Equal("0", default(Fraction).ToString());
    }

    [Fact]
    public void Json_carries_the_exact_form_and_a_number()
    {
        var json = JsonSerializer.Serialize(new Fraction(-3, 2));
        Assert.Equal("""{"exact":"-3/2","value":-1.5}""", json);
        Assert.Equal(new Fraction(-3, 2), JsonSerializer.Deserialize<Fraction>(json));
    }
}
