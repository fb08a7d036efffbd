-- One row per run (load, nightly, dq …) with its outcome: what `cchc status` lists, readable by the report reader
-- role. The host that ran it is left out on purpose (readers need no machine names). Twin of duckdb/views/rpt.load_run.sql.
CREATE OR ALTER VIEW rpt.load_run AS
SELECT run_id, command, started_at, ended_at, status, files_loaded, files_failed, rows_loaded, rows_quarantined, message
FROM etl.run;
GO
