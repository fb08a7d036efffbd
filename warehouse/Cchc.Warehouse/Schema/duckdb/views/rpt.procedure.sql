-- Administrative procedures (TTHC) named by the dossier logs and the procedure catalogue, for Power BI.
CREATE OR REPLACE VIEW rpt.procedure AS
SELECT procedure_key, procedure_code, procedure_name, field_name, statutory_days, is_inferred
FROM dw.dim_procedure;
