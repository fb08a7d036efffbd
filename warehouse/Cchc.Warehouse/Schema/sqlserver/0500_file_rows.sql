-- T-SQL twin of duckdb/0500_file_rows.sql: etl.file accounts for every row read (rows_read = rows_loaded +
-- rows_quarantined + rows_skipped for every loaded file); earlier files get rows_read = rows_loaded + rows_quarantined.
ALTER TABLE etl.[file] ADD
    rows_read    BIGINT NOT NULL CONSTRAINT df_file_rows_read DEFAULT 0,
    rows_skipped BIGINT NOT NULL CONSTRAINT df_file_rows_skipped DEFAULT 0;
GO

UPDATE etl.[file] SET rows_read = rows_loaded + rows_quarantined, rows_skipped = 0;
GO
