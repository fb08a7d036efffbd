using System.Globalization;
using System.Text;
using Cchc.Warehouse;

namespace Cchc.Etl.Spreadsheets;

/// <summary>
/// Turns raw cell values into text and numbers the way Vietnamese spreadsheets write them: NFC text, decimal commas
/// ("5,1611"), percentages ("70,99%"), thousands separators, non-breaking spaces, and Excel error values.
/// </summary>
internal static class CellValues
{
    private static readonly string[] ErrorValues = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"];

    /// <summary>Trimmed NFC text, or null for blank cells.</summary>
    public static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (text is null)
        {
            return null;
        }

        text = text.Replace('\u00A0', ' ').Trim().Normalize(NormalizationForm.FormC);
        return text.Length == 0 ? null : text;
    }

    public static bool IsErrorValue(object? value) =>
        Text(value) is { } t && ErrorValues.Contains(t, StringComparer.OrdinalIgnoreCase);

    /// <summary>A number from a numeric cell or from text with a decimal comma or point; percentages keep their
    /// number (70,99% → 70.99). Null for blanks, dashes and anything that is not a number.</summary>
    public static double? Number(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case double d:
                return double.IsFinite(d) ? d : null;
            case int i:
                return i;
            case long l:
                return l;
            case decimal m:
                return (double)m;
            case float f:
                return f;
        }

        var text = Text(value);
        return text is null ? null : ParseNumber(text);
    }

    public static double? ParseNumber(string text)
    {
        var t = text.Replace(" ", string.Empty, StringComparison.Ordinal).TrimEnd('%').Trim();
        if (t.Length == 0 || t is "-" or "–" or "—")
        {
            return null;
        }

        var lastComma = t.LastIndexOf(',');
        var lastDot = t.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            // Both present: the later one is the decimal separator, the other groups thousands.
            t = lastComma > lastDot
                ? t.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
                : t.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (lastComma >= 0)
        {
            // Vietnamese decimal comma ("5,1611"); several commas can only be thousands groups.
            t = t.Count(c => c == ',') > 1 ? t.Replace(",", string.Empty, StringComparison.Ordinal) : t.Replace(',', '.');
        }

        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
    }

    /// <summary>Lower-case ASCII folding for matching headers and names: "Điểm thẩm định" → "diem tham dinh"
    /// (<see cref="TextFolding.Fold"/>, the one implementation).</summary>
    public static string Fold(string? text) => TextFolding.Fold(text);
}
