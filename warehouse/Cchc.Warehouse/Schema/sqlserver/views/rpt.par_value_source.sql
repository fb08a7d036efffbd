-- Which PAR values are real and where they come from (see warehouse/README.md).
CREATE OR ALTER VIEW rpt.par_value_source AS
SELECT
    s.year,
    p.gso_code                                   AS province_code,
    p.official_name                              AS province_name,
    p.short_name                                 AS province_short_name,
    s.criterion_code,
    s.value_kind,
    s.value,
    s.source,
    s.note,
    fl.file_name                                 AS source_file,
    s.run_id,
    s.province_key
FROM dw.par_value_source s
JOIN dw.dim_province p ON p.province_key = s.province_key
LEFT JOIN etl.[file] fl  ON fl.file_id = s.file_id;
GO
