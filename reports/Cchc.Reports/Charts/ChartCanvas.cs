using ScottPlot;
using SkiaSharp;

namespace Cchc.Reports.Charts;

/// <summary>
/// One chart image of a fixed size: a wrapped title (the finding) at the top, a source/provenance line at the bottom, and
/// the plot panels in between. The title and source are drawn here rather than by ScottPlot so that long Vietnamese
/// sentences wrap instead of being clipped.
/// </summary>
internal sealed class ChartCanvas : IDisposable
{
    public const float Margin = 20;
    private const float TitleSize = 21;
    private const float SourceSize = 13;
    private const int MaxTitleLines = 3;
    private const int MaxSourceLines = 3;

    /// <summary>
    /// The plots drawn while <see cref="RecordPlots"/> runs on this flow. The chart gallery's approval tests read the
    /// plotted values, ticks and limits from them, as drawn; a report never records.
    /// </summary>
    private static readonly AsyncLocal<List<Plot>?> Recorded = new();

    private readonly SKSurface _surface;

    public ChartCanvas(int width, int height, string title, string source)
    {
        ChartFont.EnsureRegistered();
        Width = width;
        Height = height;
        _surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Cannot create a {width}×{height} drawing surface.");
        Canvas.Clear(SKColors.White);

        var titleBottom = DrawLines(title, ChartFont.Bold, TitleSize, ChartPalette.Text, Margin, MaxTitleLines, fromBottom: false);
        var sourceTop = DrawLines(source, ChartFont.Regular, SourceSize, ChartPalette.MutedText, height - (Margin * 0.7f), MaxSourceLines, fromBottom: true);
        Body = new PixelRect(new Pixel(0, titleBottom + 6), new Pixel(width, sourceTop - 6));
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The area between title and source line, for the plot panels.</summary>
    public PixelRect Body { get; }

    private SKCanvas Canvas => _surface.Canvas;

    /// <summary>Splits <see cref="Body"/> into columns whose widths are in the given proportions.</summary>
    public IReadOnlyList<PixelRect> Columns(params double[] weights)
    {
        var total = weights.Sum();
        var rects = new List<PixelRect>();
        var left = Body.Left;
        foreach (var w in weights)
        {
            var right = left + (float)(Body.Width * w / total);
            rects.Add(new PixelRect(new Pixel(left, Body.Top), new Pixel(right, Body.Bottom)));
            left = right;
        }

        return rects;
    }

    /// <summary>Runs <paramref name="render"/> and returns its result with every plot it drew, in drawing order.</summary>
    internal static (T Result, IReadOnlyList<Plot> Plots) RecordPlots<T>(Func<T> render)
    {
        var outer = Recorded.Value;
        var plots = new List<Plot>();
        Recorded.Value = plots;
        try
        {
            return (render(), plots);
        }
        finally
        {
            Recorded.Value = outer;
        }
    }

    public void Draw(Plot plot) => Draw(plot, Body);

    /// <summary>
    /// Renders the plot on its own surface and places it in <paramref name="area"/>: ScottPlot clears the whole canvas it
    /// is given, which would erase the title, the source line and the other panels.
    /// </summary>
    public void Draw(Plot plot, PixelRect area)
    {
        var width = Math.Max(1, (int)Math.Round(area.Width));
        var height = Math.Max(1, (int)Math.Round(area.Height));
        using var panel = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Cannot create a {width}×{height} panel surface.");
        plot.Render(panel);
        Recorded.Value?.Add(plot);
        using var image = panel.Snapshot();
        Canvas.DrawImage(image, (float)Math.Round(area.Left), (float)Math.Round(area.Top));
    }

    /// <summary>
    /// Lossless PNG. The Sub filter at zlib level 3 encodes several times faster than Skia's default (all filters,
    /// level 6) for flat-colour charts, at a somewhat larger file; a report renders dozens of charts.
    /// </summary>
    public byte[] ToPng()
    {
        using var image = _surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 3))
            ?? throw new InvalidOperationException("PNG encoding failed.");
        return data.ToArray();
    }

    public void Dispose() => _surface.Dispose();

    /// <summary>Draws wrapped text from the top (returns the bottom of the block) or upwards from a bottom edge (returns its top).</summary>
    private float DrawLines(string text, SKTypeface face, float size, Color color, float edge, int maxLines, bool fromBottom)
    {
        using var font = new SKFont(face, size);
        using var paint = new SKPaint { Color = new SKColor(color.R, color.G, color.B, color.A), IsAntialias = true };
        var lines = TextWrap.Lines(text, s => font.MeasureText(s), Width - (2 * Margin), maxLines);
        var lineHeight = size * 1.3f;
        var top = fromBottom ? edge - (lines.Count * lineHeight) : edge;
        for (var i = 0; i < lines.Count; i++)
        {
            Canvas.DrawText(lines[i], Margin, top + ((i + 1) * lineHeight) - (lineHeight - size), SKTextAlign.Left, font, paint);
        }

        return fromBottom ? top : top + (lines.Count * lineHeight);
    }
}
