using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.OneStop;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.OneStopReports;

/// <summary>
/// How a results report writes its rows: counts ("1.184" is 1184; "-" is zero), level group rows ("I. Cấp tỉnh",
/// "Sở, ban, ngành", "Huyện, thị xã, thành phố", "Xã, phường, thị trấn"), total rows ("Tổng cộng", "Cộng cấp tỉnh"),
/// and what follows the table (the signature block, "Nơi nhận:", "Ghi chú:").
/// </summary>
internal static partial class ReportVocabulary
{
    /// <summary>A count of dossiers from a cell: a whole number cell, or text with Vietnamese (or English) thousands
    /// separators and spaces ("1.184", "1,184", "1 184"), or a dash for zero.</summary>
    /// <returns>Null when the cell is blank; otherwise the count, or <paramref name="problem"/> says why it is none.</returns>
    public static int? Count(object? value, out string? problem)
    {
        problem = null;
        switch (value)
        {
            case null:
                return null;
            case double d:
                if (!double.IsFinite(d) || d < 0 || d != Math.Floor(d) || d > int.MaxValue)
                {
                    problem = $"'{d.ToString("R", CultureInfo.InvariantCulture)}' is not a count of dossiers (a whole number, 0 or more)";
                    return null;
                }

                return (int)d;
        }

        var text = CellValues.Text(value);
        if (text is null)
        {
            return null;
        }

        var compact = Spaces().Replace(text, string.Empty);
        if (compact is "-" or "–" or "—" or "0")
        {
            return 0;
        }

        var digits = Grouped().IsMatch(compact) ? compact.Replace(".", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal)
            : WholeWithZeroDecimals().Match(compact) is { Success: true } w ? w.Groups[1].Value
            : compact;
        if (digits.All(char.IsAsciiDigit) && digits.Length is > 0 and <= 9)
        {
            return int.Parse(digits, CultureInfo.InvariantCulture);
        }

        problem = $"'{text}' is not a count of dossiers (a whole number, 0 or more)";
        return null;
    }

    /// <summary>The level a group row names when its whole label is a level: "CẤP TỈNH", "Sở, ban, ngành", "UBND cấp huyện",
    /// "Huyện, thị xã, thành phố", "Xã, phường, thị trấn" (not "Sở Tư pháp" or "Huyện Đức Trọng", which are agencies). A
    /// numbered group ("II. Các cơ quan cấp huyện") may also just mention its level.</summary>
    public static DossierLevel LevelOf(string label)
    {
        var key = DossierHeader.Key(StripGroupNumber(label));
        var level = ProvinceGroup().IsMatch(key) ? DossierLevel.Province
            : DistrictGroup().IsMatch(key) ? DossierLevel.District
            : CommuneGroup().IsMatch(key) ? DossierLevel.Commune
            : DossierLevel.Unknown;
        if (level == DossierLevel.Unknown && HasGroupNumber(label) && LevelMention().Match(key) is { Success: true } m)
        {
            level = m.Groups[1].Value switch { "tinh" => DossierLevel.Province, "huyen" => DossierLevel.District, _ => DossierLevel.Commune };
        }

        return level;
    }

    /// <summary>The level a title names for a report of one level ("… TẠI UBND CẤP HUYỆN", "Đơn vị báo cáo: Sở Tư pháp").</summary>
    public static DossierLevel TitleLevel(IEnumerable<string> titleLines)
    {
        foreach (var line in titleLines)
        {
            var key = DossierVocabulary.Key(line);
            if (TitleLevelPattern().Match(key) is { Success: true } m)
            {
                return m.Groups[1].Value switch { "tinh" => DossierLevel.Province, "huyen" => DossierLevel.District, _ => DossierLevel.Commune };
            }
        }

        return DossierLevel.Unknown;
    }

    /// <summary>A Roman-numeral sequence cell ("I", "II.", "IV") marks a group row.</summary>
    public static bool IsGroupNumber(string? sequence) =>
        sequence is not null && RomanNumber().IsMatch(CellValues.Fold(sequence));

    /// <summary>"I. Cấp tỉnh" → "Cấp tỉnh"; "A. Sở, ban, ngành" → "Sở, ban, ngành".</summary>
    public static string StripGroupNumber(string label) =>
        GroupNumberPrefix().Match(label) is { Success: true } m ? label[m.Length..].Trim() : label.Trim();

    /// <summary>Whether the label starts with a group number ("I.", "II)", "A.").</summary>
    public static bool HasGroupNumber(string label) => GroupNumberPrefix().IsMatch(label);

    /// <summary>A total row: "Tổng cộng", "Tổng số", "TỔNG", "Cộng", "Cộng cấp tỉnh", "Toàn tỉnh" — not a field named "Công chứng".</summary>
    public static bool IsTotal(string label) => TotalRow().IsMatch(CellValues.Fold(label.Trim()));

    /// <summary>The level a total row is for ("Cộng cấp tỉnh", "Tổng cấp huyện"), or Unknown for the grand total.</summary>
    public static DossierLevel TotalLevel(string label)
    {
        var key = DossierHeader.Key(label);
        var rest = TotalWord().Replace(key, string.Empty).Trim();
        if (rest.Length == 0)
        {
            return DossierLevel.Unknown;
        }

        return LevelMention().Match(key) is { Success: true } m
            ? m.Groups[1].Value switch { "tinh" => DossierLevel.Province, "huyen" => DossierLevel.District, _ => DossierLevel.Commune }
            : LevelOf(rest);
    }

    /// <summary>A numbered child row ("1.1", "2.3") or a bullet row ("- Đất đai", "+ Hộ tịch") under the row above it.</summary>
    public static bool IsChild(string? sequence, string label) =>
        (sequence is not null && ChildNumber().IsMatch(sequence.Trim())) || Bullet().IsMatch(label) || (sequence?.Trim() is "-" or "+" or "•");

    /// <summary>"- Đất đai" → "Đất đai".</summary>
    public static string StripBullet(string label) => Bullet().Replace(label, string.Empty).Trim();

    /// <summary>The first line of what follows a report's table: signatures, "Nơi nhận:", "Ghi chú:", a place and date.</summary>
    public static bool StartsFooter(string cell) => FooterLine().IsMatch(CellValues.Fold(cell.Trim()));

    [GeneratedRegex(@"[\s\u00A0\u2009\u202F]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\d{1,3}(?:[.,]\d{3})+$")]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^(\d+)[.,]0{1,2}$")]
    private static partial Regex WholeWithZeroDecimals();

    [GeneratedRegex(@"^(?:[ivx]+|[a-e])\s*[.)/:-]\s*", RegexOptions.IgnoreCase)]
    private static partial Regex GroupNumberPrefix();

    [GeneratedRegex(@"^(?:x|ix|iv|v?i{1,3})\.?$")]
    private static partial Regex RomanNumber();

    [GeneratedRegex(@"^\d+\s*[.,]\s*\d+\.?$")]
    private static partial Regex ChildNumber();

    [GeneratedRegex(@"^\s*[-+•–]\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^(?:(?:ubnd|uy ban nhan dan|cac|khoi)\s+)*(?:cap\s+tinh|cap\s+thanh\s+pho|cap\s+so|so(?:\s+(?:ban|nganh))*|co quan chuyen mon(?:\s+(?:thuoc|ubnd|uy|ban|nhan|dan|cap|tinh))*|co quan cap tinh|tinh)$")]
    private static partial Regex ProvinceGroup();

    [GeneratedRegex(@"^(?:(?:ubnd|uy ban nhan dan|cac|khoi)\s+)*(?:cap\s+)?(?:huyen|quan)(?:\s+(?:thi|xa|thanh|pho|quan|huyen|thuoc|tinh))*$")]
    private static partial Regex DistrictGroup();

    [GeneratedRegex(@"^(?:(?:ubnd|uy ban nhan dan|cac|khoi)\s+)*(?:cap\s+)?(?:xa|phuong)(?:\s+(?:xa|phuong|thi|tran))*$")]
    private static partial Regex CommuneGroup();

    [GeneratedRegex(@"\bcap\s+(tinh|huyen|xa)\b")]
    private static partial Regex LevelMention();

    [GeneratedRegex(@"\b(?:tai|cua|thuoc)\s+(?:ubnd\s+|uy ban nhan dan\s+)?cap\s+(tinh|huyen|xa)\b")]
    private static partial Regex TitleLevelPattern();

    [GeneratedRegex(@"^(?:tong cong|tong so|tong|cong)\b")]
    private static partial Regex TotalWord();

    [GeneratedRegex(@"^(?:tong cong|tong so|tong|toan tinh)\b|^cong(?:\s+cap\b|\s*:|\s*$)")]
    private static partial Regex TotalRow();

    [GeneratedRegex(@"^(?:nguoi lap|nguoi tong hop|nguoi bao cao|thu truong|kt\s*\.|kt\s|tm\s*\.|tm\s|chu tich|pho chu tich|giam doc|pho giam doc|chanh van phong|noi nhan|xac nhan|ghi chu\s*:|luu\s*:|luu vt|huong dan\s*(?::|ghi|lap|cach)|\(ky)|^[a-z][a-z \-]*,\s*ngay\b|^ngay\s+\d{1,2}\s+thang\b")]
    private static partial Regex FooterLine();
}
