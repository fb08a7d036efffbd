-- What was loaded, when, from which file (provenance for reports). T-SQL twin of duckdb/views/rpt.load_history.sql.
CREATE OR ALTER VIEW rpt.load_history AS
SELECT f.file_id, f.run_id, r.command, f.file_name, f.kind, f.sha256, f.status, f.rows_read, f.rows_loaded, f.rows_quarantined, f.rows_skipped,
       f.started_at, f.ended_at, f.message
FROM etl.[file] f JOIN etl.run r ON r.run_id = f.run_id;
GO
