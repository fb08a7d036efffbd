-- Reporting contract: the one-stop results reports (forms 06a/06b/06c), one row per lowest-grain row of a report
-- (period × province × level × field or agency). on_time_rate counts as rpt.dossier_on_time does: on time
-- (early + on time) ÷ rated (on time + late + pending overdue); NULL when nothing is rated (see warehouse/README.md).
CREATE OR REPLACE VIEW rpt.onestop_report AS
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
    CAST(COALESCE(f.resolved_early, 0) + COALESCE(f.resolved_on_time, 0) AS DOUBLE)
        / NULLIF(COALESCE(f.resolved_early, 0) + COALESCE(f.resolved_on_time, 0) + COALESCE(f.resolved_late, 0)
                 + COALESCE(f.pending_overdue, 0), 0) AS on_time_rate,
    f.is_synthetic,
    f.file_id
FROM dw.fact_onestop_report f
JOIN dw.dim_province p ON p.province_key = f.province_key;
