-- Reporting contract: data-quality findings with where they point (see warehouse/README.md).
CREATE OR REPLACE VIEW rpt.dq_finding AS
SELECT
    d.finding_id,
    d.run_id,
    r.command                AS run_command,
    d.created_at,
    d.stage,
    d.rule_name,
    d.severity,
    CASE WHEN d.stage = 'pre-load' AND d.severity = 'error' THEN TRUE ELSE FALSE END AS blocked_load,
    d.subject,
    d.index_code,
    d.year,
    d.plan_year,
    d.province_key,
    p.gso_code               AS province_code,
    p.short_name             AS province_short_name,
    d.criterion_code,
    d.offending_values,
    d.message,
    d.file_id,
    COALESCE(d.file_name, fl.file_name) AS source_file,
    d.sheet                  AS source_sheet,
    d.row_number             AS source_row,
    d.column_name            AS source_column,
    CASE WHEN d.superseded_by_run IS NULL THEN TRUE ELSE FALSE END AS is_current,
    d.superseded_by_run
FROM etl.dq_finding d
LEFT JOIN etl.run r         ON r.run_id = d.run_id
LEFT JOIN etl.file fl       ON fl.file_id = d.file_id
LEFT JOIN dw.dim_province p ON p.province_key = d.province_key;
