-- T-SQL twin of duckdb/views/rpt.procedure.sql.
CREATE OR ALTER VIEW rpt.[procedure] AS
SELECT procedure_key, procedure_code, procedure_name, field_name, statutory_days, is_inferred
FROM dw.dim_procedure;

GO
