using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse.Plans;

namespace Cchc.Etl.Plans;

/// <summary>
/// Reads the "Thời gian thực hiện" of a plan row. Periods without a year belong to the plan year. The parsed deadline is
/// the last date the text names: "Quý I" → 31 March; "Trong tháng 8 năm 2018" → 31 August 2018; "Quý I, 6 tháng,
/// Quý III và năm" → periodic, last 31 December; "Trong năm 2018 và các năm tiếp theo" → 31 December 2018 and ongoing;
/// "Thường xuyên" → continuous, no date.
/// </summary>
internal static partial class DeadlineParser
{
    private static readonly string[] OngoingPhrases =
        ["cac nam tiep theo", "nhung nam tiep theo", "cac nam sau", "thuong xuyen", "hang nam", "lien tuc", "dinh ky"];

    public static RemediationDeadline Parse(string? text, int planYear)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new RemediationDeadline(null, null, DeadlineKinds.None, false);
        }

        var written = text.Trim();
        var rest = " " + CellValues.Fold(written) + " ";
        var ongoing = OngoingPhrases.Any(p => rest.Contains(p, StringComparison.Ordinal));
        var dates = new List<DateOnly>();

        Take(FullDate(), m => Day(Int(m, 3), Int(m, 2), Int(m, 1)));
        Take(WrittenDate(), m => Day(Int(m, 3), Int(m, 2), Int(m, 1)));
        Take(MonthOfYear(), m => EndOfMonth(Int(m, 2), Int(m, 1)));
        Take(QuarterOfYear(), m => EndOfQuarter(Int(m, 2), Quarter(m.Groups[1].Value)));
        Take(Quarter(), m => EndOfQuarter(planYear, Quarter(m.Groups[1].Value)));
        Take(FirstHalf(), _ => new DateOnly(planYear, 6, 30));
        Take(SecondHalf(), _ => new DateOnly(planYear, 12, 31));
        Take(MonthsIntoYear(), m => Int(m, 1) is var n and >= 1 and <= 12 ? EndOfMonth(planYear, n) : null);
        Take(Month(), m => EndOfMonth(planYear, Int(m, 1)));
        Take(Year(), m => new DateOnly(Int(m, 1), 12, 31));
        Take(YearAsListItem(), _ => new DateOnly(planYear, 12, 31));

        if (dates.Count == 0)
        {
            return new RemediationDeadline(written, null, ongoing ? DeadlineKinds.Continuous : DeadlineKinds.Unparsed, ongoing);
        }

        var kind = dates.Distinct().Count() > 1 ? DeadlineKinds.Periodic : DeadlineKinds.Date;
        return new RemediationDeadline(written, dates.Max(), kind, ongoing);

        void Take(Regex pattern, Func<Match, DateOnly?> toDate)
        {
            foreach (Match m in pattern.Matches(rest))
            {
                if (toDate(m) is { } date)
                {
                    dates.Add(date);
                }
            }

            // Consumed text must not be read again by a coarser pattern ("tháng 8 năm 2018" is not also "năm 2018").
            rest = pattern.Replace(rest, " ");
        }
    }

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static DateOnly? Day(int year, int month, int day) =>
        year is >= 1900 and <= 2200 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static DateOnly? EndOfMonth(int year, int month) =>
        month is >= 1 and <= 12 && year is >= 1900 and <= 2200 ? new DateOnly(year, month, DateTime.DaysInMonth(year, month)) : null;

    private static DateOnly? EndOfQuarter(int year, int quarter) => quarter is >= 1 and <= 4 ? EndOfMonth(year, quarter * 3) : null;

    private static int Quarter(string roman) => roman switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        "iv" or "4" => 4,
        _ => 0,
    };

    [GeneratedRegex(@"\b(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\b")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"\bthang (\d{1,2})(?: nam |\s*/\s*)(\d{4})\b")]
    private static partial Regex MonthOfYear();

    [GeneratedRegex(@"\bquy (iv|iii|ii|i|1|2|3|4)(?: nam |\s*/\s*)(\d{4})\b")]
    private static partial Regex QuarterOfYear();

    [GeneratedRegex(@"\bquy (iv|iii|ii|i|1|2|3|4)\b")]
    private static partial Regex Quarter();

    [GeneratedRegex(@"\b6 thang dau( nam)?\b")]
    private static partial Regex FirstHalf();

    [GeneratedRegex(@"\b6 thang cuoi( nam)?\b")]
    private static partial Regex SecondHalf();

    /// <summary>"6 tháng", "9 tháng" as report periods: the first N months of the plan year.</summary>
    [GeneratedRegex(@"(?<![\w/])(\d{1,2}) thang\b")]
    private static partial Regex MonthsIntoYear();

    [GeneratedRegex(@"\bthang (\d{1,2})\b")]
    private static partial Regex Month();

    [GeneratedRegex(@"\bnam (\d{4})\b")]
    private static partial Regex Year();

    /// <summary>"… Quý III và năm", "cuối năm": the year-end report of the plan year.</summary>
    [GeneratedRegex(@"(?:,|\bva|\bcuoi) nam\s*$")]
    private static partial Regex YearAsListItem();
}
