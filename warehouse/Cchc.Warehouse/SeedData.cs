using System.Reflection;
using System.Text;

namespace Cchc.Warehouse;

/// <summary>Reference CSVs embedded in this assembly (committed reference facts, not data under analysis).</summary>
public static class SeedData
{
    public static string ReadText(string fileName)
    {
        using var stream = Open(fileName);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    public static IReadOnlyList<string> Names() =>
        typeof(SeedData).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Rows of a seed CSV as column → value maps (RFC 4180 quoting, UTF-8, NFC).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string fileName)
    {
        var lines = CsvText.Parse(ReadText(fileName));
        if (lines.Count == 0)
        {
            return [];
        }

        var header = lines[0];
        return lines.Skip(1)
            .Where(l => l.Count > 1 || (l.Count == 1 && l[0].Length > 0))
            .Select(l => (IReadOnlyDictionary<string, string>)header
                .Select((h, i) => (h, v: i < l.Count ? l[i] : string.Empty))
                .ToDictionary(x => x.h, x => x.v.Normalize(NormalizationForm.FormC), StringComparer.Ordinal))
            .ToList();
    }

    private const string Prefix = "Cchc.Warehouse.Seeds.";

    private static Stream Open(string fileName) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + fileName)
        ?? throw new FileNotFoundException($"Seed '{fileName}' is not embedded in {typeof(SeedData).Assembly.GetName().Name}.");
}
