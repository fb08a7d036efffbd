using System.Text.RegularExpressions;

namespace Cchc.Warehouse.Engines;

/// <summary>What differs between engines in the SQL text the shared code writes.</summary>
public abstract partial class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>
    /// Rewrites portable SQL into the engine's form: <c>@name</c> parameters everywhere, and on SQL Server a reserved
    /// word used as a table name after our schemas (<c>etl.file</c>) is bracketed.
    /// </summary>
    public abstract string Parameters(string sql);

    public abstract string LimitOne(string selectWithoutLimit);

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_]\w*)")]
    protected static partial Regex AtParameter();

    [GeneratedRegex(@"(?<![\w.\[""])(etl|dw|rpt)\.([A-Za-z_]\w*)(?![\w\]""])", RegexOptions.IgnoreCase)]
    protected static partial Regex SchemaQualifiedName();
}

public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => WarehouseTarget.DuckDb;

    public override string Parameters(string sql) => AtParameter().Replace(sql, "$$$1");

    public override string LimitOne(string selectWithoutLimit) => selectWithoutLimit + " LIMIT 1";
}

public sealed class SqlServerDialect : SqlDialect
{
    /// <summary>T-SQL reserved keywords (Microsoft's list): as a table name they need brackets on SQL Server only.</summary>
    private static readonly HashSet<string> ReservedWords = new(
        """
        ADD ALL ALTER AND ANY AS ASC AUTHORIZATION BACKUP BEGIN BETWEEN BREAK BROWSE BULK BY CASCADE CASE CHECK CHECKPOINT
        CLOSE CLUSTERED COALESCE COLLATE COLUMN COMMIT COMPUTE CONSTRAINT CONTAINS CONTAINSTABLE CONTINUE CONVERT CREATE
        CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DBCC DEALLOCATE DECLARE
        DEFAULT DELETE DENY DESC DISK DISTINCT DISTRIBUTED DOUBLE DROP DUMP ELSE END ERRLVL ESCAPE EXCEPT EXEC EXECUTE
        EXISTS EXIT EXTERNAL FETCH FILE FILLFACTOR FOR FOREIGN FREETEXT FREETEXTTABLE FROM FULL FUNCTION GOTO GRANT GROUP
        HAVING HOLDLOCK IDENTITY IDENTITY_INSERT IDENTITYCOL IF IN INDEX INNER INSERT INTERSECT INTO IS JOIN KEY KILL LEFT
        LIKE LINENO LOAD MERGE NATIONAL NOCHECK NONCLUSTERED NOT NULL NULLIF OF OFF OFFSETS ON OPEN OPENDATASOURCE
        OPENQUERY OPENROWSET OPENXML OPTION OR ORDER OUTER OVER PERCENT PIVOT PLAN PRECISION PRIMARY PRINT PROC PROCEDURE
        PUBLIC RAISERROR READ READTEXT RECONFIGURE REFERENCES REPLICATION RESTORE RESTRICT RETURN REVERT REVOKE RIGHT
        ROLLBACK ROWCOUNT ROWGUIDCOL RULE SAVE SCHEMA SECURITYAUDIT SELECT SEMANTICKEYPHRASETABLE
        SEMANTICSIMILARITYDETAILSTABLE SEMANTICSIMILARITYTABLE SESSION_USER SET SETUSER SHUTDOWN SOME STATISTICS
        SYSTEM_USER TABLE TABLESAMPLE TEXTSIZE THEN TO TOP TRAN TRANSACTION TRIGGER TRUNCATE TRY_CONVERT TSEQUAL UNION
        UNIQUE UNPIVOT UPDATE UPDATETEXT USE USER VALUES VARYING VIEW WAITFOR WHEN WHERE WHILE WITH WRITETEXT
        """.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    public static readonly SqlServerDialect Instance = new();

    public override string Name => WarehouseTarget.SqlServer;

    public override string Parameters(string sql) =>
        SchemaQualifiedName().Replace(sql, m =>
            ReservedWords.Contains(m.Groups[2].Value) ? $"{m.Groups[1].Value}.[{m.Groups[2].Value}]" : m.Value);

    public override string LimitOne(string selectWithoutLimit) =>
        selectWithoutLimit.StartsWith("SELECT ", StringComparison.OrdinalIgnoreCase)
            ? "SELECT TOP 1 " + selectWithoutLimit[7..]
            : selectWithoutLimit;
}
