-- T-SQL twin of duckdb/views/rpt.onestop_agency.sql.
CREATE OR ALTER VIEW rpt.onestop_agency AS
SELECT a.agency_key, a.agency_code, a.agency_name, a.level_code, a.province_key, p.gso_code AS province_code,
       p.short_name AS province_name, a.is_inferred
FROM dw.dim_onestop_agency a
JOIN dw.dim_province p ON p.province_key = a.province_key;

GO
