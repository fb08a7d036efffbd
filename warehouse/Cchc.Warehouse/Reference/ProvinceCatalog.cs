using System.Globalization;
using System.Text;

namespace Cchc.Warehouse.Reference;

/// <summary>
/// Province identities with history, built from the seed CSVs (GSO lists): 63 provinces valid 2004-01-01 … 2025-06-30,
/// Hà Tây until 2008-07-31, and the 34 provinces from 2025-07-01.
/// Keys: entities before the 2025 reform use their GSO code as key (1…96); the 34 later entities use 100 + code.
/// </summary>
public sealed class ProvinceCatalog
{
    public static readonly DateOnly ReformDate = new(2025, 7, 1);
    public static readonly DateOnly Era63Start = new(2004, 1, 1);

    private static readonly Lazy<ProvinceCatalog> Shared = new(Load);

    private readonly Dictionary<int, Province> _byKey;

    private ProvinceCatalog(IReadOnlyList<Province> provinces)
    {
        All = provinces;
        _byKey = provinces.ToDictionary(p => p.Key);
    }

    public static ProvinceCatalog Default => Shared.Value;

    public IReadOnlyList<Province> All { get; }

    public Province ByKey(int key) => _byKey[key];

    /// <summary>Provinces that existed at the end of <paramref name="year"/> (the set an annual index ranks).</summary>
    public IReadOnlyList<Province> ValidAtEndOf(int year) =>
        All.Where(p => p.IsValidOn(new DateOnly(year, 12, 31))).ToList();

    /// <summary>Provinces an annual index for <paramref name="year"/> can name, e.g. Hà Tây in PCI 2008.</summary>
    public IReadOnlyList<Province> CandidatesFor(int year) => All.Where(p => p.OverlapsYear(year)).ToList();

    /// <summary>The entity with this GSO code for an annual index of <paramref name="year"/>:
    /// the one valid at the end of the year, else one that existed during the year.</summary>
    public Province? ByCode(string gsoCode, int year)
    {
        var code = NormaliseCode(gsoCode);
        var end = new DateOnly(year, 12, 31);
        return All.FirstOrDefault(p => p.GsoCode == code && p.IsValidOn(end))
            ?? All.FirstOrDefault(p => p.GsoCode == code && p.OverlapsYear(year));
    }

    /// <summary>The entity with this GSO code on a given day (for dated facts such as dossiers).</summary>
    public Province? ByCode(string gsoCode, DateOnly day)
    {
        var code = NormaliseCode(gsoCode);
        return All.FirstOrDefault(p => p.GsoCode == code && p.IsValidOn(day));
    }

    public static string NormaliseCode(string code)
    {
        var trimmed = code.Trim();
        return int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n.ToString("00", CultureInfo.InvariantCulture)
            : trimmed;
    }

    private static ProvinceCatalog Load()
    {
        var provinces = new List<Province>();
        var lastDayBeforeReform = ReformDate.AddDays(-1);
        foreach (var row in SeedData.ReadCsv("provinces-63-before-2025.csv"))
        {
            var code = NormaliseCode(row["gso_code"]);
            provinces.Add(new Province(
                int.Parse(code, CultureInfo.InvariantCulture), code, Nfc(row["official_name"]), ShortNameOf(row["official_name"]),
                row["type"], Era63Start, lastDayBeforeReform, NormaliseCode(row["merged_into_gso_code_2025"]),
                NormaliseCode(row["merged_into_gso_code_2025"]), [code]));
        }

        foreach (var row in SeedData.ReadCsv("provinces-historical.csv"))
        {
            var code = NormaliseCode(row["gso_code"]);
            var mergedInto = NormaliseCode(row["merged_into_gso_code"]);
            var successor = provinces.Single(p => p.GsoCode == mergedInto && p.ValidTo == lastDayBeforeReform);
            provinces.Add(new Province(
                int.Parse(code, CultureInfo.InvariantCulture), code, Nfc(row["official_name"]), ShortNameOf(row["official_name"]),
                row["type"], Era63Start, DateOnly.ParseExact(row["valid_until"], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                successor.Code2025, mergedInto, [code]));
        }

        foreach (var row in SeedData.ReadCsv("provinces-34-from-2025-07-01.csv"))
        {
            var code = NormaliseCode(row["gso_code"]);
            var name = Nfc(row["official_name"]);
            var formedFrom = row["formed_from_gso_codes"].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(NormaliseCode).ToList();
            var type = name.StartsWith("Thành phố", StringComparison.Ordinal) ? "Thành phố Trung ương" : "Tỉnh";
            var official = type == "Tỉnh" ? "Tỉnh " + name : name;
            provinces.Add(new Province(
                100 + int.Parse(code, CultureInfo.InvariantCulture), code, official, ShortNameOf(official), type,
                ReformDate, null, code, null, formedFrom));
        }

        return new ProvinceCatalog(provinces);
    }

    private static string Nfc(string s) => s.Trim().Normalize(NormalizationForm.FormC);

    /// <summary>"Tỉnh Lâm Đồng" → "Lâm Đồng"; "Thành phố Hồ Chí Minh" → "Hồ Chí Minh".</summary>
    private static string ShortNameOf(string official)
    {
        var name = Nfc(official);
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }
}
