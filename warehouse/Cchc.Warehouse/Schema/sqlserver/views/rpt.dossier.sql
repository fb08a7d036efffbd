-- T-SQL twin of duckdb/views/rpt.dossier.sql: one row per dossier with its derived measures (rule in warehouse/README.md).
CREATE OR ALTER VIEW rpt.dossier AS
WITH d AS (
    SELECT f.*, COALESCE(f.resolved_date, f.returned_date) AS finished_date, e.as_of_date
    FROM dw.fact_dossier f
    JOIN dw.dossier_export e ON e.file_id = f.file_id
), o AS (
    SELECT d.*,
        CASE
            WHEN d.status_code = N'withdrawn' THEN N'withdrawn'
            WHEN d.status_code = N'rejected' THEN N'rejected'
            WHEN d.finished_date IS NOT NULL THEN
                CASE WHEN d.finished_date < d.due_date THEN N'early' WHEN d.finished_date = d.due_date THEN N'on_time' ELSE N'late' END
            WHEN d.as_of_date > d.due_date THEN N'pending_overdue'
            ELSE N'pending_not_due'
        END AS outcome
    FROM d
)
SELECT
    o.dossier_key,
    o.dossier_code,
    o.province_key,
    p.gso_code                                        AS province_code,
    p.short_name                                      AS province_name,
    o.province_code_2025,
    o.procedure_key,
    pr.procedure_code,
    o.agency_key,
    a.agency_name,
    o.level_key,
    l.level_code,
    o.channel_key,
    c.channel_code,
    o.service_level,
    o.status_code,
    o.received_date,
    o.due_date,
    o.resolved_date,
    o.returned_date,
    o.finished_date,
    o.as_of_date,
    o.outcome,
    CAST(CASE WHEN o.outcome IN (N'early', N'on_time') THEN 1 ELSE 0 END AS BIT)          AS is_on_time,
    CAST(CASE WHEN o.outcome IN (N'late', N'pending_overdue') THEN 1 ELSE 0 END AS BIT)    AS is_late,
    CAST(CASE WHEN o.outcome IN (N'early', N'on_time', N'late', N'pending_overdue') THEN 1 ELSE 0 END AS BIT) AS is_rated,
    CAST(CASE
        WHEN o.outcome = N'late' THEN DATEDIFF(day, o.due_date, o.finished_date)
        WHEN o.outcome = N'pending_overdue' THEN DATEDIFF(day, o.due_date, o.as_of_date)
        WHEN o.outcome IN (N'early', N'on_time', N'pending_not_due') THEN 0
    END AS INT)                                       AS days_late,
    CAST(CASE WHEN o.outcome IN (N'early', N'on_time', N'late')
        THEN DATEDIFF(day, o.received_date, o.finished_date) END AS INT) AS processing_days,
    o.is_synthetic,
    fl.file_name                                      AS source_file,
    o.source_line,
    o.file_id,
    o.first_file_id,
    o.run_id,
    o.update_count
FROM o
JOIN dw.dim_province p          ON p.province_key = o.province_key
JOIN dw.dim_procedure pr        ON pr.procedure_key = o.procedure_key
JOIN dw.dim_onestop_agency a    ON a.agency_key = o.agency_key
JOIN dw.dim_level l             ON l.level_key = o.level_key
JOIN dw.dim_channel c           ON c.channel_key = o.channel_key
LEFT JOIN etl.[file] fl         ON fl.file_id = o.file_id;

GO
