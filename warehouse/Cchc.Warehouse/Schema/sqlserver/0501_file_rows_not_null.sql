-- T-SQL twin of duckdb/0501_file_rows_not_null.sql, kept so both engines apply the same numbered scripts: on SQL
-- Server 0500 added the columns NOT NULL already. Nothing to do.
PRINT N'0501: nothing to do on SQL Server (0500 added rows_read and rows_skipped NOT NULL)';
GO
