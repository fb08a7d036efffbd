namespace Cchc.Reports.ReportData;

/// <summary>A data-quality finding that touches the province (from <c>rpt.dq_finding</c>).</summary>
internal sealed class DqFinding
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
internal static class DataQualityReader
{
    public const string View = "dq_finding";
    public const int MaxFindings = 50;

    /// <summary>
    /// Findings for the province in the report year or the comparison year (or with no year), errors first; findings a later
    /// run superseded are left out where the view says which are current.
    /// </summary>
    public static ViewResult<IReadOnlyList<DqFinding>> Read(ReportReader reader, string provinceCode, int year, int? previousYear)
    {
        if (reader.ViewColumns(View) is null)
        {
            return new ViewResult<IReadOnlyList<DqFinding>>(ViewGap.ViewAbsent, View);
        }

        // A cast, not a bare boolean: SQL Server's bit is not a predicate.
        var findings = reader.Warehouse.Query<DqFinding>(
            $"""
            SELECT severity AS Severity, rule_name AS RuleName, message AS Message, CAST(year AS INTEGER) AS Year, index_code AS IndexCode,
                   source_file AS FileName, criterion_code AS CriterionCode, offending_values AS OffendingValues
            FROM rpt.{View}
            WHERE province_code = @provinceCode AND CAST(is_current AS INTEGER) = 1
            """,
            new { provinceCode });
        var relevant = findings
            .Where(f => f.Year is null || f.Year == year || f.Year == previousYear)
            .OrderBy(f => f.Severity.StartsWith("err", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenByDescending(f => f.Year)
            .Take(MaxFindings)
            .ToList();
        return relevant.Count == 0
            ? new ViewResult<IReadOnlyList<DqFinding>>(ViewGap.NoRows, View)
            : new ViewResult<IReadOnlyList<DqFinding>>(relevant, View);
    }
}
