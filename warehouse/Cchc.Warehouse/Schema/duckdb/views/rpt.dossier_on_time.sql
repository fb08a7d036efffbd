-- On-time results by month received × province × level × agency × channel (cohort of dossiers received that month).
-- on_time_rate = on_time / rated, where rated = on time + late + pending-overdue (withdrawn, rejected and
-- pending-not-due dossiers are left out).
CREATE OR REPLACE VIEW rpt.dossier_on_time AS
SELECT
    CAST(date_trunc('month', d.received_date) AS DATE)               AS month_start,
    CAST(year(d.received_date) AS INTEGER)                           AS year,
    CAST(month(d.received_date) AS INTEGER)                          AS month,
    d.province_key,
    d.province_code,
    d.province_name,
    d.province_code_2025,
    d.level_code,
    l.name_vi                                                        AS level_name,
    d.agency_key,
    d.agency_name,
    d.channel_code,
    c.name_vi                                                        AS channel_name,
    d.is_synthetic,
    COUNT(*)                                                         AS received,
    COUNT(*) FILTER (WHERE d.outcome IN ('early', 'on_time', 'late')) AS finished,
    COUNT(*) FILTER (WHERE d.is_on_time)                             AS on_time,
    COUNT(*) FILTER (WHERE d.outcome = 'early')                      AS early,
    COUNT(*) FILTER (WHERE d.outcome = 'late')                       AS late,
    COUNT(*) FILTER (WHERE d.outcome = 'pending_overdue')            AS pending_overdue,
    COUNT(*) FILTER (WHERE d.outcome = 'pending_not_due')            AS pending_not_due,
    COUNT(*) FILTER (WHERE d.outcome = 'withdrawn')                  AS withdrawn,
    COUNT(*) FILTER (WHERE d.outcome = 'rejected')                   AS rejected,
    COUNT(*) FILTER (WHERE d.is_rated)                               AS rated,
    CAST(COUNT(*) FILTER (WHERE d.is_on_time) AS DOUBLE) / NULLIF(COUNT(*) FILTER (WHERE d.is_rated), 0) AS on_time_rate,
    CAST(SUM(d.days_late) FILTER (WHERE d.is_late) AS BIGINT)        AS days_late_total,
    AVG(d.processing_days)                                           AS avg_processing_days
FROM rpt.dossier d
JOIN dw.dim_level l   ON l.level_key = d.level_key
JOIN dw.dim_channel c ON c.channel_key = d.channel_key
GROUP BY ALL;
