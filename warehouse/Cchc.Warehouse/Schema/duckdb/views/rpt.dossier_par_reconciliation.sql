-- The logs' yearly on-time rate per level beside the PAR sub-criterion that scores it (3.4.1 province, 3.4.2 district,
-- 3.4.3 commune). Dossiers count in the year they were received, for the province entity the PAR Index rates that
-- year (the one valid on 31 December: from 2025 the merged province). PAR points are read as a rate
-- (points / max points), the proportional scoring the 2017 appraisal shows (0.9947 of 1.0 for 99.47 %).
CREATE OR REPLACE VIEW rpt.dossier_par_reconciliation AS
WITH log AS (
    SELECT
        CAST(year(d.received_date) AS INTEGER) AS year,
        COALESCE(s.province_key, p.province_key) AS par_province_key,
        d.level_key,
        COUNT(*)                                AS received,
        COUNT(*) FILTER (WHERE d.is_rated)      AS rated,
        COUNT(*) FILTER (WHERE d.is_on_time)    AS on_time,
        bool_or(d.is_synthetic)                 AS log_is_synthetic
    FROM rpt.dossier d
    JOIN dw.dim_province p ON p.province_key = d.province_key
    LEFT JOIN dw.dim_province s
        ON p.valid_to < make_date(year(d.received_date), 12, 31)
       AND s.gso_code = p.code_2025
       AND s.valid_from <= make_date(year(d.received_date), 12, 31)
       AND (s.valid_to IS NULL OR s.valid_to >= make_date(year(d.received_date), 12, 31))
    GROUP BY ALL
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
    CAST(log.on_time AS DOUBLE) / NULLIF(log.rated, 0)        AS log_on_time_rate,
    c.max_points                                              AS par_max_points,
    sc.score                                                  AS par_points,
    sc.score / NULLIF(c.max_points, 0)                        AS par_implied_rate,
    CAST(log.on_time AS DOUBLE) / NULLIF(log.rated, 0) - sc.score / NULLIF(c.max_points, 0) AS rate_difference,
    c.max_points * CAST(log.on_time AS DOUBLE) / NULLIF(log.rated, 0) AS log_implied_points,
    log.log_is_synthetic,
    sc.is_synthetic                                           AS par_is_synthetic
FROM log
JOIN dw.dim_province pp ON pp.province_key = log.par_province_key
JOIN dw.dim_level l     ON l.level_key = log.level_key
LEFT JOIN dw.dim_criterion c
    ON c.index_code = 'PAR' AND c.criterion_code = l.par_criterion_code
   AND c.valid_from_year <= log.year AND (c.valid_to_year IS NULL OR c.valid_to_year >= log.year)
LEFT JOIN dw.fact_index_score sc
    ON sc.criterion_key = c.criterion_key AND sc.year = log.year AND sc.province_key = log.par_province_key;
