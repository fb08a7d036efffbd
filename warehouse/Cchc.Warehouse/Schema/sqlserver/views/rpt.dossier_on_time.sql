-- T-SQL twin of duckdb/views/rpt.dossier_on_time.sql (cohort of dossiers received in the month).
CREATE OR ALTER VIEW rpt.dossier_on_time AS
SELECT
    DATEFROMPARTS(YEAR(d.received_date), MONTH(d.received_date), 1)        AS month_start,
    YEAR(d.received_date)                                                  AS year,
    MONTH(d.received_date)                                                 AS month,
    d.province_key,
    d.province_code,
    d.province_name,
    d.province_code_2025,
    d.level_code,
    l.name_vi                                                              AS level_name,
    d.agency_key,
    d.agency_name,
    d.channel_code,
    c.name_vi                                                              AS channel_name,
    d.is_synthetic,
    COUNT_BIG(*)                                                           AS received,
    SUM(CAST(CASE WHEN d.outcome IN (N'early', N'on_time', N'late') THEN 1 ELSE 0 END AS BIGINT)) AS finished,
    SUM(CAST(CASE WHEN d.is_on_time = 1 THEN 1 ELSE 0 END AS BIGINT))     AS on_time,
    SUM(CAST(CASE WHEN d.outcome = N'early' THEN 1 ELSE 0 END AS BIGINT)) AS early,
    SUM(CAST(CASE WHEN d.outcome = N'late' THEN 1 ELSE 0 END AS BIGINT))  AS late,
    SUM(CAST(CASE WHEN d.outcome = N'pending_overdue' THEN 1 ELSE 0 END AS BIGINT)) AS pending_overdue,
    SUM(CAST(CASE WHEN d.outcome = N'pending_not_due' THEN 1 ELSE 0 END AS BIGINT)) AS pending_not_due,
    SUM(CAST(CASE WHEN d.outcome = N'withdrawn' THEN 1 ELSE 0 END AS BIGINT)) AS withdrawn,
    SUM(CAST(CASE WHEN d.outcome = N'rejected' THEN 1 ELSE 0 END AS BIGINT)) AS rejected,
    SUM(CAST(CASE WHEN d.is_rated = 1 THEN 1 ELSE 0 END AS BIGINT))       AS rated,
    CAST(SUM(CASE WHEN d.is_on_time = 1 THEN 1 ELSE 0 END) AS FLOAT) / NULLIF(SUM(CASE WHEN d.is_rated = 1 THEN 1 ELSE 0 END), 0) AS on_time_rate,
    SUM(CAST(CASE WHEN d.is_late = 1 THEN d.days_late END AS BIGINT))     AS days_late_total,
    AVG(CAST(d.processing_days AS FLOAT))                                  AS avg_processing_days
FROM rpt.dossier d
JOIN dw.dim_level l   ON l.level_key = d.level_key
JOIN dw.dim_channel c ON c.channel_key = d.channel_key
GROUP BY DATEFROMPARTS(YEAR(d.received_date), MONTH(d.received_date), 1), YEAR(d.received_date), MONTH(d.received_date),
         d.province_key, d.province_code, d.province_name, d.province_code_2025, d.level_code, l.name_vi,
         d.agency_key, d.agency_name, d.channel_code, c.name_vi, d.is_synthetic;

GO
