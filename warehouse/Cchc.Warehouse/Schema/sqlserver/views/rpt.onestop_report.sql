-- T-SQL twin of duckdb/views/rpt.onestop_report.sql (one-stop results reports; on_time_rate as rpt.dossier_on_time).
CREATE OR ALTER VIEW rpt.onestop_report AS
SELECT
    f.period_start,
    f.period_end,
    p.gso_code                   AS province_code,
    p.short_name                 AS province_name,
    f.level_code,
    f.field_name,
    f.agency_name,
    f.received_total,
    f.carried_over,
    f.received_online,
    f.received_in_person_postal,
    f.resolved_total,
    f.resolved_early,
    f.resolved_on_time,
    f.resolved_late,
    f.pending_total,
    f.pending_not_due,
    f.pending_overdue,
    CAST(COALESCE(f.resolved_early, 0) + COALESCE(f.resolved_on_time, 0) AS FLOAT)
        / NULLIF(COALESCE(f.resolved_early, 0) + COALESCE(f.resolved_on_time, 0) + COALESCE(f.resolved_late, 0)
                 + COALESCE(f.pending_overdue, 0), 0) AS on_time_rate,
    f.is_synthetic,
    f.file_id
FROM dw.fact_onestop_report f
JOIN dw.dim_province p ON p.province_key = f.province_key;

GO
