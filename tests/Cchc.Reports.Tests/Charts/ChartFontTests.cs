using Cchc.Reports.Charts;
using SkiaSharp;

namespace Cchc.Reports.Tests.Charts;

public sealed class ChartFontTests
{
    private const string Sample = "Chỉ số CCHC Lâm Đồng, Thừa Thiên Huế";

    /// <summary>Every precomposed Vietnamese letter (NFC), lower and upper case.</summary>
    private const string VietnameseLetters =
        "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";

    [Fact]
    public void Embedded_font_covers_Vietnamese_without_fallback()
    {
        Assert.True(ChartFont.Covers(Sample));
        Assert.True(ChartFont.Covers(VietnameseLetters + VietnameseLetters.ToUpperInvariant()));
        Assert.True(ChartFont.Covers("−→–…▶±²×"), "symbols used in titles and labels");
        Assert.Equal("DejaVu Sans", ChartFont.Regular.FamilyName);
        Assert.Equal("DejaVu Sans", ChartFont.Bold.FamilyName);
        Assert.True(ChartFont.Bold.FontStyle.Weight >= (int)SKFontStyleWeight.Bold);
    }

    [Fact]
    public void ScottPlot_resolves_the_chart_family_to_the_embedded_face_not_a_system_font()
    {
        ChartFont.EnsureRegistered();
        var typeface = ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: false, italic: false);
        Assert.Same(ChartFont.Regular, typeface);
        Assert.Same(ChartFont.Bold, ScottPlot.Fonts.GetTypeface(ChartFont.Family, bold: true, italic: false));
        Assert.Equal(ChartFont.Family, ScottPlot.Fonts.Default);
        using var system = SKFontManager.Default.MatchFamily(ChartFont.Family);
        Assert.True(system is null || system.FamilyName != ChartFont.Family, "the alias must not be a system family");
    }

    [Fact]
    public void Vietnamese_text_draws_every_glyph_from_the_font()
    {
        using var font = new SKFont(ChartFont.Regular, 20);
        var glyphs = font.GetGlyphs(Sample);
        Assert.Equal(Sample.Length, glyphs.Length);
        Assert.DoesNotContain((ushort)0, glyphs);
        Assert.True(font.MeasureText(Sample) > 200);
    }

    [Fact]
    public void The_licence_of_the_embedded_font_ships_with_the_assembly()
    {
        var licence = Path.Combine(AppContext.BaseDirectory, "LICENSE-DejaVu.txt");
        Assert.True(File.Exists(licence));
        Assert.Contains("Bitstream Vera", File.ReadAllText(licence));
    }
}
