using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Plans;

/// <summary>
/// What the text around a plan table says about the plan: "KẾ HOẠCH … NĂM 2018", "(Kèm theo kế hoạch số 3770/KH-UBND
/// ngày 20 tháng 6 năm 2018 của UBND tỉnh Lâm Đồng)", "Chỉ số CCHC năm 2017", or header cells "Tỉnh: Lâm Đồng",
/// "Năm kế hoạch: 2019". Province candidates are the folded words
/// after every "UBND tỉnh …" in reading order (the "Kèm theo" line first); the caller keeps the first that is a province.
/// </summary>
internal sealed partial record PlanIdentity(IReadOnlyList<string> ProvinceCandidates, int? TitleYear, string? PlanNumber, DateOnly? PlanDate, int? ResultYear)
{
    public static PlanIdentity Detect(IEnumerable<string> lines)
    {
        var texts = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).ToList();
        var provinces = new List<string>();
        int? titleYear = null;
        string? number = null;
        DateOnly? date = null;
        int? resultYear = null;

        // "Kèm theo kế hoạch số …" names the plan itself; prefer it over other mentions.
        foreach (var text in texts.OrderBy(t => CellValues.Fold(t).Contains("kem theo", StringComparison.Ordinal) ? 0 : 1))
        {
            var folded = CellValues.Fold(text);
            number ??= folded.Contains("ke hoach so", StringComparison.Ordinal) && PlanNumberPattern().Match(text) is { Success: true } n
                ? Regex.Replace(n.Groups[1].Value, @"\s+", string.Empty).ToUpperInvariant()
                : null;
            date ??= DatePattern().Match(folded) is { Success: true } d ? ToDate(d) : null;
            provinces.AddRange(ProvincePattern().Matches(folded).Select(m => m.Groups[1].Value.Trim()));
            if (ProvinceCellPattern().Match(folded) is { Success: true } cell)
            {
                provinces.Add(cell.Groups[1].Value.Trim());
            }

            titleYear ??= YearCellPattern().Match(folded) is { Success: true } yearCell ? int.Parse(yearCell.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            var isTitle = folded.StartsWith("ke hoach", StringComparison.Ordinal);
            if (!isTitle)
            {
                // In the title ("KẾ HOẠCH … CHỈ SỐ CCHC NĂM 2019") the year is the plan's, not the result's.
                resultYear ??= ResultYearPattern().Match(folded) is { Success: true } r ? int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : null;
            }

            if (titleYear is null && isTitle && TitleYearPattern().Match(folded) is { Success: true } y)
            {
                titleYear = int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return new PlanIdentity(provinces, titleYear, number, date, resultYear);
    }

    private static DateOnly? ToDate(Match m)
    {
        var day = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"(?i)\bsố\s*:?\s*(\d+\s*/\s*[\p{L}\d]+(?:\s*-\s*[\p{L}\d]+)*)")]
    private static partial Regex PlanNumberPattern();

    [GeneratedRegex(@"\bngay (\d{1,2})(?: thang |\s*/\s*)(\d{1,2})(?: nam |\s*/\s*)(\d{4})\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:ubnd|uy ban nhan dan) (?:tinh|thanh pho|tp\.?) ([a-z][a-z \-]*?)\s*(?:[\),;.]|$)")]
    private static partial Regex ProvincePattern();

    [GeneratedRegex(@"\bchi so (?:cai cach hanh chinh|cchc|par)(?: \(cchc\))?(?: cua tinh [a-z ]+)? nam (\d{4})\b")]
    private static partial Regex ResultYearPattern();

    [GeneratedRegex(@"\bnam (\d{4})\b")]
    private static partial Regex TitleYearPattern();

    /// <summary>A header cell (or label and value in two cells, joined by '|'): "Tỉnh: Lâm Đồng".</summary>
    [GeneratedRegex(@"^(?:tinh|thanh pho|tinh/thanh pho|tinh, thanh pho|dia phuong)\s*:?\s*(?:\|\s*)?([a-z][a-z \-]*)$")]
    private static partial Regex ProvinceCellPattern();

    /// <summary>"Năm: 2019", "Năm kế hoạch: 2019".</summary>
    [GeneratedRegex(@"^nam(?: ke hoach)?\s*:?\s*(?:\|\s*)?(\d{4})$")]
    private static partial Regex YearCellPattern();
}
