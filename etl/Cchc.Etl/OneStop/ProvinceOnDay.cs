using Cchc.Etl.Provinces;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.OneStop;

/// <summary>
/// The province entity a dossier belongs to on the day it was received. A log names its province by GSO code or name;
/// on a day when that entity no longer exists (Hà Tây after July 2008, Đắk Nông after 1 July 2025) the dossier belongs
/// to the province it merged into. Cached per text, so the per-row cost is one dictionary look-up.
/// </summary>
internal sealed class ProvinceOnDay
{
    private static readonly DateOnly HaTayEnd = new(2008, 8, 1);
    private readonly Dictionary<string, Province?[]?> _byText = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Province?[]?>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly ProvinceCatalog _catalog = ProvinceCatalog.Default;

    public ProvinceOnDay() => _lookup = _byText.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Null when the text names no province; otherwise the entity on <paramref name="day"/> (null before 2004).</summary>
    public bool TryResolve(ReadOnlySpan<char> text, DateOnly day, out Province? province)
    {
        province = null;
        if (!_lookup.TryGetValue(text, out var eras))
        {
            var key = text.ToString();
            eras = Code(key) is { } code ? [For(code, new DateOnly(2008, 7, 31)), For(code, new DateOnly(2025, 6, 30)), For(code, ProvinceCatalog.ReformDate)] : null;
            if (_byText.Count < 10_000)
            {
                _byText[key] = eras;
            }
        }

        if (eras is null)
        {
            return false;
        }

        province = day < ProvinceCatalog.Era63Start ? null
            : day < HaTayEnd ? eras[0]
            : day < ProvinceCatalog.ReformDate ? eras[1]
            : eras[2];
        return true;
    }

    /// <summary>The GSO code a province name or code stands for (any period), or null.</summary>
    public static string? Code(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= 3 && trimmed.All(char.IsAsciiDigit))
        {
            var code = ProvinceCatalog.NormaliseCode(trimmed);
            return ProvinceCatalog.Default.All.Any(p => p.GsoCode == code) ? code : null;
        }

        return (ProvinceResolver.Default.Resolve(trimmed, 2024) ?? ProvinceResolver.Default.Resolve(trimmed, 2026))?.GsoCode;
    }

    private Province? For(string code, DateOnly day)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            if (_catalog.ByCode(code, day) is { } valid)
            {
                return valid;
            }

            var ended = _catalog.All.Where(p => p.GsoCode == code && p.ValidTo < day).MaxBy(p => p.ValidTo);
            if (ended?.MergedIntoCode is not { } next)
            {
                return null;
            }

            code = next;
        }

        return null;
    }
}
