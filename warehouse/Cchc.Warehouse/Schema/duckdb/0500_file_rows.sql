-- Every row a loader read is accounted for in etl.file: rows_read = rows_loaded + rows_quarantined + rows_skipped for
-- every loaded file, where skipped rows are in-file duplicates, group or total rows and blank rows between data rows
-- (read, deliberately not loaded). A failed file records the rows it had read before it was refused. Files loaded
-- before this script get rows_read = rows_loaded + rows_quarantined (nothing was skipped then).
ALTER TABLE etl.file ADD COLUMN rows_read BIGINT DEFAULT 0;
ALTER TABLE etl.file ADD COLUMN rows_skipped BIGINT DEFAULT 0;
UPDATE etl.file SET rows_read = rows_loaded + rows_quarantined, rows_skipped = 0;
-- NOT NULL follows in 0501: DuckDB cannot add the constraint in the transaction that updated the rows.
