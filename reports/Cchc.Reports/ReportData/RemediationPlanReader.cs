using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.ReportData;

/// <summary>A task of a province's remediation plan (from <c>rpt.remediation_task</c>).</summary>
internal sealed class PlanTask
{
    public int PlanYear { get; init; }

    /// <summary>The results the plan addresses; its criterion codes are of that year's methodology.</summary>
    public int ResultYear { get; init; }

    public string CriterionCode { get; init; } = "";

    public double? PointsLost { get; init; }

    public string? Remedy { get; init; }

    public string? LeadAgency { get; init; }

    /// <summary>The lead agencies' English names, where the view has them.</summary>
    public string? LeadAgencyEn { get; init; }

    public string? Deadline { get; init; }
}

/// <summary>Reads the remediation plans of a province from the optional view <c>rpt.remediation_task</c>.</summary>
internal static class RemediationPlanReader
{
    public const string View = "remediation_task";

    /// <summary>Tasks of the province's plans for <paramref name="indexCode"/> made up to <paramref name="year"/> (plan year ≤
    /// year), newest plan first.</summary>
    public static ViewResult<IReadOnlyList<PlanTask>> Read(ReportReader reader, string provinceCode, string indexCode, int year)
    {
        if (reader.ViewColumns(View) is null)
        {
            return new ViewResult<IReadOnlyList<PlanTask>>(ViewGap.ViewAbsent, View);
        }

        var tasks = reader.Warehouse.Query<PlanTask>(
            $"""
            SELECT CAST(plan_year AS INTEGER) AS PlanYear, CAST(result_year AS INTEGER) AS ResultYear, criterion_code AS CriterionCode,
                   CAST(points_lost AS DOUBLE PRECISION) AS PointsLost, remedy AS Remedy,
                   lead_agencies AS LeadAgency, lead_agencies_en AS LeadAgencyEn, deadline_text AS Deadline
            FROM rpt.{View}
            WHERE province_code = @provinceCode AND index_code = @indexCode AND plan_year <= @year
            """,
            new { provinceCode, indexCode, year });
        return tasks.Count == 0
            ? new ViewResult<IReadOnlyList<PlanTask>>(ViewGap.NoRows, View)
            : new ViewResult<IReadOnlyList<PlanTask>>(
                tasks.OrderByDescending(t => t.PlanYear).ThenBy(t => t.CriterionCode, CriterionCodeComparer.Instance).ToList(), View);
    }
}
