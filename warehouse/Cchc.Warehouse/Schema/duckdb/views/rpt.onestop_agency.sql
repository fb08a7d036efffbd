-- Agencies that receive one-stop dossiers (one row per agency per province entity), for Power BI.
-- conformed_agency_key: the same agency in dw.dim_agency (the plans' agency dimension, rpt.agency), matched on the
-- folded name ('Ủy ban nhân dân' = 'UBND') within the same GSO code (the pre- and post-2025 entities of a province
-- share it); the entity's own agency wins over its predecessor's. NULL when no plan names the agency.
CREATE OR REPLACE VIEW rpt.onestop_agency AS
WITH candidates AS (
    SELECT o.agency_key, a.agency_key AS conformed_agency_key,
           ROW_NUMBER() OVER (PARTITION BY o.agency_key
                              ORDER BY CASE WHEN a.province_key = o.province_key THEN 0 ELSE 1 END, a.province_key DESC) AS preference
    FROM dw.dim_onestop_agency o
    JOIN dw.dim_province po ON po.province_key = o.province_key
    JOIN dw.dim_agency a    ON a.normalized_name = replace(o.name_folded, 'uy ban nhan dan', 'ubnd')
    JOIN dw.dim_province pa ON pa.province_key = a.province_key AND pa.gso_code = po.gso_code
)
SELECT o.agency_key, o.agency_code, o.agency_name, o.level_code, o.province_key, p.gso_code AS province_code,
       p.short_name AS province_name, o.is_inferred, c.conformed_agency_key
FROM dw.dim_onestop_agency o
JOIN dw.dim_province p ON p.province_key = o.province_key
LEFT JOIN candidates c ON c.agency_key = o.agency_key AND c.preference = 1;
