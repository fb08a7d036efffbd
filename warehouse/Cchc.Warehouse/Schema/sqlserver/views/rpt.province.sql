-- Province dimension for Power BI and reports, with its history. T-SQL twin of duckdb/views/rpt.province.sql.
CREATE OR ALTER VIEW rpt.province AS
SELECT province_key, gso_code AS province_code, official_name AS province_name, short_name AS province_short_name,
       province_type, valid_from, valid_to, code_2025 AS province_code_2025, merged_into_code, formed_from_codes
FROM dw.dim_province;
GO
