using System.Text.RegularExpressions;
using Cchc.Etl.OneStop;
using Cchc.Warehouse;

namespace Cchc.Etl.Provinces;

/// <summary>
/// Finds the province a text names as "tỉnh X" or "thành phố / TP. X": a title row ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
/// "UBND TP. HỒ CHÍ MINH") or an agency name ("Sở Tư pháp tỉnh Lâm Đồng"). "thành phố Đà Lạt" names no province;
/// "thành phố Bắc Ninh" names Bắc Ninh (a provincial city that shares its province's name). Matched folded, so with
/// or without diacritics and in any case.
/// </summary>
internal static partial class ProvinceMention
{
    /// <summary>The GSO code of the one province the text names, or null (none, or two different ones).</summary>
    public static string? Find(string? text)
    {
        var folded = TextFolding.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        string? found = null;
        foreach (Match m in Marker().Matches(folded))
        {
            var words = folded[(m.Index + m.Length)..].Split([' ', ',', ';', '(', ')', '-', '/', ':'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0 || !char.IsAsciiLetter(words[0][0]))
            {
                continue; // "tính đến 31/12", "tỉnh 1": a name follows the marker, never a number
            }

            for (var n = Math.Min(4, words.Length); n >= 1; n--)
            {
                if (ProvinceOnDay.Code(string.Join(' ', words.Take(n))) is { } code)
                {
                    if (found is not null && found != code)
                    {
                        return null;
                    }

                    found = code;
                    break;
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"\b(?:tinh|thanh pho|tp)\b\.?\s*|\bt\.p\.\s*")]
    private static partial Regex Marker();
}
