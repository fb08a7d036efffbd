using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.OneStop;
using Cchc.Warehouse.OneStopReports;

namespace Cchc.Etl.OneStopReports;

/// <summary>
/// Reads the reporting period from the lines above a results report's table: "Kỳ báo cáo: Quý II năm 2019 (từ ngày
/// 15/3/2019 đến ngày 14/6/2019)", "(Từ ngày 01/01/2019 đến ngày 31/03/2019)", "6 tháng đầu năm 2019", "Tháng 5/2019",
/// "9 tháng năm 2019", "Năm 2019", "từ ngày 15 tháng 12 năm 2018 đến ngày 14 tháng 3 năm 2019". Explicit from/to dates
/// win over the named period: the reporting rules cut periods off before the calendar does (a first quarter that runs
/// from 15 December, or from 1 December as Lâm Đồng reports it). A named period without dates is its calendar span.
/// </summary>
internal static partial class ReportPeriodParser
{
    public const string Month = "month";
    public const string Quarter = "quarter";
    public const string HalfYear = "half_year";
    public const string NineMonths = "nine_months";
    public const string Year = "year";
    public const string Custom = "custom";

    /// <summary>The period the lines state, or null when they state none (placeholders "từ ngày … đến ngày …" state none).</summary>
    /// <exception cref="FormatException">The lines state dates that are not a period (end before start, a day that does not exist, longer than a year and a month).</exception>
    public static ReportPeriod? Parse(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var texts = lines.Where(l => !string.IsNullOrWhiteSpace(l)).ToList();

        // The "Kỳ báo cáo" line names the period; other title lines are read after it.
        var ordered = texts.OrderBy(t => DossierVocabulary.Key(t).Contains("ky bao cao", StringComparison.Ordinal) ? 0 : 1).ToList();
        (DateOnly Start, DateOnly End)? range = null;
        Named? named = null;
        foreach (var text in ordered)
        {
            var key = Normalise(text);
            if (range is null && RangePattern().Match(key) is { Success: true } r)
            {
                range = (Day(r, "d1", "m1", "y1", text), Day(r, "d2", "m2", "y2", text));
                key = key.Remove(r.Index, r.Length);
            }

            named ??= NamedPeriod(key, text);
        }

        if (range is { } explicitRange)
        {
            if (explicitRange.End < explicitRange.Start || explicitRange.End.DayNumber - explicitRange.Start.DayNumber > 400)
            {
                throw new FormatException($"the reporting period from {explicitRange.Start:dd/MM/yyyy} to {explicitRange.End:dd/MM/yyyy} is not a period of at most a year");
            }

            var kind = named?.Kind ?? KindOf(explicitRange.Start, explicitRange.End);
            var label = named?.Label ?? $"{explicitRange.Start:dd/MM/yyyy} – {explicitRange.End:dd/MM/yyyy}";
            return new ReportPeriod(explicitRange.Start, explicitRange.End, kind, label);
        }

        return named is null ? null : new ReportPeriod(named.Start, named.End, named.Kind, named.Label);
    }

    private sealed record Named(DateOnly Start, DateOnly End, string Kind, string Label);

    private static Named? NamedPeriod(string key, string original)
    {
        if (QuarterPattern().Match(key) is { Success: true } q)
        {
            var quarter = QuarterNumber(q.Groups["q"].Value);
            var year = YearOf(q.Groups["y"].Value);
            var start = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            return new Named(start, start.AddMonths(3).AddDays(-1), Quarter, string.Create(CultureInfo.InvariantCulture, $"Quý {Roman(quarter)} năm {year}"));
        }

        if (HalfPattern().Match(key) is { Success: true } h)
        {
            var year = YearOf(h.Groups["y"].Value);
            var second = h.Groups["which"].Value == "cuoi";
            return second
                ? new Named(new DateOnly(year, 7, 1), new DateOnly(year, 12, 31), HalfYear, string.Create(CultureInfo.InvariantCulture, $"6 tháng cuối năm {year}"))
                : new Named(new DateOnly(year, 1, 1), new DateOnly(year, 6, 30), HalfYear, string.Create(CultureInfo.InvariantCulture, $"6 tháng đầu năm {year}"));
        }

        if (NineMonthsPattern().Match(key) is { Success: true } n)
        {
            var year = YearOf(n.Groups["y"].Value);
            return new Named(new DateOnly(year, 1, 1), new DateOnly(year, 9, 30), NineMonths, string.Create(CultureInfo.InvariantCulture, $"9 tháng năm {year}"));
        }

        if (MonthPattern().Match(key) is { Success: true } m)
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = YearOf(m.Groups["y"].Value);
            if (month is < 1 or > 12)
            {
                throw new FormatException($"'{original.Trim()}' names month {month}");
            }

            var start = new DateOnly(year, month, 1);
            return new Named(start, start.AddMonths(1).AddDays(-1), Month, string.Create(CultureInfo.InvariantCulture, $"Tháng {month} năm {year}"));
        }

        if (YearPattern().Match(key) is { Success: true } y)
        {
            var year = YearOf(y.Groups["y"].Value);
            return new Named(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), Year, string.Create(CultureInfo.InvariantCulture, $"Năm {year}"));
        }

        return null;
    }

    /// <summary>What an explicit range is when the report names no period: a calendar month, quarter, half or year, else custom.</summary>
    private static string KindOf(DateOnly start, DateOnly end)
    {
        if (start.Day != 1 || end.AddDays(1).Day != 1)
        {
            return Custom;
        }

        var months = ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
        return months switch
        {
            1 => Month,
            3 when start.Month % 3 == 1 => Quarter,
            6 when start.Month is 1 or 7 => HalfYear,
            9 when start.Month == 1 => NineMonths,
            12 when start.Month == 1 => Year,
            _ => Custom,
        };
    }

    private static DateOnly Day(Match m, string day, string month, string year, string original)
    {
        var d = int.Parse(m.Groups[day].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups[month].Value, CultureInfo.InvariantCulture);
        var y = YearOf(m.Groups[year].Value);
        return mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo)
            ? new DateOnly(y, mo, d)
            : throw new FormatException($"'{original.Trim()}' names a day that does not exist ({d}/{mo}/{y})");
    }

    private static int YearOf(string text)
    {
        var year = int.Parse(text, CultureInfo.InvariantCulture);
        return year is >= 2000 and <= 2100 ? year : throw new FormatException($"year {year} is outside 2000–2100");
    }

    private static int QuarterNumber(string text) => text switch
    {
        "i" or "1" => 1,
        "ii" or "2" => 2,
        "iii" or "3" => 3,
        _ => 4,
    };

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    /// <summary>Folded, with dashes unified and "…" placeholders kept apart from the digits.</summary>
    private static string Normalise(string text) =>
        Cchc.Etl.Spreadsheets.CellValues.Fold(text.Replace('–', '-').Replace('—', '-').Replace('…', ' ').Replace("...", " ", StringComparison.Ordinal));

    [GeneratedRegex(@"\btu(?:\s+ngay)?\s+(?<d1>\d{1,2})\s*(?:/|-|\.|\s+thang\s+)\s*(?<m1>\d{1,2})\s*(?:/|-|\.|\s+nam\s+)\s*(?<y1>\d{4})\s*,?\s*(?:den|-)(?:\s+het)?(?:\s+ngay)?\s+(?<d2>\d{1,2})\s*(?:/|-|\.|\s+thang\s+)\s*(?<m2>\d{1,2})\s*(?:/|-|\.|\s+nam\s+)\s*(?<y2>\d{4})")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"\bquy\s+(?<q>iv|iii|ii|i|[1-4])\b\s*(?:nam\s+|/\s*|-\s*)?(?<y>\d{4})\b")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\b(?:0?6|sau)\s+thang\s+(?:(?<which>dau|cuoi)\s+)?nam\s+(?<y>\d{4})\b")]
    private static partial Regex HalfPattern();

    [GeneratedRegex(@"\b(?:0?9|chin)\s+thang\s+(?:dau\s+)?nam\s+(?<y>\d{4})\b")]
    private static partial Regex NineMonthsPattern();

    [GeneratedRegex(@"(?<!\d\s)\bthang\s+(?<m>\d{1,2})\s*(?:nam\s+|/\s*|-\s*)(?<y>\d{4})\b")]
    private static partial Regex MonthPattern();

    /// <summary>"năm 2019" that is not the end of a date ("ngày 15 tháng 6 năm 2019", "tháng 6 năm 2019").</summary>
    [GeneratedRegex(@"(?<!thang\s+\d{1,2}\s+)\bnam\s+(?<y>\d{4})\b")]
    private static partial Regex YearPattern();
}
