-- cchc:no-transaction
-- READ_COMMITTED_SNAPSHOT: readers (Power BI refreshes) see the last committed version of a row instead of waiting
-- for a load's locks, so a refresh never blocks on a nightly load and a load never waits for a refresh.
-- SQL Server refuses ALTER DATABASE inside a transaction (hence the marker line above) and needs the database to
-- itself while it switches: WITH NO_WAIT fails at once rather than waiting when other sessions are connected.
-- When the login may not alter the database, or others are connected, the script prints the statement for a DBA
-- instead of failing the migration; warehouse/README.md ("SQL Server") says how to check and set it by hand.
IF EXISTS (SELECT 1 FROM sys.databases WHERE database_id = DB_ID() AND is_read_committed_snapshot_on = 0)
BEGIN
    IF HAS_PERMS_BY_NAME(DB_NAME(), N'DATABASE', N'ALTER') = 1
    BEGIN
        BEGIN TRY
            ALTER DATABASE CURRENT SET READ_COMMITTED_SNAPSHOT ON WITH NO_WAIT;
        END TRY
        BEGIN CATCH
            PRINT CONCAT(N'READ_COMMITTED_SNAPSHOT is off and could not be set now (', ERROR_MESSAGE(),
                N'). Ask a DBA to run: ALTER DATABASE ', QUOTENAME(DB_NAME()), N' SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;');
        END CATCH;
    END
    ELSE
        PRINT CONCAT(N'READ_COMMITTED_SNAPSHOT is off and this login may not change it. Ask a DBA to run: ALTER DATABASE ',
            QUOTENAME(DB_NAME()), N' SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;');
END
GO
