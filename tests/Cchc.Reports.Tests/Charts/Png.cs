using System.Buffers.Binary;
using SkiaSharp;

namespace Cchc.Reports.Tests.Charts;

/// <summary>Reads what a test needs from PNG bytes: the IHDR size, and whether the picture has real content.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 33, "too short to be a PNG");
        Assert.Equal(Signature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }

    /// <summary>Distinct colours on a coarse grid: a blank or single-colour image has 1–2, a chart has many.</summary>
    public static int DistinctColours(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    /// <summary>Share of pixels in a band of rows that are not white (how much ink a region holds).</summary>
    public static double InkShare(byte[] png, int top, int bottom)
    {
        using var bitmap = SKBitmap.Decode(png);
        long ink = 0, total = 0;
        for (var y = Math.Max(0, top); y < Math.Min(bitmap.Height, bottom); y++)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                var p = bitmap.GetPixel(x, y);
                total++;
                if (p.Red < 235 || p.Green < 235 || p.Blue < 235)
                {
                    ink++;
                }
            }
        }

        return total == 0 ? 0 : (double)ink / total;
    }
}
