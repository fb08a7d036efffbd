-- Reporting contract: one row per row of a remediation plan, with its agencies (see warehouse/README.md).
CREATE OR REPLACE VIEW rpt.remediation_task AS
WITH agencies AS (
    SELECT b.task_key, b.agency_role,
           string_agg(a.agency_name, '; ' ORDER BY b.ordinal) AS agency_names,
           string_agg(COALESCE(a.agency_name_en, a.agency_name), '; ' ORDER BY b.ordinal) AS agency_names_en,
           CAST(COUNT(*) AS INTEGER)                         AS agency_count
    FROM dw.bridge_remediation_task_agency b
    JOIN dw.dim_agency a ON a.agency_key = b.agency_key
    GROUP BY b.task_key, b.agency_role
)
SELECT
    t.task_key,
    t.province_key,
    p.gso_code                                   AS province_code,
    p.official_name                              AS province_name,
    p.short_name                                 AS province_short_name,
    t.plan_year,
    t.result_year,
    t.index_code,
    t.plan_number,
    t.plan_date,
    t.task_sequence,
    t.criterion_code,
    t.parent_criterion_code,
    t.criterion_level,
    CASE t.criterion_level WHEN 0 THEN 'total' WHEN 1 THEN 'field' WHEN 2 THEN 'criterion' ELSE 'sub-criterion' END AS criterion_level_name,
    c.criterion_key                              AS criterion_key,
    t.criterion_name                             AS criterion_name,
    c.name_vi                                    AS catalogue_criterion_name,
    c.name_en                                    AS catalogue_criterion_name_en,
    c.max_points                                 AS catalogue_max_points,
    c.is_illustrative                            AS catalogue_is_illustrative,
    t.max_points,
    t.appraised_points,
    t.points_lost_stated,
    t.points_lost_computed,
    COALESCE(t.points_lost_computed, t.points_lost_stated) AS points_lost,
    CASE WHEN t.points_lost_stated IS NOT NULL AND t.points_lost_computed IS NOT NULL
              AND ABS(t.points_lost_stated - t.points_lost_computed) > 0.001 THEN TRUE ELSE FALSE END AS points_lost_disagrees,
    t.remedy,
    CASE WHEN t.remedy IS NULL THEN FALSE ELSE TRUE END AS has_remedy,
    la.agency_names                              AS lead_agencies,
    COALESCE(la.agency_count, 0)                 AS lead_agency_count,
    ca.agency_names                              AS coordinating_agencies,
    COALESCE(ca.agency_count, 0)                 AS coordinating_agency_count,
    la.agency_names_en                           AS lead_agencies_en,
    ca.agency_names_en                           AS coordinating_agencies_en,
    t.lead_agencies_text                         AS lead_agencies_as_written,
    t.coordinating_agencies_text                 AS coordinating_agencies_as_written,
    t.deadline_text,
    t.deadline_date,
    t.deadline_kind,
    t.deadline_is_ongoing,
    t.note,
    t.is_synthetic,
    fl.file_name                                 AS source_file,
    t.source_sheet,
    t.source_row,
    t.file_id,
    t.run_id
FROM dw.fact_remediation_task t
JOIN dw.dim_province p ON p.province_key = t.province_key
LEFT JOIN dw.dim_criterion c
       ON c.index_code = t.index_code AND c.criterion_code = t.criterion_code
      AND t.result_year >= c.valid_from_year AND (c.valid_to_year IS NULL OR t.result_year <= c.valid_to_year)
LEFT JOIN agencies la ON la.task_key = t.task_key AND la.agency_role = 'lead'
LEFT JOIN agencies ca ON ca.task_key = t.task_key AND ca.agency_role = 'coordinating'
LEFT JOIN etl.file fl ON fl.file_id = t.file_id;
