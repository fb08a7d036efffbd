using System.Text;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Provinces;

/// <summary>
/// Maps every province spelling seen in the real files to the province entity valid for a year: with or without
/// diacritics, old and new tone placement (Hoà/Hòa), prefixes (Tỉnh, TP., Thành phố), hyphens and stray spaces,
/// and abbreviations (HCMC, TP. HCM, BRVT, Huế). Unknown names return null; callers turn that into an error that
/// names the file, sheet and row.
/// </summary>
public sealed class ProvinceResolver
{
    private static readonly string[] Prefixes = ["thanh pho ", "tinh ", "tp. ", "tp ", "t.p. ", "t.p ", "tp."];

    // Spellings that folding alone cannot reach. Keys are folded (see Key); values are GSO codes.
    private static readonly (string Alias, string Code)[] Aliases =
    [
        ("hcm", "79"), ("hcmc", "79"), ("tphcm", "79"), ("hochiminhcity", "79"), ("hochiminh", "79"), ("saigon", "79"), ("tphochiminh", "79"),
        ("brvt", "77"), ("baria", "77"), ("bariavungtau", "77"), ("vungtau", "77"),
        ("hue", "46"), ("thuathienhue", "46"), ("tthue", "46"), ("thuathien", "46"),
        ("hanoi", "01"), ("hn", "01"),
        ("haiphong", "31"), ("haaiduong", "30"), ("danang", "48"), ("cantho", "92"),
        ("daclac", "66"), ("daklak", "66"), ("daclak", "66"), ("dacnong", "67"), ("daknong", "67"),
        ("kontum", "62"), ("khanhhoa", "56"), ("hoabinh", "17"), ("thanhhoa", "38"),
        ("backan", "06"), ("baccan", "06"),
        ("hatay", "28"),
    ];

    private readonly ProvinceCatalog _catalog;
    private readonly Dictionary<string, List<Province>> _byKey = new(StringComparer.Ordinal);

    public ProvinceResolver(ProvinceCatalog? catalog = null)
    {
        _catalog = catalog ?? ProvinceCatalog.Default;
        foreach (var p in _catalog.All)
        {
            Add(Key(p.OfficialName), p);
            Add(Key(p.ShortName), p);
        }

        foreach (var (alias, code) in Aliases)
        {
            foreach (var p in _catalog.All.Where(p => p.GsoCode == code))
            {
                Add(alias, p);
            }
        }
    }

    public static ProvinceResolver Default { get; } = new();

    /// <summary>The entity for <paramref name="name"/> in an annual index of <paramref name="year"/>, or null.</summary>
    public Province? Resolve(string? name, int year)
    {
        if (string.IsNullOrWhiteSpace(name) || !_byKey.TryGetValue(Key(name), out var candidates))
        {
            return null;
        }

        var end = new DateOnly(year, 12, 31);
        return candidates.FirstOrDefault(p => p.IsValidOn(end)) ?? candidates.FirstOrDefault(p => p.OverlapsYear(year));
    }

    /// <summary>Resolves or throws an error naming where the name was read.</summary>
    public Province Require(string? name, int year, SourceLocation where) =>
        Resolve(name, year)
        ?? throw new SpreadsheetException(where, $"unknown province '{name}' for {year}: not a province name, code or known abbreviation");

    /// <summary>True when the text looks like a province name in any year (used to find data rows).</summary>
    public bool IsProvinceName(string? name) =>
        !string.IsNullOrWhiteSpace(name) && _byKey.ContainsKey(Key(name));

    /// <summary>Folded lookup key: no diacritics, no prefix, letters and digits only.</summary>
    public static string Key(string name)
    {
        var folded = CellValues.Fold(name.Normalize(NormalizationForm.FormC));
        foreach (var prefix in Prefixes)
        {
            if (folded.StartsWith(prefix, StringComparison.Ordinal))
            {
                folded = folded[prefix.Length..];
                break;
            }
        }

        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private void Add(string key, Province province)
    {
        if (!_byKey.TryGetValue(key, out var list))
        {
            _byKey[key] = list = [];
        }

        if (!list.Contains(province))
        {
            list.Add(province);
        }
    }
}
