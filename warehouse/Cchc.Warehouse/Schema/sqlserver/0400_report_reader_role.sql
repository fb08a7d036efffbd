-- Least privilege for report readers (Power BI, analysts): members of cchc_report_reader may SELECT the rpt views
-- and nothing else. The views reach dw and etl through ownership chaining (dw, etl and rpt are all owned by dbo, see
-- 0001_core.sql and the bootstrap), so readers need no permission on dw or etl; the DENYs below make sure they never
-- get one through another role either, and that they cannot write through an updatable view.
-- Map a login to it (see warehouse/README.md):  ALTER ROLE cchc_report_reader ADD MEMBER [your_powerbi_user];
IF DATABASE_PRINCIPAL_ID(N'cchc_report_reader') IS NULL
    CREATE ROLE cchc_report_reader AUTHORIZATION dbo;
GO
GRANT SELECT ON SCHEMA::rpt TO cchc_report_reader;
GO
DENY INSERT, UPDATE, DELETE, ALTER, CONTROL, TAKE OWNERSHIP ON SCHEMA::rpt TO cchc_report_reader;
GO
DENY SELECT, INSERT, UPDATE, DELETE, EXECUTE, REFERENCES, ALTER, CONTROL, VIEW DEFINITION ON SCHEMA::dw TO cchc_report_reader;
GO
DENY SELECT, INSERT, UPDATE, DELETE, EXECUTE, REFERENCES, ALTER, CONTROL, VIEW DEFINITION ON SCHEMA::etl TO cchc_report_reader;
GO
