namespace Cchc.Warehouse.OneStopReports;

/// <summary>
/// Writes one-stop results reports inside one file's load session: the lowest-grain rows into
/// <c>dw.fact_onestop_report</c>, the group and total rows as written into <c>dw.onestop_report_subtotal</c>.
/// A report owns its scope (province, period, levels): loading a corrected report first removes what earlier files said
/// about that scope (<see cref="ReplaceScope"/>), and nothing else of theirs.
/// </summary>
public static class OneStopReportStore
{
    private static readonly string[] FactColumns =
    [
        "file_id", "source_sheet", "source_row", "period_start", "period_end", "period_kind", "period_label", "province_key",
        "level_code", "field_name", "agency_name", .. ReportCounts.Columns, "note", "form_code", "is_synthetic", "run_id",
    ];

    private static readonly string[] SubtotalColumns =
    [
        "file_id", "source_sheet", "source_row", "subtotal_kind", "period_start", "period_end", "province_key", "level_code",
        "agency_name", "label", .. ReportCounts.Columns, "is_synthetic", "run_id",
    ];

    /// <summary>
    /// Removes what earlier files hold for the scope — their rows of the same province, the same period (start and end)
    /// and the scope's levels, and their group and total rows of those levels, plus the grand total of a touched file,
    /// which described levels now replaced. It claims the same scope for the session's file
    /// (<see cref="FileScope.OneStopResults"/>), so the commit retires an earlier file once it holds nothing else.
    /// </summary>
    /// <returns>The earlier files whose rows were removed.</returns>
    public static IReadOnlyList<long> ReplaceScope(ILoadSession session, OneStopReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(scope);
        session.ClaimScope(FileScope.OneStopResults(scope.ProvinceKey, scope.PeriodStart, scope.PeriodEnd, scope.LevelCodes));
        var touched = new SortedSet<long>();
        var start = scope.PeriodStart.ToDateTime(TimeOnly.MinValue);
        var end = scope.PeriodEnd.ToDateTime(TimeOnly.MinValue);
        foreach (var level in scope.LevelCodes.Distinct(StringComparer.Ordinal))
        {
            // One statement per level: a list parameter (IN @levels) is not portable across the engines' parameter styles.
            var where = "province_key = @province AND period_start = @start AND period_end = @end AND level_code = @level AND file_id <> @fileId";
            var args = new { province = scope.ProvinceKey, start, end, level, fileId = session.FileId };
            touched.UnionWith(session.Query<long>($"SELECT DISTINCT file_id FROM dw.fact_onestop_report WHERE {where}", args));
            touched.UnionWith(session.Query<long>($"SELECT DISTINCT file_id FROM dw.onestop_report_subtotal WHERE {where}", args));
            session.Execute($"DELETE FROM dw.fact_onestop_report WHERE {where}", args);
            session.Execute($"DELETE FROM dw.onestop_report_subtotal WHERE {where}", args);
        }

        foreach (var earlier in touched)
        {
            session.Execute(
                """
                DELETE FROM dw.onestop_report_subtotal
                WHERE file_id = @earlier AND subtotal_kind = 'grand_total' AND province_key = @province AND period_start = @start AND period_end = @end
                """,
                new { earlier, province = scope.ProvinceKey, start, end });
        }

        return touched.ToList();
    }

    /// <returns>The number of fact rows written.</returns>
    public static int Write(ILoadSession session, OneStopReport report)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(report);
        var start = report.Period.Start;
        var end = report.Period.End;
        int province = report.Scope.ProvinceKey;
        long file = session.FileId;
        long run = session.RunId;
        using (var writer = session.CreateBulkWriter("dw.fact_onestop_report", FactColumns))
        {
            foreach (var row in report.Rows)
            {
                int sourceRow = row.Source.Row ?? throw new ArgumentException("A report row needs its source row.", nameof(report));
                writer.WriteRow(
                [
                    file, row.Source.Sheet ?? string.Empty, sourceRow, start, end, report.Period.Kind, report.Period.Label, province,
                    row.LevelCode, row.FieldName, row.AgencyName, .. row.Counts.ColumnValues(), row.Note, report.FormCode,
                    report.IsSynthetic, run,
                ]);
            }

            writer.Complete();
        }

        using (var writer = session.CreateBulkWriter("dw.onestop_report_subtotal", SubtotalColumns))
        {
            foreach (var subtotal in report.Subtotals)
            {
                int sourceRow = subtotal.Source.Row ?? throw new ArgumentException("A report row needs its source row.", nameof(report));
                writer.WriteRow(
                [
                    file, subtotal.Source.Sheet ?? string.Empty, sourceRow, subtotal.Kind, start, end, province, subtotal.LevelCode,
                    subtotal.AgencyName, subtotal.Label, .. subtotal.Counts.ColumnValues(), report.IsSynthetic, run,
                ]);
            }

            writer.Complete();
        }

        return report.Rows.Count;
    }
}
