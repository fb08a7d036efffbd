-- Reporting contract: one row per agency named on a plan row, with its role (see warehouse/README.md).
CREATE OR REPLACE VIEW rpt.remediation_task_agency AS
SELECT
    t.task_key,
    t.province_key,
    p.gso_code              AS province_code,
    p.short_name            AS province_short_name,
    t.plan_year,
    t.result_year,
    t.plan_number,
    t.criterion_code,
    t.criterion_name,
    t.points_lost_computed,
    t.deadline_date,
    t.deadline_is_ongoing,
    b.agency_role,
    b.ordinal               AS agency_ordinal,
    b.as_written            AS agency_as_written,
    a.agency_key,
    a.agency_name,
    a.agency_name_en,
    a.abbreviation          AS agency_abbreviation,
    a.agency_type,
    a.is_collective,
    a.is_catalogued,
    t.is_synthetic
FROM dw.bridge_remediation_task_agency b
JOIN dw.fact_remediation_task t ON t.task_key = b.task_key
JOIN dw.dim_agency a            ON a.agency_key = b.agency_key
JOIN dw.dim_province p          ON p.province_key = t.province_key;
