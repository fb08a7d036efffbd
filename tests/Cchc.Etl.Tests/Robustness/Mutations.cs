using System.IO.Compression;
using System.Text;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>
/// Deterministic damage to valid files: truncation at spread offsets, byte flips from fixed seeds, and rewriting one
/// part of an .xlsx archive (its XML) while keeping the archive itself valid. The same seed gives the same bytes.
/// </summary>
internal static class Mutations
{
    /// <summary><paramref name="count"/> lengths spread evenly over the file, plus the edges where formats keep their
    /// headers and trailers (the first bytes, the zip end-of-central-directory record, the last byte).</summary>
    public static IReadOnlyList<int> TruncationLengths(int length, int count)
    {
        var lengths = new SortedSet<int> { 1, 2, 4, 8, 30, 512, length - 22, length - 1 };
        for (var k = 1; k < count; k++)
        {
            lengths.Add((int)((long)length * k / count));
        }

        return lengths.Where(l => l > 0 && l < length).ToList();
    }

    /// <summary>XORs <paramref name="flips"/> bytes at positions from a fixed seed with a non-zero value.</summary>
    public static byte[] FlipBytes(byte[] bytes, int seed, int flips) => FlipBytes(bytes, seed, flips, 0, bytes.Length);

    /// <summary>As <see cref="FlipBytes(byte[], int, int)"/>, within [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static byte[] FlipBytes(byte[] bytes, int seed, int flips, int from, int to)
    {
        var copy = (byte[])bytes.Clone();
        var random = new Random(seed);
        for (var i = 0; i < flips; i++)
        {
            copy[random.Next(from, Math.Min(to, copy.Length))] ^= (byte)random.Next(1, 256);
        }

        return copy;
    }

    /// <summary>Replaces characters of a text at positions from a fixed seed with markup-significant ones.</summary>
    public static string FlipCharacters(string text, int seed, int flips)
    {
        const string Alphabet = "<>&\"'/=:;#x0 \u0000\uFFFF\u00E9";
        var chars = text.ToCharArray();
        var random = new Random(seed);
        for (var i = 0; i < flips; i++)
        {
            chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>The entry names of an .xlsx archive.</summary>
    public static IReadOnlyList<string> Entries(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    /// <summary>The archive with one entry's bytes replaced (<paramref name="rewrite"/> returns null to drop the entry).</summary>
    public static byte[] RewriteEntry(byte[] xlsx, string entryName, Func<byte[], byte[]?> rewrite)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                byte[] content;
                using (var read = entry.Open())
                using (var buffer = new MemoryStream())
                {
                    read.CopyTo(buffer);
                    content = buffer.ToArray();
                }

                var bytes = entry.FullName == entryName ? rewrite(content) : content;
                if (bytes is null)
                {
                    continue;
                }

                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
                copy.LastWriteTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var write = copy.Open();
                write.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>The archive with one entry's text rewritten.</summary>
    public static byte[] RewriteText(byte[] xlsx, string entryName, Func<string, string> rewrite) =>
        RewriteEntry(xlsx, entryName, b => Encoding.UTF8.GetBytes(rewrite(Encoding.UTF8.GetString(b))));
}
