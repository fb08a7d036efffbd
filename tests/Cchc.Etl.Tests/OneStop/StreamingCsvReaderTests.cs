using System.Text;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.OneStop;

public sealed class StreamingCsvReaderTests
{
    private static List<List<string>> ReadAll(byte[] bytes, out StreamingCsvReader reader)
    {
        reader = new StreamingCsvReader(new MemoryStream(bytes));
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            var r = reader;
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => r.Field(i).ToString()).ToList());
        }

        return rows;
    }

    [Fact]
    public void Semicolons_quotes_escapes_line_breaks_and_bom_are_read_like_rfc4180()
    {
        var text = "\uFEFF# comment\r\nMã hồ sơ;Cơ quan;Ghi chú\r\nA1;\"UBND Phường 1; Đà Lạt\";\"nói \"\"xong\"\"\"\r\n\r\nA2;Sở Y tế;\"hai\ndòng\"\nA3;;\n";
        var rows = ReadAll(new UTF8Encoding(true).GetBytes(text), out var reader);
        Assert.Equal(';', reader.Separator);
        Assert.Equal(
            [["Mã hồ sơ", "Cơ quan", "Ghi chú"], ["A1", "UBND Phường 1; Đà Lạt", "nói \"xong\""], ["A2", "Sở Y tế", "hai\ndòng"], ["A3", "", ""]],
            rows);
    }

    [Fact]
    public void Line_numbers_count_comment_blank_and_embedded_lines()
    {
        var text = $"{SyntheticMarker.CsvCommentLine}\nh1,h2\n\nx,\"a\nb\"\ny,z\n";
        var reader = new StreamingCsvReader(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        var lines = new List<int>();
        while (reader.Read())
        {
            lines.Add(reader.LineNumber);
        }

        Assert.True(reader.IsSynthetic);
        Assert.Equal(',', reader.Separator);
        Assert.Equal([2, 4, 6], lines);
    }

    [Fact]
    public void Records_across_buffer_boundaries_match_the_in_memory_parser()
    {
        // Deterministic text well past the reader's buffer, with quotes and escapes landing on every offset.
        var rng = new Random(7);
        var sb = new StringBuilder("a,b,c\n");
        for (var i = 0; i < 20_000; i++)
        {
            var quoted = rng.Next(4) == 0 ? $"\"q{i}, \"\"x\"\"\"" : $"v{i}";
            sb.Append(CultureInfo(i)).Append(',').Append(quoted).Append(',').Append(new string('đ', rng.Next(0, 40))).Append(i % 3 == 0 ? "\r\n" : "\n");
        }

        var expected = CsvText.Parse(sb.ToString()).Select(r => r.ToList()).ToList();
        var actual = ReadAll(Encoding.UTF8.GetBytes(sb.ToString()), out _);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Invalid_utf8_fails_loudly_instead_of_producing_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\nx,").Concat(new byte[] { 0xC3, 0x28 }).ToArray();
        Assert.Throws<DecoderFallbackException>(() => ReadAll(bytes, out _));
    }

    private static string CultureInfo(int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
