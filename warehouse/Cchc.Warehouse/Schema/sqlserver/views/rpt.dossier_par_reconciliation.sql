-- T-SQL twin of duckdb/views/rpt.dossier_par_reconciliation.sql.
CREATE OR ALTER VIEW rpt.dossier_par_reconciliation AS
WITH rated AS (
    SELECT
        YEAR(d.received_date)                    AS year,
        COALESCE(s.province_key, p.province_key) AS par_province_key,
        d.level_key,
        d.is_rated,
        d.is_on_time,
        d.is_synthetic
    FROM rpt.dossier d
    JOIN dw.dim_province p ON p.province_key = d.province_key
    LEFT JOIN dw.dim_province s
        ON p.valid_to < DATEFROMPARTS(YEAR(d.received_date), 12, 31)
       AND s.gso_code = p.code_2025
       AND s.valid_from <= DATEFROMPARTS(YEAR(d.received_date), 12, 31)
       AND (s.valid_to IS NULL OR s.valid_to >= DATEFROMPARTS(YEAR(d.received_date), 12, 31))
), log AS (
    SELECT year, par_province_key, level_key,
           COUNT_BIG(*)                                                   AS received,
           SUM(CAST(CASE WHEN is_rated = 1 THEN 1 ELSE 0 END AS BIGINT))  AS rated,
           SUM(CAST(CASE WHEN is_on_time = 1 THEN 1 ELSE 0 END AS BIGINT)) AS on_time,
           CAST(MAX(CAST(is_synthetic AS INT)) AS BIT)                    AS log_is_synthetic
    FROM rated
    GROUP BY year, par_province_key, level_key
)
SELECT
    log.year,
    pp.province_key,
    pp.gso_code                                               AS province_code,
    pp.short_name                                             AS province_name,
    l.level_code,
    l.name_vi                                                 AS level_name,
    l.par_criterion_code                                      AS criterion_code,
    log.received,
    log.rated,
    log.on_time,
    CAST(log.on_time AS FLOAT) / NULLIF(log.rated, 0)         AS log_on_time_rate,
    c.max_points                                              AS par_max_points,
    sc.score                                                  AS par_points,
    sc.score / NULLIF(c.max_points, 0)                        AS par_implied_rate,
    CAST(log.on_time AS FLOAT) / NULLIF(log.rated, 0) - sc.score / NULLIF(c.max_points, 0) AS rate_difference,
    c.max_points * CAST(log.on_time AS FLOAT) / NULLIF(log.rated, 0) AS log_implied_points,
    log.log_is_synthetic,
    sc.is_synthetic                                           AS par_is_synthetic
FROM log
JOIN dw.dim_province pp ON pp.province_key = log.par_province_key
JOIN dw.dim_level l     ON l.level_key = log.level_key
LEFT JOIN dw.dim_criterion c
    ON c.index_code = N'PAR' AND c.criterion_code = l.par_criterion_code
   AND c.valid_from_year <= log.year AND (c.valid_to_year IS NULL OR c.valid_to_year >= log.year)
LEFT JOIN dw.fact_index_score sc
    ON sc.criterion_key = c.criterion_key AND sc.year = log.year AND sc.province_key = log.par_province_key;

GO
