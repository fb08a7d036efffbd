using System.Globalization;

namespace Cchc.Reports.ReportData;

/// <summary>
/// On-time results of a province and year from the one-stop results reports (<c>rpt.onestop_report</c>), for the years
/// the warehouse has no dossier log of: what offices filed on the national form, per level. A year is covered by the
/// longest reports first that do not overlap (a year report, else halves, else quarters or months), so that a year
/// report and its quarters are never added up twice; a report counts for the year its period ends in. Rates count as
/// <c>rpt.onestop_report.on_time_rate</c> does, like the dossier view: on time (early + on time) ÷ rated (on time +
/// late + pending overdue).
/// </summary>
internal static class OneStopReportReader
{
    public const string View = "onestop_report";

    public static ViewResult<OnTimeData> Read(ReportReader reader, string provinceCode, int year)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ViewColumns(View) is null)
        {
            return new ViewResult<OnTimeData>(ViewGap.ViewAbsent, View);
        }

        var rows = reader.Warehouse.Query<(string Start, string End, string Level, double OnTime, double Rated, int Synthetic)>(
            """
            SELECT CAST(period_start AS VARCHAR(10)), CAST(period_end AS VARCHAR(10)), CAST(level_code AS VARCHAR(20)),
                   CAST(SUM(COALESCE(resolved_early, 0) + COALESCE(resolved_on_time, 0)) AS DOUBLE PRECISION),
                   CAST(SUM(COALESCE(resolved_early, 0) + COALESCE(resolved_on_time, 0) + COALESCE(resolved_late, 0)
                            + COALESCE(pending_overdue, 0)) AS DOUBLE PRECISION),
                   MAX(CAST(is_synthetic AS INTEGER))
            FROM rpt.onestop_report
            WHERE province_code = @provinceCode
            GROUP BY period_start, period_end, level_code
            """,
            new { provinceCode });
        var periods = rows.Select(r => (Start: Day(r.Start), End: Day(r.End))).Where(p => p.End.Year == year).Distinct().ToList();
        var chosen = Cover(periods);
        var used = rows.Where(r => chosen.Contains((Day(r.Start), Day(r.End)))).ToList();
        var levels = used.Select(r => (Level: OnTimeReader.LevelOf(r.Level.Trim()), r.OnTime, r.Rated)).Where(r => r.Level is not null)
            .GroupBy(r => r.Level!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, (long)g.Sum(r => r.Rated), (long)g.Sum(r => r.OnTime))).ToList();
        if (levels.Count == 0 || levels.All(l => l.Item2 == 0))
        {
            return new ViewResult<OnTimeData>(ViewGap.NoRows, View);
        }

        // Months only when every report is one calendar month: a quarter is not a month.
        var months = chosen.All(p => p.Start.Day == 1 && p.End == p.Start.AddMonths(1).AddDays(-1))
            ? used.GroupBy(r => Day(r.Start)).OrderBy(g => g.Key).Select(g => (g.Key.Year, g.Key.Month, (long)g.Sum(r => r.Rated), (long)g.Sum(r => r.OnTime))).ToList()
            : [];
        var note = string.Join(", ", chosen.OrderBy(p => p.Start).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Start:dd/MM/yyyy}–{p.End:dd/MM/yyyy}")));
        return new ViewResult<OnTimeData>(new OnTimeData(levels, months, used.Any(r => r.Synthetic > 0), note), View);
    }

    /// <summary>The longest periods first, each taken when it overlaps none already taken.</summary>
    private static List<(DateOnly Start, DateOnly End)> Cover(IEnumerable<(DateOnly Start, DateOnly End)> periods)
    {
        var chosen = new List<(DateOnly Start, DateOnly End)>();
        foreach (var p in periods.OrderByDescending(p => p.End.DayNumber - p.Start.DayNumber).ThenBy(p => p.Start))
        {
            if (chosen.All(c => p.End < c.Start || p.Start > c.End))
            {
                chosen.Add(p);
            }
        }

        return chosen;
    }

    private static DateOnly Day(string text) => DateOnly.ParseExact(text.Trim()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
