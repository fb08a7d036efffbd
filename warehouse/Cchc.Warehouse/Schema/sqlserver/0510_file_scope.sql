-- T-SQL twin of duckdb/0510_file_scope.sql: the scope units each loaded file claims (file identity by what a file
-- covers, not by its name), filled from the rows loaded so far; the plan bridge gains its file id.
CREATE TABLE etl.file_scope (
    file_id          BIGINT NOT NULL,
    scope_family     NVARCHAR(32) NOT NULL,     -- index | plan | onestop-report
    scope_unit       NVARCHAR(200) NOT NULL,    -- e.g. 'PCI:2017', '68:2018'
    released_by_file BIGINT NULL,               -- the later file that took the unit over; NULL = still this file's
    CONSTRAINT pk_file_scope PRIMARY KEY (file_id, scope_family, scope_unit)
);
GO

INSERT INTO etl.file_scope (file_id, scope_family, scope_unit, released_by_file)
SELECT DISTINCT s.file_id, N'index', CONCAT(s.index_code, N':', s.year), NULL
FROM dw.fact_index_score s JOIN etl.[file] f ON f.file_id = s.file_id AND f.status = N'loaded';
GO

INSERT INTO etl.file_scope (file_id, scope_family, scope_unit, released_by_file)
SELECT DISTINCT t.file_id, N'plan', CONCAT(t.province_key, N':', t.plan_year), NULL
FROM dw.fact_remediation_task t JOIN etl.[file] f ON f.file_id = t.file_id AND f.status = N'loaded';
GO

DELETE FROM dw.bridge_remediation_task_agency
WHERE task_key NOT IN (SELECT task_key FROM dw.fact_remediation_task);
GO

-- NOT NULL from the start: the default only fills the existing rows until the UPDATE gives each its plan's file.
ALTER TABLE dw.bridge_remediation_task_agency ADD file_id BIGINT NOT NULL CONSTRAINT df_bridge_remediation_task_agency_file_id DEFAULT 0;
GO

UPDATE b SET file_id = t.file_id
FROM dw.bridge_remediation_task_agency b JOIN dw.fact_remediation_task t ON t.task_key = b.task_key;
GO

ALTER TABLE dw.bridge_remediation_task_agency DROP CONSTRAINT df_bridge_remediation_task_agency_file_id;
GO
