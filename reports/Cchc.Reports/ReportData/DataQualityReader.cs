namespace Cchc.Reports.ReportData;

/// <summary>A data-quality finding that touches the province (from <c>rpt.dq_finding</c>).</summary>
public sealed class DqFinding
{
    public string Severity { get; init; } = "";

    public string? RuleName { get; init; }

    public string Message { get; init; } = "";

    public int? Year { get; init; }

    public string? IndexCode { get; init; }

    public string? FileName { get; init; }

    public string? CriterionCode { get; init; }

    /// <summary>The values that broke the rule, as codes and numbers (e.g. "3 = 12.5; 3.1 4 + 3.2 8.4 = 12.4").</summary>
    public string? OffendingValues { get; init; }
}

/// <summary>Reads data-quality findings for a province from the optional view <c>rpt.dq_finding</c>.</summary>
public static class DataQualityReader
{
    public const string View = "dq_finding";
    public const int MaxFindings = 50;

    /// <summary>
    /// Findings for the province in the report year or the comparison year (or with no year), errors first; findings a later
    /// run superseded are left out where the view says which are current.
    /// </summary>
    public static ViewResult<IReadOnlyList<DqFinding>> Read(ReportReader reader, string provinceCode, int year, int? previousYear)
    {
        var shape = ViewShape.Of(reader, View,
            ("province", ["province_code", "gso_code"], true),
            ("severity", ["severity"], true),
            ("message", ["message", "description", "detail"], true),
            ("rule", ["rule_code", "rule", "rule_name"], false),
            ("year", ["year"], false),
            ("index", ["index_code"], false),
            ("file", ["file_name", "source_file"], false),
            ("current", ["is_current"], false),
            ("criterion", ["criterion_code"], false),
            ("values", ["offending_values"], false));
        if (shape is null)
        {
            return ViewResult.Missing<IReadOnlyList<DqFinding>>(ViewGap.ViewAbsent, View);
        }

        if (shape.Problem<IReadOnlyList<DqFinding>>() is { } problem)
        {
            return problem;
        }

        var findings = reader.Warehouse.Query<DqFinding>(
            $"""
            SELECT CAST({shape.Column("severity")} AS VARCHAR(50)) AS Severity, CAST({shape.Column("rule")} AS VARCHAR(200)) AS RuleName,
                   CAST({shape.Column("message")} AS VARCHAR(4000)) AS Message, CAST({shape.Column("year")} AS INTEGER) AS Year,
                   CAST({shape.Column("index")} AS VARCHAR(10)) AS IndexCode, CAST({shape.Column("file")} AS VARCHAR(400)) AS FileName,
                   CAST({shape.Column("criterion")} AS VARCHAR(50)) AS CriterionCode, CAST({shape.Column("values")} AS VARCHAR(4000)) AS OffendingValues
            FROM rpt.{View}
            WHERE {shape.Column("province")} = @provinceCode{(shape.Has("current") ? $" AND CAST({shape.Column("current")} AS INTEGER) = 1" : "")}
            """,
            new { provinceCode });
        var relevant = findings
            .Where(f => f.Year is null || f.Year == year || f.Year == previousYear)
            .OrderBy(f => f.Severity.StartsWith("err", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenByDescending(f => f.Year)
            .Take(MaxFindings)
            .ToList();
        return relevant.Count == 0
            ? ViewResult.Missing<IReadOnlyList<DqFinding>>(ViewGap.NoRows, View)
            : ViewResult.Of<IReadOnlyList<DqFinding>>(relevant, View);
    }
}
