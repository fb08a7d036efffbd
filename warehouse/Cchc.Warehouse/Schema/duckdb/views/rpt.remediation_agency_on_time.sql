-- Accountability: each agency leading remediation tasks, per plan, with its own one-stop on-time results in the plan
-- year (through rpt.onestop_agency.conformed_agency_key). NULL dossier columns: the agency receives no dossiers, or
-- no log of that year is loaded. on_time_rate = on time / rated, as in rpt.dossier_on_time.
CREATE OR REPLACE VIEW rpt.remediation_agency_on_time AS
WITH led AS (
    SELECT b.agency_key, t.province_key, t.plan_year, t.result_year, t.index_code,
           COUNT(*)                                                     AS tasks_led,
           SUM(COALESCE(t.points_lost_computed, t.points_lost_stated)) AS points_lost_led,
           MAX(CASE WHEN t.is_synthetic THEN 1 ELSE 0 END)              AS synthetic_tasks
    FROM dw.bridge_remediation_task_agency b
    JOIN dw.fact_remediation_task t ON t.task_key = b.task_key
    WHERE b.agency_role = 'lead'
    GROUP BY b.agency_key, t.province_key, t.plan_year, t.result_year, t.index_code
),
dossiers AS (
    SELECT oa.conformed_agency_key AS agency_key, d.year,
           SUM(d.received) AS received, SUM(d.finished) AS finished, SUM(d.rated) AS rated, SUM(d.on_time) AS on_time,
           MAX(CASE WHEN d.is_synthetic THEN 1 ELSE 0 END) AS synthetic_dossiers
    FROM rpt.dossier_on_time d
    JOIN rpt.onestop_agency oa ON oa.agency_key = d.agency_key
    WHERE oa.conformed_agency_key IS NOT NULL
    GROUP BY oa.conformed_agency_key, d.year
)
SELECT
    a.agency_key,
    a.agency_name,
    a.agency_name_en,
    a.agency_type,
    p.gso_code                                        AS province_code,
    p.short_name                                      AS province_short_name,
    l.index_code,
    l.plan_year,
    l.result_year,
    CAST(l.tasks_led AS BIGINT)                       AS tasks_led,
    l.points_lost_led,
    CAST(d.received AS BIGINT)                        AS dossiers_received,
    CAST(d.finished AS BIGINT)                        AS dossiers_finished,
    CAST(d.rated AS BIGINT)                           AS dossiers_rated,
    CAST(d.on_time AS BIGINT)                         AS dossiers_on_time,
    CAST(d.on_time AS DOUBLE) / NULLIF(d.rated, 0)    AS on_time_rate,
    CASE WHEN l.synthetic_tasks = 1 OR d.synthetic_dossiers = 1 THEN TRUE ELSE FALSE END AS is_synthetic
FROM led l
JOIN dw.dim_agency a         ON a.agency_key = l.agency_key
JOIN dw.dim_province p       ON p.province_key = l.province_key
LEFT JOIN dossiers d         ON d.agency_key = l.agency_key AND d.year = l.plan_year;
