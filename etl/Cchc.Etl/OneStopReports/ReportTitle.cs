using System.Text.RegularExpressions;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.OneStopReports;

/// <summary>
/// What the lines around a results report's table say about who reports: the province ("UBND TỈNH LÂM ĐỒNG", "Đơn vị báo
/// cáo: UBND tỉnh Lâm Đồng", "SỞ TƯ PHÁP TỈNH LÂM ĐỒNG", "… trên địa bàn tỉnh Lâm Đồng", or the place of the signature
/// line "Lâm Đồng, ngày 05 tháng 7 năm 2019") and the form code ("Biểu số II.06a/VPCP/KSTT", "Mẫu số 06c/VPCP/KSTT",
/// "Biểu mẫu 06a/BTP/KSTT/KTTH").
/// </summary>
internal static partial class ReportTitle
{
    /// <summary>The GSO code of the first province the lines name (titles before signature lines), or null.</summary>
    public static string? ProvinceCode(IReadOnlyList<string> titleLines, IReadOnlyList<string> footerLines)
    {
        ArgumentNullException.ThrowIfNull(titleLines);
        ArgumentNullException.ThrowIfNull(footerLines);
        foreach (var line in titleLines)
        {
            foreach (Match m in ProvinceAfterWord().Matches(CellValues.Fold(line)))
            {
                if (Resolve(m.Groups[1].Value) is { } code)
                {
                    return code;
                }
            }
        }

        foreach (var line in footerLines)
        {
            if (PlaceOfSignature().Match(CellValues.Fold(line.Trim())) is { Success: true } m && Resolve(m.Groups[1].Value) is { } code)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>The form code as written ("II.06a/VPCP/KSTT"), or null.</summary>
    public static string? FormCode(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            if (FormCodePattern().Match(line) is { Success: true } m)
            {
                return Regex.Replace(m.Value, @"\s+", string.Empty);
            }
        }

        return null;
    }

    /// <summary>The longest run of leading words that is a province ("lam dong nam 2019" → Lâm Đồng).</summary>
    private static string? Resolve(string words)
    {
        var parts = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var n = Math.Min(parts.Length, 4); n >= 1; n--)
        {
            var name = string.Join(' ', parts.Take(n));
            if (ProvinceResolver.Default.IsProvinceName(name))
            {
                return (ProvinceResolver.Default.Resolve(name, 2024) ?? ProvinceResolver.Default.Resolve(name, 2026) ?? ProvinceResolver.Default.Resolve(name, 2007))?.GsoCode;
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b(?:tinh|thanh pho|tp\.?)\s+([a-z][a-z \-]*)")]
    private static partial Regex ProvinceAfterWord();

    [GeneratedRegex(@"^([a-z][a-z \-]*?)\s*,\s*ngay\b")]
    private static partial Regex PlaceOfSignature();

    [GeneratedRegex(@"\b(?:[IVX]+\s*\.\s*)?\d{1,2}[a-zA-Z]?\s*/\s*(?:VPCP|BTP)\s*/\s*KSTT(?:\s*/\s*[A-Z]+)?", RegexOptions.IgnoreCase)]
    private static partial Regex FormCodePattern();
}
