-- T-SQL twin of duckdb/0511_bridge_file_not_null.sql, kept so both engines apply the same numbered scripts: on SQL
-- Server 0510 added the column NOT NULL already. Nothing to do.
PRINT N'0511: nothing to do on SQL Server (0510 added the bridge file_id NOT NULL)';
GO
