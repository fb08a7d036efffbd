-- The row counts of 0500 are always given (0 when nothing was skipped). A script of its own: DuckDB refuses to add a
-- NOT NULL constraint in the transaction that updated the rows.
ALTER TABLE etl.file ALTER COLUMN rows_read SET NOT NULL;
ALTER TABLE etl.file ALTER COLUMN rows_skipped SET NOT NULL;
