using System.Text;

namespace Cchc.Etl.Spreadsheets;

public enum FileFormat
{
    Unknown,
    Empty,
    Xls,
    Xlsx,
    Csv,
    Docx,
}

/// <summary>Recognises a file by its first bytes, not its name.</summary>
internal static class FileFormats
{
    public static FileFormat Detect(string path)
    {
        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.Open(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            return FileFormat.Empty;
        }

        if (read >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04)
        {
            return IsDocx(path) ? FileFormat.Docx : FileFormat.Xlsx;
        }

        if (read >= 8 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            return FileFormat.Xls;
        }

        return LooksLikeText(path) ? FileFormat.Csv : FileFormat.Unknown;
    }

    public static string Describe(string path)
    {
        var bytes = new byte[Math.Min(8, new FileInfo(path).Length)];
        using (var s = File.OpenRead(path))
        {
            s.ReadExactly(bytes);
        }

        return "bytes " + Convert.ToHexString(bytes);
    }

    private static bool IsDocx(string path)
    {
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool LooksLikeText(string path)
    {
        var buffer = new byte[4096];
        int n;
        using (var s = File.OpenRead(path))
        {
            n = s.Read(buffer, 0, buffer.Length);
        }

        var control = 0;
        for (var i = 0; i < n; i++)
        {
            var b = buffer[i];
            if (b == 0)
            {
                return false;
            }

            if (b < 0x09 || (b > 0x0D && b < 0x20))
            {
                control++;
            }
        }

        return control * 20 < Math.Max(n, 1);
    }
}

/// <summary>Decodes text files: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 (legacy Vietnamese).</summary>
internal static class TextDecoding
{
    public static string ReadAllText(string path) => Decode(File.ReadAllBytes(path));

    public static string Decode(byte[] bytes)
    {
        string text;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            using var r = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
            text = r.ReadToEnd();
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                text = Encoding.GetEncoding(1258).GetString(bytes);
            }
        }

        return text.TrimStart('\uFEFF').Normalize(NormalizationForm.FormC);
    }
}
