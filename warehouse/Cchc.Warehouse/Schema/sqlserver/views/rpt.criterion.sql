-- Criterion dimension (versioned methodology of every index). T-SQL twin of duckdb/views/rpt.criterion.sql.
CREATE OR ALTER VIEW rpt.criterion AS
SELECT criterion_key, index_code, version_code AS methodology_version, criterion_code, parent_code AS parent_criterion_code,
       level, name_vi AS criterion_name, name_en AS criterion_name_en, max_points, weight, points_source,
       valid_from_year, valid_to_year, is_illustrative, note
FROM dw.dim_criterion;
GO
