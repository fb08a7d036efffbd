using System.Text;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>CSV text: legacy Windows-1258 encoding (tone marks as combining characters), and damaged text.</summary>
public sealed class CsvTextTests : IDisposable
{
    private const string Valid = "province;year;score\nLâm Đồng;2017;63,5\nQuảng Ninh;2017;70,69\n\"Thừa Thiên Huế\";2017;\"65,2\"\nĐắk Lắk;2017;61\n";

    private static readonly Encoding Windows1258 = LegacyEncoding();

    private readonly ReaderContract _contract = new();

    [Fact]
    public void Windows_1258_text_with_combining_tone_marks_reads_as_NFC_names_that_resolve()
    {
        var bytes = Windows1258.GetBytes(ToWindows1258Form(Valid));
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes)); // really legacy bytes
        var path = Path.Combine(_contract.Folder, "legacy.csv");
        File.WriteAllBytes(path, bytes);

        var sheet = Workbook.Open(path).Sheets.Single();

        Assert.Equal(["Lâm Đồng", "Quảng Ninh", "Thừa Thiên Huế", "Đắk Lắk"], Enumerable.Range(1, 4).Select(r => sheet.Text(r, 0)));
        Assert.All(Enumerable.Range(1, 4), r => Assert.True(sheet.Text(r, 0)!.IsNormalized(NormalizationForm.FormC)));
        Assert.Equal(["68", "22", "46", "66"], Enumerable.Range(1, 4).Select(r => ProvinceResolver.Default.Resolve(sheet.Text(r, 0), 2017)!.GsoCode));
        Assert.Equal(65.2, sheet.Number(3, 2));
    }

    [Fact]
    public void Damaged_csv_text_is_read_or_refused_clearly()
    {
        var utf8 = Encoding.UTF8.GetBytes(Valid);
        var legacy = Windows1258.GetBytes(ToWindows1258Form(Valid));
        foreach (var (name, bytes) in new[] { ("utf-8", utf8), ("windows-1258", legacy) })
        {
            foreach (var length in Mutations.TruncationLengths(bytes.Length, 20))
            {
                _contract.Check($"{name} csv truncated to {length} bytes", bytes[..length], ".csv");
            }

            for (var seed = 1; seed <= 15; seed++)
            {
                _contract.Check($"{name} csv with bytes flipped (seed {seed})", Mutations.FlipBytes(bytes, seed, 1 + (seed % 4)), ".csv");
            }
        }

        _contract.Check("unbalanced quote", Encoding.UTF8.GetBytes("province,year,score\n\"Lâm Đồng,2017,63.5\nQuảng Ninh,2017,70\n"), ".csv");
        _contract.Check("a NUL byte", [.. utf8.Take(10), 0, .. utf8.Skip(10)], ".csv");
        _contract.Check("only separators and line breaks", Encoding.UTF8.GetBytes(",,,\n;;;\r\n\r\n,\n"), ".csv");
        _contract.Check("a byte-order mark and nothing else", [0xEF, 0xBB, 0xBF], ".csv");
        _contract.Check("UTF-16 with an odd byte count", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Valid), 0x41], ".csv");
        _contract.Check("one line of 1 MB", Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Repeat("70,5", 1 << 18))), ".csv");
        _contract.Check("100 000 short lines", Encoding.UTF8.GetBytes("province,year,score\n" + string.Concat(Enumerable.Repeat("Lâm Đồng,2017,63.5\n", 100_000))), ".csv");
        _contract.AssertHeld(expectSomeOpened: true);
    }

    /// <summary>Windows-1258 has the base letters â ê ô ă ơ ư đ precomposed but writes the five tones as combining marks:
    /// "Đồng" is stored as "Đô" + U+0300 + "ng".</summary>
    private static string ToWindows1258Form(string text)
    {
        var tones = new HashSet<char> { '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' };
        var sb = new StringBuilder();
        foreach (var element in text.Select(c => c.ToString()))
        {
            var decomposed = element.Normalize(NormalizationForm.FormD);
            sb.Append(new string(decomposed.Where(c => !tones.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC));
            sb.Append(decomposed.Where(tones.Contains).ToArray());
        }

        return sb.ToString();
    }

    private static Encoding LegacyEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    public void Dispose() => _contract.Dispose();
}
