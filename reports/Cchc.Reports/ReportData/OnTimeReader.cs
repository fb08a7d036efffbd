namespace Cchc.Reports.ReportData;

/// <summary>Administrative level of a one-stop dossier.</summary>
public enum DossierLevel
{
    Province,
    District,
    Commune,
}

/// <summary>Dossiers finished and finished on time, by level and month, for one province and year.</summary>
/// <param name="Periods">The reporting periods the numbers add up, when they come from results reports rather than
/// dossier logs (e.g. "01/01/2017–31/03/2017, …"); null for dossier logs.</param>
internal sealed record OnTimeData(
    IReadOnlyList<(DossierLevel Level, long Finished, long OnTime)> Levels,
    IReadOnlyList<(int Year, int Month, long Finished, long OnTime)> Months,
    bool IsSynthetic,
    string? Periods = null);

/// <summary>
/// Reads on-time rates from the optional view <c>rpt.dossier_on_time</c> (month × province × level × agency × channel).
/// The rate is on time ÷ rated (finished plus still-open overdue dossiers), as the view's <c>on_time_rate</c> counts it;
/// withdrawn and rejected dossiers are excluded there.
/// </summary>
internal static class OnTimeReader
{
    public const string View = "dossier_on_time";

    public static ViewResult<OnTimeData> Read(ReportReader reader, string provinceCode, int year)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.ViewColumns(View) is null)
        {
            return new ViewResult<OnTimeData>(ViewGap.ViewAbsent, View);
        }

        // A cast, not a bare boolean in CASE WHEN: SQL Server's bit is not a predicate.
        var rows = reader.Warehouse.Query<(int Month, string Level, double Rated, double OnTime, int Synthetic)>(
            """
            SELECT CAST(month AS INTEGER), CAST(level_code AS VARCHAR(20)), CAST(SUM(rated) AS DOUBLE PRECISION), CAST(SUM(on_time) AS DOUBLE PRECISION),
                   MAX(CAST(is_synthetic AS INTEGER))
            FROM rpt.dossier_on_time
            WHERE province_code = @provinceCode AND year = @year
            GROUP BY month, level_code
            """,
            new { provinceCode, year });
        var parsed = rows.Select(r => (r.Month, Level: LevelOf(r.Level), r.Rated, r.OnTime, r.Synthetic)).Where(r => r.Level is not null).ToList();
        if (parsed.Count == 0)
        {
            return new ViewResult<OnTimeData>(ViewGap.NoRows, View);
        }

        var levels = parsed.GroupBy(r => r.Level!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, (long)g.Sum(r => r.Rated), (long)g.Sum(r => r.OnTime))).ToList();
        var months = parsed.GroupBy(r => r.Month).OrderBy(g => g.Key)
            .Select(g => (year, g.Key, (long)g.Sum(r => r.Rated), (long)g.Sum(r => r.OnTime))).ToList();
        return new ViewResult<OnTimeData>(new OnTimeData(levels, months, parsed.Any(r => r.Synthetic > 0)), View);
    }

    /// <summary>The level codes of <c>dw.dim_level</c> (the one-stop views and the results reports use the same).</summary>
    internal static DossierLevel? LevelOf(string levelCode) => levelCode switch
    {
        "province" => DossierLevel.Province,
        "district" => DossierLevel.District,
        "commune" => DossierLevel.Commune,
        _ => null,
    };
}
