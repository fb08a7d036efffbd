namespace Cchc.Warehouse.Engines.SqlServer;

/// <summary>
/// Every statement the SQL Server engine itself writes (the shared code's statements are portable SQL). Kept in one
/// place so that a test can parse all of them with ScriptDom; generated statements are built by the methods below.
/// </summary>
internal static class SqlServerStatements
{
    /// <summary>The etl schema and the migration ledger, created before any migration runs. Idempotent.</summary>
    public const string Bootstrap =
        """
        IF SCHEMA_ID(N'etl') IS NULL EXEC(N'CREATE SCHEMA etl AUTHORIZATION dbo');
        GO
        IF OBJECT_ID(N'etl.schema_version', N'U') IS NULL
            CREATE TABLE etl.schema_version (
                script_name NVARCHAR(260) NOT NULL PRIMARY KEY,
                version     INT NOT NULL,
                checksum    NVARCHAR(64) NOT NULL,
                applied_at  DATETIME2(3) NOT NULL
            );
        GO
        IF OBJECT_ID(N'etl.seed_state', N'U') IS NULL
            CREATE TABLE etl.seed_state (
                seed_name  NVARCHAR(260) NOT NULL PRIMARY KEY,
                checksum   NVARCHAR(64) NOT NULL,
                applied_at DATETIME2(3) NOT NULL
            );
        GO
        """;

    /// <summary>Two processes opening a new database at once must not both run the migrations.</summary>
    public const string AcquireMigrationLock =
        """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'cchc.migrate', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 120000;
        IF @result < 0
            THROW 50001, N'Another process has been migrating this warehouse for 2 minutes; try again when it has finished.', 1;
        """;

    public const string ReleaseMigrationLock =
        "EXEC sp_releaseapplock @Resource = N'cchc.migrate', @LockOwner = N'Session';";

    /// <summary>
    /// The single-writer lock, in the database: exclusive, owned by the session, so it lasts as long as the writer's
    /// connection and the server releases it when that session ends (a killed process, a lost connection). Returns
    /// sp_getapplock's result: 0 or 1 granted, negative not granted within @timeout milliseconds.
    /// </summary>
    public const string AcquireWriterLock =
        """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'cchc.writer', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = @timeout;
        SELECT @result;
        """;

    /// <summary>Who holds the writer lock (needs VIEW SERVER STATE; without it the holder stays unnamed).</summary>
    public const string WriterLockHolder =
        """
        SELECT TOP (1) s.program_name + N' on ' + s.host_name + N' since ' + CONVERT(NVARCHAR(30), s.login_time, 126)
        FROM sys.dm_tran_locks l
        JOIN sys.dm_exec_sessions s ON s.session_id = l.request_session_id
        WHERE l.resource_type = N'APPLICATION' AND l.resource_database_id = DB_ID() AND l.request_status = N'GRANT'
          AND l.resource_description LIKE N'%cchc.writer%'
        """;

    /// <summary>A run's liveness lock, held by the session that runs it until it finishes (or dies).</summary>
    public const string AcquireRunLock =
        """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = @resource, @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 0;
        SELECT @result;
        """;

    public const string ReleaseRunLock =
        "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = N'Session';";

    /// <summary>1 when nobody holds the run's lock (its session ended: the run is dead), 0 while its writer is alive.</summary>
    public const string RunLockIsFree =
        "SELECT APPLOCK_TEST(N'public', @resource, N'Exclusive', N'Session')";

    /// <summary>Whether readers get row versions instead of waiting for a load's locks (see 0401_read_committed_snapshot.sql).</summary>
    public const string ReadCommittedSnapshot =
        "SELECT CAST(is_read_committed_snapshot_on AS BIT) FROM sys.databases WHERE database_id = DB_ID()";

    /// <summary>A table's columns in table order, with their SQL Server type names.</summary>
    public const string TableColumns =
        """
        SELECT c.name AS Name, t.name AS TypeName
        FROM sys.columns c
        JOIN sys.types t ON t.user_type_id = c.user_type_id
        WHERE c.object_id = OBJECT_ID(@table, N'U')
        ORDER BY c.column_id
        """;

    /// <summary>A table's primary-key columns in key order (empty for a table without one).</summary>
    public const string PrimaryKeyColumns =
        """
        SELECT c.name
        FROM sys.indexes i
        JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
        JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
        WHERE i.object_id = OBJECT_ID(@table, N'U') AND i.is_primary_key = 1 AND ic.key_ordinal > 0
        ORDER BY ic.key_ordinal
        """;

    /// <summary>An empty session temp table with the target's column types, for SqlBulkCopy to fill.</summary>
    public static string CreateStage(string stage, string table, IReadOnlyList<string> columns) =>
        $"SELECT TOP (0) {ColumnList(columns)} INTO {SqlIdentifier.Quote(stage)} FROM {SqlIdentifier.QuoteTable(table)};";

    /// <summary>
    /// Moves the staged rows into the target in one set-based statement: a MERGE on the primary key (new keys are
    /// inserted, existing keys updated), or a plain INSERT … SELECT for a table without a primary key.
    /// </summary>
    public static string MergeStage(string stage, string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns)
    {
        var target = SqlIdentifier.QuoteTable(table);
        var source = SqlIdentifier.Quote(stage);
        if (keyColumns.Count == 0)
        {
            return $"INSERT INTO {target} ({ColumnList(columns)})\nSELECT {ColumnList(columns)} FROM {source};";
        }

        var updated = columns.Where(c => !keyColumns.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        return SqlServerDialect.Instance.Merge(new MergeSpec(
            target, "t", source, "s",
            string.Join(" AND ", keyColumns.Select(k => $"t.{SqlIdentifier.Quote(k)} = s.{SqlIdentifier.Quote(k)}")),
            "(" + ColumnList(columns) + ")",
            "(" + string.Join(", ", columns.Select(c => "s." + SqlIdentifier.Quote(c))) + ")")
        {
            UpdateSet = updated.Count == 0 ? null : string.Join(", ", updated.Select(c => $"t.{SqlIdentifier.Quote(c)} = s.{SqlIdentifier.Quote(c)}")),
        });
    }

    public static string DropStage(string stage) => $"DROP TABLE {SqlIdentifier.Quote(stage)};";

    private static string ColumnList(IReadOnlyList<string> columns) => string.Join(", ", columns.Select(SqlIdentifier.Quote));
}
