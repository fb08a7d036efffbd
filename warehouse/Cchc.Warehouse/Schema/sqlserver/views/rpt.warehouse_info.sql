-- The schema version the migrations (or a published DAC package) brought the warehouse to: a read-only open checks
-- it, since report readers may not read the migration ledger in etl. Twin of duckdb/views/rpt.warehouse_info.sql.
CREATE OR ALTER VIEW rpt.warehouse_info AS
SELECT CAST(COALESCE(MAX(version), 0) AS INT) AS schema_version, MAX(applied_at) AS migrated_at
FROM etl.schema_version;
GO
