-- Inbox files whose nightly attempts failed so far (moved to failed/ at --max-attempts): what `cchc status` lists,
-- readable by the report reader role. Twin of duckdb/views/rpt.inbox_attempt.sql.
CREATE OR ALTER VIEW rpt.inbox_attempt AS
SELECT sha256, file_name, attempts, first_attempt_at, last_attempt_at, last_run_id, last_reason
FROM etl.inbox_attempt;
GO
