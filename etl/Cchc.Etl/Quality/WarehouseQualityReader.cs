using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>Reads one index-year of the warehouse (all provinces' scores and every plan addressing that year) as
/// rule items, with the file, sheet and row each value was loaded from.</summary>
internal static class WarehouseQualityReader
{
    public static QualityDataset Read(ISqlRunner sql, string stage, string indexCode, int year, CriterionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var items = new List<QualityItem>();
        var scores = sql.Query<ScoreRow>(
            """
            SELECT f.province_key AS ProvinceKey, c.criterion_code AS CriterionCode, c.parent_code AS ParentCode, c.max_points AS MaxPoints,
                   f.score AS Score, f.rank_published AS PublishedRank, f.file_id AS FileId, fl.path AS FilePath,
                   f.source_sheet AS SourceSheet, f.source_row AS SourceRow
            FROM dw.fact_index_score f
            JOIN dw.dim_criterion c ON c.criterion_key = f.criterion_key
            LEFT JOIN etl.file fl ON fl.file_id = f.file_id
            WHERE f.index_code = @indexCode AND f.year = @year
            ORDER BY f.province_key, c.criterion_code
            """,
            new { indexCode, year });
        items.AddRange(scores.Select(s => new QualityItem(DqSubjects.IndexScore, indexCode, year, s.ProvinceKey, s.CriterionCode)
        {
            ParentCode = s.ParentCode,
            MaxPoints = s.MaxPoints,
            Score = s.Score,
            PublishedRank = s.PublishedRank,
            Source = Location(s.FilePath, s.SourceSheet, s.SourceRow),
            FileId = s.FileId,
        }));

        var tasks = sql.Query<TaskRow>(
            """
            SELECT t.task_key AS TaskKey, t.province_key AS ProvinceKey, t.plan_year AS PlanYear, t.criterion_code AS CriterionCode,
                   t.parent_criterion_code AS ParentCode, t.max_points AS MaxPoints, t.appraised_points AS AppraisedPoints,
                   t.points_lost_stated AS PointsLostStated, t.deadline_text AS DeadlineText, t.deadline_kind AS DeadlineKind,
                   t.file_id AS FileId, fl.path AS FilePath, t.source_sheet AS SourceSheet, t.source_row AS SourceRow
            FROM dw.fact_remediation_task t
            LEFT JOIN etl.file fl ON fl.file_id = t.file_id
            WHERE t.index_code = @indexCode AND t.result_year = @year
            ORDER BY t.province_key, t.plan_year, t.task_sequence
            """,
            new { indexCode, year });
        if (tasks.Count > 0)
        {
            var uncatalogued = sql.Query<(long TaskKey, string AsWritten)>(
                    """
                    SELECT b.task_key, b.as_written
                    FROM dw.bridge_remediation_task_agency b
                    JOIN dw.dim_agency a ON a.agency_key = b.agency_key
                    JOIN dw.fact_remediation_task t ON t.task_key = b.task_key
                    WHERE a.is_catalogued = @catalogued AND t.index_code = @indexCode AND t.result_year = @year
                    ORDER BY b.task_key, b.agency_role, b.ordinal
                    """,
                    new { catalogued = false, indexCode, year })
                .ToLookup(u => u.TaskKey, u => u.AsWritten);
            items.AddRange(tasks.Select(t => new QualityItem(DqSubjects.RemediationPlan, indexCode, year, t.ProvinceKey, t.CriterionCode)
            {
                ParentCode = t.ParentCode,
                MaxPoints = t.MaxPoints,
                Score = t.AppraisedPoints,
                StatedPointsLost = t.PointsLostStated,
                PlanYear = t.PlanYear,
                DeadlineText = t.DeadlineText,
                DeadlineKind = t.DeadlineKind,
                UncataloguedAgencies = uncatalogued[t.TaskKey].Distinct().ToList(),
                Source = Location(t.FilePath, t.SourceSheet, t.SourceRow),
                FileId = t.FileId,
            }));
        }

        return new QualityDataset(stage, items, catalogue);
    }

    /// <summary>The (index, year) pairs a scope covers that have scores or plans in the warehouse.</summary>
    public static IReadOnlyList<(string IndexCode, int Year)> Partitions(ISqlRunner sql, QualityScope scope)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(scope);
        var pairs = sql.Query<(string IndexCode, int Year)>(
                """
                SELECT DISTINCT index_code, year FROM dw.fact_index_score
                UNION
                SELECT DISTINCT index_code, result_year FROM dw.fact_remediation_task
                """)
            .Where(p => scope.IndexCode is null || string.Equals(p.IndexCode, scope.IndexCode, StringComparison.OrdinalIgnoreCase))
            .Where(p => scope.Years is null || scope.Years.Contains(p.Year))
            .Distinct()
            .OrderBy(p => p.IndexCode, StringComparer.Ordinal)
            .ThenBy(p => p.Year)
            .ToList();
        return pairs;
    }

    private static SourceLocation? Location(string? path, string? sheet, int? row) =>
        path is null ? null : new SourceLocation(path, sheet, row);

    private sealed record ScoreRow(
        int ProvinceKey,
        string CriterionCode,
        string? ParentCode,
        double? MaxPoints,
        double? Score,
        int? PublishedRank,
        long FileId,
        string? FilePath,
        string? SourceSheet,
        int? SourceRow);

    private sealed record TaskRow(
        long TaskKey,
        int ProvinceKey,
        int PlanYear,
        string CriterionCode,
        string? ParentCode,
        double? MaxPoints,
        double? AppraisedPoints,
        double? PointsLostStated,
        string? DeadlineText,
        string DeadlineKind,
        long FileId,
        string? FilePath,
        string? SourceSheet,
        int? SourceRow);
}
