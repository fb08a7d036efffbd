-- PAR scores split by where the points come from: appraisal (thẩm định) or sociological survey, per field
-- (see warehouse/README.md). Criteria are homogeneous in their points_source, so summing level-2 rows is exact.
CREATE OR ALTER VIEW rpt.par_score_component AS
SELECT
    f.year,
    p.gso_code                                   AS province_code,
    p.official_name                              AS province_name,
    p.short_name                                 AS province_short_name,
    c.version_code                               AS methodology_version,
    c.parent_code                                AS field_code,
    fc.name_vi                                   AS field_name,
    c.points_source,
    SUM(c.max_points)                            AS max_points,
    SUM(f.score)                                 AS score,
    SUM(c.max_points) - SUM(f.score)             AS points_lost,
    CAST(COUNT(*) AS INT)                        AS criteria,
    CAST(COUNT(f.score) AS INT)                  AS criteria_scored,
    CAST(MAX(CAST(f.is_synthetic AS INT)) AS BIT) AS is_synthetic,
    f.province_key
FROM dw.fact_index_score f
JOIN dw.dim_criterion c  ON c.criterion_key = f.criterion_key
JOIN dw.dim_province p   ON p.province_key = f.province_key
LEFT JOIN dw.dim_criterion fc ON fc.index_code = c.index_code AND fc.version_code = c.version_code AND fc.criterion_code = c.parent_code
WHERE f.index_code = 'PAR' AND c.level = 2
GROUP BY f.year, p.gso_code, p.official_name, p.short_name, c.version_code, c.parent_code, fc.name_vi, c.points_source, f.province_key;
GO
