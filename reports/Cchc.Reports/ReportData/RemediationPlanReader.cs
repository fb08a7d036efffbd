namespace Cchc.Reports.ReportData;

/// <summary>A task of a province's remediation plan (from <c>rpt.remediation_task</c>).</summary>
public sealed class PlanTask
{
    public int PlanYear { get; init; }

    public string CriterionCode { get; init; } = "";

    public double? PointsLost { get; init; }

    public string? Remedy { get; init; }

    public string? LeadAgency { get; init; }

    /// <summary>The lead agencies' English names, where the view has them.</summary>
    public string? LeadAgencyEn { get; init; }

    public string? Deadline { get; init; }
}

/// <summary>Reads the remediation plans of a province from the optional view <c>rpt.remediation_task</c>.</summary>
public static class RemediationPlanReader
{
    public const string View = "remediation_task";

    /// <summary>Tasks of the plans made up to <paramref name="year"/> (plan year ≤ year), newest plan first.</summary>
    public static ViewResult<IReadOnlyList<PlanTask>> Read(ReportReader reader, string provinceCode, int year)
    {
        var shape = ViewShape.Of(reader, View,
            ("province", ["province_code", "gso_code"], true),
            ("year", ["plan_year", "year"], true),
            ("criterion", ["criterion_code"], true),
            ("lost", ["points_lost"], false),
            ("remedy", ["remedy", "solution"], false),
            ("lead", ["lead_agency", "lead_agency_name", "lead_agencies"], false),
            ("leadEn", ["lead_agencies_en", "lead_agency_en"], false),
            ("deadline", ["deadline_text", "deadline"], false));
        if (shape is null)
        {
            return ViewResult.Missing<IReadOnlyList<PlanTask>>(ViewGap.ViewAbsent, View);
        }

        if (shape.Problem<IReadOnlyList<PlanTask>>() is { } problem)
        {
            return problem;
        }

        var tasks = reader.Warehouse.Query<PlanTask>(
            $"""
            SELECT CAST({shape.Column("year")} AS INTEGER) AS PlanYear, {shape.Column("criterion")} AS CriterionCode,
                   CAST({shape.Column("lost")} AS DOUBLE PRECISION) AS PointsLost, CAST({shape.Column("remedy")} AS VARCHAR(4000)) AS Remedy,
                   CAST({shape.Column("lead")} AS VARCHAR(1000)) AS LeadAgency,
                   CAST({shape.Column("leadEn")} AS VARCHAR(1000)) AS LeadAgencyEn, CAST({shape.Column("deadline")} AS VARCHAR(200)) AS Deadline
            FROM rpt.{View}
            WHERE {shape.Column("province")} = @provinceCode AND {shape.Column("year")} <= @year
            """,
            new { provinceCode, year });
        return tasks.Count == 0
            ? ViewResult.Missing<IReadOnlyList<PlanTask>>(ViewGap.NoRows, View)
            : ViewResult.Of<IReadOnlyList<PlanTask>>(
                tasks.OrderByDescending(t => t.PlanYear).ThenBy(t => t.CriterionCode, CriterionCodeComparer.Instance).ToList(), View);
    }
}
