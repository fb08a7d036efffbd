-- PAR methodology versions side by side: where a criterion went in the next version (see warehouse/README.md).
CREATE OR ALTER VIEW rpt.par_criterion_mapping AS
SELECT
    m.from_version,
    m.from_code,
    fc.name_vi                                   AS from_name,
    fc.max_points                                AS from_max_points,
    fc.valid_from_year                           AS from_valid_from_year,
    fc.valid_to_year                             AS from_valid_to_year,
    m.to_version,
    m.to_code,
    tc.name_vi                                   AS to_name,
    tc.max_points                                AS to_max_points,
    tc.valid_from_year                           AS to_valid_from_year,
    tc.valid_to_year                             AS to_valid_to_year,
    COALESCE(fc.level, tc.level)                 AS level,
    m.change_type,
    CASE WHEN fc.max_points IS NULL OR tc.max_points IS NULL THEN NULL ELSE tc.max_points - fc.max_points END AS max_points_change,
    m.is_illustrative,
    m.note
FROM dw.par_criterion_mapping m
LEFT JOIN dw.dim_criterion fc ON fc.index_code = 'PAR' AND fc.version_code = m.from_version AND fc.criterion_code = m.from_code
LEFT JOIN dw.dim_criterion tc ON tc.index_code = 'PAR' AND tc.version_code = m.to_version AND tc.criterion_code = m.to_code;
GO
