using ScottPlot;
using SkiaSharp;

namespace Cchc.Reports.Charts;

/// <summary>
/// The one font every chart draws with: DejaVu Sans, embedded in this assembly (licence in Charts/Fonts), registered with
/// ScottPlot under <see cref="Family"/> ahead of the system resolver. Rendering therefore never depends on the fonts a
/// machine happens to have, and Vietnamese (NFC, precomposed) is covered on every machine.
/// </summary>
public static class ChartFont
{
    /// <summary>A family name no system font uses, so a lookup can only reach the embedded faces.</summary>
    public const string Family = "Cchc DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly object Gate = new();
    private static bool _registered;

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>Registers the embedded faces with ScottPlot (idempotent, thread-safe) and makes them the default.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver());
            Fonts.Default = Family;
            Fonts.Sans = Family;
            _registered = true;
        }
    }

    /// <summary>True when both faces have a glyph for every character of <paramref name="text"/> (no tofu, no fallback).</summary>
    public static bool Covers(string text) => Regular.ContainsGlyphs(text) && Bold.ContainsGlyphs(text);

    private static SKTypeface Load(string file)
    {
        var name = "Cchc.Reports.Fonts." + file;
        using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from {typeof(ChartFont).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return SKTypeface.FromData(SKData.CreateCopy(copy.ToArray()))
            ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? Bold : Regular) : null;
    }
}
