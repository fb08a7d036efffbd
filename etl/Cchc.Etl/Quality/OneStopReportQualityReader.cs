using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;

namespace Cchc.Etl.Quality;

/// <summary>Reads the one-stop results reports of a province and year back from the warehouse as the rules read them,
/// with the file, sheet and row every value was loaded from.</summary>
internal static class OneStopReportQualityReader
{
    private const string Counts =
        """
        received_total AS ReceivedTotal, carried_over AS CarriedOver, received_new AS ReceivedNew, received_online AS ReceivedOnline,
        received_in_person_postal AS ReceivedInPersonPostal, resolved_total AS ResolvedTotal, resolved_early AS ResolvedEarly,
        resolved_on_time AS ResolvedOnTime, resolved_late AS ResolvedLate, pending_total AS PendingTotal, pending_not_due AS PendingNotDue,
        pending_overdue AS PendingOverdue
        """;

    /// <summary>The (province key, year of period end) pairs that have report rows or group rows.</summary>
    public static IReadOnlyList<(int ProvinceKey, int Year)> Partitions(ISqlRunner sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return sql.Query<(int, int)>(
            """
            SELECT DISTINCT province_key, CAST(YEAR(period_end) AS INTEGER) FROM dw.fact_onestop_report
            UNION
            SELECT DISTINCT province_key, CAST(YEAR(period_end) AS INTEGER) FROM dw.onestop_report_subtotal
            """).Distinct().OrderBy(p => p.Item1).ThenBy(p => p.Item2).ToList();
    }

    /// <summary>Every report (file × sheet) of the province whose period ends in the year.</summary>
    public static IReadOnlyList<OneStopReportData> Read(ISqlRunner sql, int provinceKey, int year)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var args = new { provinceKey, year };
        var rows = sql.Query<FactRow>(
            $"""
            SELECT f.file_id AS FileId, fl.path AS FilePath, f.source_sheet AS SourceSheet, f.source_row AS SourceRow, f.period_label AS PeriodLabel,
                   f.level_code AS LevelCode, f.field_name AS FieldName, f.agency_name AS AgencyName, {Counts}
            FROM dw.fact_onestop_report f
            LEFT JOIN etl.file fl ON fl.file_id = f.file_id
            WHERE f.province_key = @provinceKey AND YEAR(f.period_end) = @year
            ORDER BY f.file_id, f.source_sheet, f.source_row
            """,
            args);
        var subtotals = sql.Query<SubtotalRow>(
            $"""
            SELECT s.file_id AS FileId, fl.path AS FilePath, s.source_sheet AS SourceSheet, s.source_row AS SourceRow, s.subtotal_kind AS Kind,
                   s.level_code AS LevelCode, s.agency_name AS AgencyName, s.label AS Label, {Counts}
            FROM dw.onestop_report_subtotal s
            LEFT JOIN etl.file fl ON fl.file_id = s.file_id
            WHERE s.province_key = @provinceKey AND YEAR(s.period_end) = @year
            ORDER BY s.file_id, s.source_sheet, s.source_row
            """,
            args);
        var labels = sql.Query<(long FileId, string SourceSheet, string PeriodLabel)>(
                """
                SELECT DISTINCT file_id, source_sheet, period_label FROM dw.fact_onestop_report WHERE province_key = @provinceKey AND YEAR(period_end) = @year
                """,
                args)
            .GroupBy(l => (l.FileId, l.SourceSheet)).ToDictionary(g => g.Key, g => g.First().PeriodLabel);
        var reports = rows.Select(r => (r.FileId, r.SourceSheet)).Concat(subtotals.Select(s => (s.FileId, s.SourceSheet))).Distinct().ToList();
        return reports.Select(key => new OneStopReportData(
                key.FileId,
                provinceKey,
                year,
                labels.GetValueOrDefault(key, year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                rows.Where(r => (r.FileId, r.SourceSheet) == key)
                    .Select(r => new OneStopReportRow(r.LevelCode, r.FieldName, r.AgencyName, r.ToCounts(), null, r.Location())).ToList(),
                subtotals.Where(s => (s.FileId, s.SourceSheet) == key)
                    .Select(s => new OneStopReportSubtotal(s.Kind, s.LevelCode, s.AgencyName, s.Label, s.ToCounts(), s.Location())).ToList()))
            .ToList();
    }

    private sealed record FactRow(
        long FileId, string? FilePath, string SourceSheet, int SourceRow, string PeriodLabel, string LevelCode, string? FieldName, string? AgencyName,
        int? ReceivedTotal, int? CarriedOver, int? ReceivedNew, int? ReceivedOnline, int? ReceivedInPersonPostal, int? ResolvedTotal,
        int? ResolvedEarly, int? ResolvedOnTime, int? ResolvedLate, int? PendingTotal, int? PendingNotDue, int? PendingOverdue)
    {
        public ReportCounts ToCounts() => new(ReceivedTotal, CarriedOver, ReceivedNew, ReceivedOnline, ReceivedInPersonPostal, ResolvedTotal,
            ResolvedEarly, ResolvedOnTime, ResolvedLate, PendingTotal, PendingNotDue, PendingOverdue);

        public SourceLocation Location() => new(FilePath ?? $"file {FileId}", SourceSheet, SourceRow);
    }

    private sealed record SubtotalRow(
        long FileId, string? FilePath, string SourceSheet, int SourceRow, string Kind, string? LevelCode, string? AgencyName, string Label,
        int? ReceivedTotal, int? CarriedOver, int? ReceivedNew, int? ReceivedOnline, int? ReceivedInPersonPostal, int? ResolvedTotal,
        int? ResolvedEarly, int? ResolvedOnTime, int? ResolvedLate, int? PendingTotal, int? PendingNotDue, int? PendingOverdue)
    {
        public ReportCounts ToCounts() => new(ReceivedTotal, CarriedOver, ReceivedNew, ReceivedOnline, ReceivedInPersonPostal, ResolvedTotal,
            ResolvedEarly, ResolvedOnTime, ResolvedLate, PendingTotal, PendingNotDue, PendingOverdue);

        public SourceLocation Location() => new(FilePath ?? $"file {FileId}", SourceSheet, SourceRow);
    }
}
