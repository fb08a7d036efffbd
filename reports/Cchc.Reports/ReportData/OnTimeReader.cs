using System.Globalization;

namespace Cchc.Reports.ReportData;

/// <summary>Administrative level of a one-stop dossier.</summary>
public enum DossierLevel
{
    Province,
    District,
    Commune,
}

/// <summary>Dossiers finished and finished on time, by level and month, for one province and year.</summary>
public sealed record OnTimeData(
    IReadOnlyList<(DossierLevel Level, long Finished, long OnTime)> Levels,
    IReadOnlyList<(int Year, int Month, long Finished, long OnTime)> Months,
    bool IsSynthetic);

/// <summary>
/// Reads on-time rates from the optional view <c>rpt.dossier_on_time</c> (month × province × level × agency × channel).
/// The rate is on time ÷ rated where the view counts rated dossiers (finished plus still-open overdue ones, as its
/// <c>on_time_rate</c> does), else on time ÷ finished; withdrawn and rejected dossiers are excluded there.
/// </summary>
public static class OnTimeReader
{
    public const string View = "dossier_on_time";

    public static ViewResult<OnTimeData> Read(ReportReader reader, string provinceCode, int year)
    {
        var shape = ViewShape.Of(reader, View,
            ("province", ["province_code", "gso_code"], true),
            ("month", ["month", "month_start", "year_month"], true),
            ("year", ["year"], false),
            ("level", ["level", "level_name", "level_code"], true),
            ("finished", ["rated", "finished", "resolved", "completed"], true),
            ("ontime", ["on_time", "ontime"], true),
            ("synthetic", ["is_synthetic"], false));
        if (shape is null)
        {
            return new ViewResult<OnTimeData>(ViewGap.ViewAbsent, View);
        }

        if (shape.Problem<OnTimeData>() is { } problem)
        {
            return problem;
        }

        // A cast, not a bare boolean in CASE WHEN: SQL Server's bit is not a predicate.
        var synthetic = shape.Has("synthetic") ? $"MAX(CAST({shape.Column("synthetic")} AS INTEGER))" : "0";
        var rows = reader.Warehouse.Query<(string? Year, string Month, string Level, double Finished, double OnTime, int Synthetic)>(
            $"""
            SELECT CAST({shape.Column("year")} AS VARCHAR(10)), CAST({shape.Column("month")} AS VARCHAR(40)), CAST({shape.Column("level")} AS VARCHAR(100)),
                   CAST(SUM({shape.Column("finished")}) AS DOUBLE PRECISION), CAST(SUM({shape.Column("ontime")}) AS DOUBLE PRECISION), {synthetic}
            FROM rpt.{View}
            WHERE {shape.Column("province")} = @provinceCode
            GROUP BY {(shape.Has("year") ? shape.Column("year") + ", " : "")}{shape.Column("month")}, {shape.Column("level")}
            """,
            new { provinceCode });
        var parsed = rows
            .Select(r => (Period: Period(r.Year, r.Month), Level: LevelOf(r.Level), r.Finished, r.OnTime, r.Synthetic))
            .Where(r => r.Period is { } p && p.Year == year && r.Level is not null)
            .ToList();
        if (parsed.Count == 0)
        {
            return new ViewResult<OnTimeData>(ViewGap.NoRows, View);
        }

        var levels = parsed.GroupBy(r => r.Level!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, (long)g.Sum(r => r.Finished), (long)g.Sum(r => r.OnTime))).ToList();
        var months = parsed.GroupBy(r => r.Period!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key.Year, g.Key.Month, (long)g.Sum(r => r.Finished), (long)g.Sum(r => r.OnTime))).ToList();
        return new ViewResult<OnTimeData>(new OnTimeData(levels, months, parsed.Any(r => r.Synthetic > 0)), View);
    }

    /// <summary>"2023-03-01", "2023-03-01 00:00:00", "2023-03" or a month number with a year column.</summary>
    private static (int Year, int Month)? Period(string? year, string month)
    {
        var text = month.Trim();
        if (text.Length >= 7 && text[4] == '-'
            && int.TryParse(text[..4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y)
            && int.TryParse(text[5..7], NumberStyles.Integer, CultureInfo.InvariantCulture, out var m))
        {
            return (y, m);
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mm) && mm is >= 1 and <= 12
            && int.TryParse(year, NumberStyles.Integer, CultureInfo.InvariantCulture, out var yy)
            ? (yy, mm)
            : null;
    }

    private static DossierLevel? LevelOf(string level)
    {
        var folded = ViewShape.Fold(level);
        return folded.Contains("tinh", StringComparison.Ordinal) || folded.Contains("province", StringComparison.Ordinal) ? DossierLevel.Province
            : folded.Contains("huyen", StringComparison.Ordinal) || folded.Contains("district", StringComparison.Ordinal) ? DossierLevel.District
            : folded.Contains("xa", StringComparison.Ordinal) || folded.Contains("commune", StringComparison.Ordinal) ? DossierLevel.Commune
            : null;
    }
}
