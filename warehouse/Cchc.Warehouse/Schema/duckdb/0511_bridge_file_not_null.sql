-- Every plan agency link has its plan's file id (0510 filled them). A script of its own: DuckDB refuses to add a
-- NOT NULL constraint in the transaction that updated the rows.
ALTER TABLE dw.bridge_remediation_task_agency ALTER COLUMN file_id SET NOT NULL;
