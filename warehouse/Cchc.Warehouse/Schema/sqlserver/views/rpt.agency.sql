-- T-SQL twin of duckdb/views/rpt.agency.sql.
CREATE OR ALTER VIEW rpt.agency AS
SELECT
    a.agency_key,
    a.province_key,
    p.gso_code          AS province_code,
    p.short_name        AS province_short_name,
    a.agency_name,
    a.normalized_name,
    a.abbreviation      AS agency_abbreviation,
    a.agency_name_en,
    a.agency_type,
    a.is_collective,
    a.is_catalogued
FROM dw.dim_agency a
LEFT JOIN dw.dim_province p ON p.province_key = a.province_key;
GO
