using System.Globalization;
using System.Text;

namespace Cchc.Warehouse;

/// <summary>
/// Vietnamese text without its diacritics: the one implementation that the readers (header and name matching), the
/// sample writers (the ASCII spellings of the English releases) and the reports (folder names, level names) share.
/// </summary>
public static class TextFolding
{
    /// <summary>Lower-case, no diacritics, đ → d, runs of white space as one space: "Điểm  thẩm định" → "diem tham dinh".
    /// Empty for null or blank text.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ when char.IsWhiteSpace(c) => ' ',
                _ => char.ToLowerInvariant(c),
            });
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>The same letters without diacritics, case and punctuation kept, NFC: "Lâm Đồng" → "Lam Dong".</summary>
    public static string StripDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
