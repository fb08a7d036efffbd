namespace Cchc.Warehouse.Quality;

/// <summary>
/// etl.dq_finding: writes findings, supersedes the findings of a scope that was evaluated again, and reads them back
/// for <c>cchc dq</c> and reports.
/// </summary>
public static class DqFindingStore
{
    public static void Save(ISqlRunner sql, long runId, long? fileId, string stage, IEnumerable<DqFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(findings);
        var nextId = sql.Query<long>("SELECT COALESCE(MAX(finding_id), 0) + 1 FROM etl.dq_finding").Single();
        var now = DateTime.UtcNow;
        foreach (var f in findings)
        {
            sql.Execute(
                """
                INSERT INTO etl.dq_finding (finding_id, run_id, file_id, stage, rule_name, severity, subject, index_code, province_key,
                    year, plan_year, criterion_code, offending_values, message, file_name, sheet, row_number, column_name,
                    superseded_by_run, created_at)
                VALUES (@id, @runId, @fileId, @stage, @rule, @severity, @subject, @indexCode, @provinceKey, @year, @planYear,
                    @criterionCode, @offendingValues, @message, @fileName, @sheet, @row, @column, NULL, @now)
                """,
                new
                {
                    id = nextId++, runId, fileId = f.FileId ?? fileId, stage, rule = f.Rule, severity = f.SeverityText,
                    subject = f.Subject, indexCode = f.IndexCode, provinceKey = f.ProvinceKey, year = f.Year, planYear = f.PlanYear,
                    criterionCode = f.CriterionCode, offendingValues = f.OffendingValues, message = f.Message,
                    fileName = f.Source is null ? null : Path.GetFileName(f.Source.File), sheet = f.Source?.Sheet,
                    row = f.Source?.Row, column = f.Source?.Column, now,
                });
        }
    }

    /// <summary>
    /// Marks the current findings of one index-year (optionally one province) as superseded by <paramref name="runId"/>,
    /// because that scope has just been evaluated again. Findings of files that were blocked before loading stay current,
    /// except those about <paramref name="preLoadSubjects"/>: a successful load of that subject replaced what they described.
    /// </summary>
    public static int Supersede(ISqlRunner sql, long runId, string indexCode, int year, int? provinceKey, IReadOnlyCollection<string> preLoadSubjects)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(preLoadSubjects);
        var where = "superseded_by_run IS NULL AND index_code = @indexCode AND year = @year";
        var parameters = new Dapper.DynamicParameters(new { runId, indexCode, year });
        if (provinceKey is not null)
        {
            where += " AND province_key = @provinceKey";
            parameters.Add("provinceKey", provinceKey.Value);
        }

        var subjects = preLoadSubjects.Select((subject, i) => (Name: $"subject{i}", subject)).ToList();
        foreach (var (name, subject) in subjects)
        {
            parameters.Add(name, subject);
        }

        where += subjects.Count == 0
            ? " AND stage <> 'pre-load'"
            : $" AND (stage <> 'pre-load' OR subject IN ({string.Join(", ", subjects.Select(s => "@" + s.Name))}))";
        return sql.Execute($"UPDATE etl.dq_finding SET superseded_by_run = @runId WHERE {where}", parameters);
    }

    /// <summary>
    /// Marks the current findings about a subject that has no index (one-stop results reports) for one year, optionally
    /// one province, as superseded by <paramref name="runId"/>: that scope has just been evaluated again.
    /// </summary>
    public static int SupersedeSubject(ISqlRunner sql, long runId, string subject, int year, int? provinceKey)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var parameters = new Dapper.DynamicParameters(new { runId, subject, year });
        var where = "superseded_by_run IS NULL AND subject = @subject AND year = @year";
        if (provinceKey is not null)
        {
            where += " AND province_key = @provinceKey";
            parameters.Add("provinceKey", provinceKey.Value);
        }

        return sql.Execute($"UPDATE etl.dq_finding SET superseded_by_run = @runId WHERE {where}", parameters);
    }

    /// <summary>Marks the current findings of warehouse-wide rules as superseded by <paramref name="runId"/>: those rules
    /// have just been evaluated again over everything.</summary>
    public static int SupersedeRules(ISqlRunner sql, long runId, IReadOnlyCollection<string> ruleNames)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(ruleNames);
        var superseded = 0;
        foreach (var rule in ruleNames)
        {
            superseded += sql.Execute("UPDATE etl.dq_finding SET superseded_by_run = @runId WHERE superseded_by_run IS NULL AND rule_name = @rule", new { runId, rule });
        }

        return superseded;
    }

    /// <summary>Findings as rpt.dq_finding shows them, current ones only unless <paramref name="includeSuperseded"/>.</summary>
    public static IReadOnlyList<DqFindingRow> Read(IWarehouse warehouse, string? indexCode = null, int? year = null, int? provinceKey = null, bool includeSuperseded = false)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var where = new List<string>();
        if (!includeSuperseded)
        {
            where.Add("superseded_by_run IS NULL");
        }

        if (indexCode is not null)
        {
            where.Add("index_code = @indexCode");
        }

        if (year is not null)
        {
            where.Add("year = @year");
        }

        if (provinceKey is not null)
        {
            where.Add("province_key = @provinceKey");
        }

        var sql =
            $"""
            SELECT finding_id AS FindingId, run_id AS RunId, stage AS Stage, rule_name AS Rule, severity AS Severity, subject AS Subject,
                   index_code AS IndexCode, year AS Year, plan_year AS PlanYear, province_code AS ProvinceCode,
                   province_short_name AS ProvinceName, criterion_code AS CriterionCode, offending_values AS OffendingValues,
                   message AS Message, source_file AS SourceFile, source_sheet AS SourceSheet, source_row AS SourceRow,
                   source_column AS SourceColumn, is_current AS IsCurrent, blocked_load AS BlockedLoad
            FROM rpt.dq_finding
            {(where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where))}
            ORDER BY CASE severity WHEN 'error' THEN 0 ELSE 1 END, index_code, year, province_code, rule_name, criterion_code, finding_id
            """;
        return warehouse.Query<DqFindingRow>(sql, BuildParameters(indexCode, year, provinceKey));
    }

    /// <summary>Errors and warnings recorded under a run (what a load reports at its end).</summary>
    public static (long Errors, long Warnings) CountByRun(IWarehouse warehouse, long runId)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var rows = warehouse.Query<(string Severity, long Count)>(
            "SELECT severity, COUNT(*) FROM etl.dq_finding WHERE run_id = @runId GROUP BY severity", new { runId });
        return (rows.Where(r => r.Severity == "error").Sum(r => r.Count), rows.Where(r => r.Severity == "warning").Sum(r => r.Count));
    }

    private static Dapper.DynamicParameters BuildParameters(string? indexCode, int? year, int? provinceKey)
    {
        // Only parameters the statement names are bound: DuckDB rejects unused named parameters.
        var parameters = new Dapper.DynamicParameters();
        if (indexCode is not null)
        {
            parameters.Add("indexCode", indexCode);
        }

        if (year is not null)
        {
            parameters.Add("year", year.Value);
        }

        if (provinceKey is not null)
        {
            parameters.Add("provinceKey", provinceKey.Value);
        }

        return parameters;
    }
}

/// <summary>A finding as <c>cchc dq</c> lists it.</summary>
public sealed record DqFindingRow(
    long FindingId,
    long RunId,
    string Stage,
    string Rule,
    string Severity,
    string Subject,
    string? IndexCode,
    int? Year,
    int? PlanYear,
    string? ProvinceCode,
    string? ProvinceName,
    string? CriterionCode,
    string? OffendingValues,
    string Message,
    string? SourceFile,
    string? SourceSheet,
    int? SourceRow,
    string? SourceColumn,
    bool IsCurrent,
    bool BlockedLoad);
