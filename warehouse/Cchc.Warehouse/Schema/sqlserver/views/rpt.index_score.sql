-- Reporting contract: one row per province × year × criterion (see warehouse/README.md).
-- T-SQL twin of duckdb/views/rpt.index_score.sql: same columns, same order, same meanings.
CREATE OR ALTER VIEW rpt.index_score AS
SELECT
    f.year,
    f.index_code,
    p.gso_code                                   AS province_code,
    p.official_name                              AS province_name,
    p.short_name                                 AS province_short_name,
    p.code_2025                                  AS province_code_2025,
    c.criterion_code,
    c.name_vi                                    AS criterion_name,
    c.name_en                                    AS criterion_name_en,
    c.parent_code                                AS parent_criterion_code,
    c.level,
    c.version_code                               AS methodology_version,
    c.max_points,
    f.score,
    CASE WHEN c.max_points IS NULL OR f.score IS NULL THEN NULL ELSE c.max_points - f.score END AS points_lost,
    COALESCE(f.rank_published,
             CAST(RANK() OVER (PARTITION BY f.year, f.criterion_key ORDER BY f.score DESC) AS INT)) AS rank,
    CASE WHEN f.rank_published IS NULL THEN 'computed' ELSE 'published' END AS rank_source,
    CAST(COUNT(*) OVER (PARTITION BY f.year, f.criterion_key) AS INT) AS provinces_ranked,
    f.is_synthetic,
    fl.file_name                                 AS source_file,
    f.source_sheet,
    f.source_row,
    f.run_id,
    f.province_key,
    f.criterion_key
FROM dw.fact_index_score f
JOIN dw.dim_province p  ON p.province_key = f.province_key
JOIN dw.dim_criterion c ON c.criterion_key = f.criterion_key
LEFT JOIN etl.[file] fl ON fl.file_id = f.file_id;
GO
