using System.Text.RegularExpressions;

namespace Cchc.Warehouse.Engines;

/// <summary>
/// Everything that is spelled differently per engine in the SQL the shared code writes: parameters and reserved names
/// (<see cref="Parameters"/>, applied by the engine to every statement), and the expressions and statements callers
/// build through it — booleans, GREATEST/LEAST, IS DISTINCT FROM, row limits and MERGE. Code outside the warehouse gets
/// the dialect from <see cref="IWarehouse.Dialect"/>, never from the engine's type. The SQL Server forms run on SQL
/// Server 2019 (no GREATEST, LEAST or IS DISTINCT FROM there: spelled out).
/// </summary>
public abstract partial class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>
    /// Rewrites portable SQL into the engine's form: <c>@name</c> parameters everywhere, and on SQL Server a reserved
    /// word used as a table name after our schemas (<c>etl.file</c>) is bracketed.
    /// </summary>
    public abstract string Parameters(string sql);

    /// <summary>A boolean literal, usable as a value, in an assignment and in a comparison (T-SQL has no TRUE/FALSE).</summary>
    public abstract string BooleanLiteral(bool value);

    /// <summary>The largest of the values; every value must be non-NULL (wrap a nullable one in COALESCE).</summary>
    public abstract string Greatest(params string[] values);

    /// <summary>The smallest of the values; every value must be non-NULL (wrap a nullable one in COALESCE).</summary>
    public abstract string Least(params string[] values);

    /// <summary>NULL-safe "differs": true when exactly one is NULL or both are non-NULL and unequal.</summary>
    public abstract string IsDistinctFrom(string left, string right);

    /// <summary>
    /// The first <paramref name="count"/> rows of a SELECT (written without a limit; with ORDER BY when the rows
    /// matter). <paramref name="count"/> is an expression: a parameter (<c>@runs</c>) or a number.
    /// </summary>
    public abstract string Limit(string query, string count);

    /// <summary>An upsert of <see cref="MergeSpec.Source"/> into <see cref="MergeSpec.Target"/> as one statement.</summary>
    public abstract string Merge(MergeSpec merge);

    public string True => BooleanLiteral(true);

    public string False => BooleanLiteral(false);

    protected static void RequireValues(string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length < 2)
        {
            throw new ArgumentException("GREATEST and LEAST need at least two values.", nameof(values));
        }
    }

    /// <summary>The text of one WHEN MATCHED clause, shared by both engines' MERGE.</summary>
    protected static string Matched(MergeSpec merge) =>
        merge.UpdateSet is null
            ? string.Empty
            : $"WHEN MATCHED{(merge.MatchedCondition is null ? string.Empty : " AND " + merge.MatchedCondition)} THEN UPDATE SET {merge.UpdateSet}\n";

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_]\w*)")]
    protected static partial Regex AtParameter();

    [GeneratedRegex(@"(?<![\w.\[""])(etl|dw|rpt)\.([A-Za-z_]\w*)(?![\w\]""])", RegexOptions.IgnoreCase)]
    protected static partial Regex SchemaQualifiedName();
}

/// <summary>
/// One MERGE: rows of <see cref="Source"/> (alias <see cref="SourceAlias"/>) matched to <see cref="Target"/> (alias
/// <see cref="TargetAlias"/>) on <see cref="On"/>; matched rows are updated with <see cref="UpdateSet"/> (when given, and
/// only where <see cref="MatchedCondition"/> holds), others inserted: <see cref="InsertColumns"/> and
/// <see cref="InsertValues"/> are parenthesised lists.
/// </summary>
public sealed record MergeSpec(string Target, string TargetAlias, string Source, string SourceAlias, string On, string InsertColumns, string InsertValues)
{
    public string? MatchedCondition { get; init; }

    public string? UpdateSet { get; init; }
}

internal sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => WarehouseTarget.DuckDb;

    public override string Parameters(string sql) => AtParameter().Replace(sql, "$$$1");

    public override string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    public override string Greatest(params string[] values)
    {
        RequireValues(values);
        return $"GREATEST({string.Join(", ", values)})";
    }

    public override string Least(params string[] values)
    {
        RequireValues(values);
        return $"LEAST({string.Join(", ", values)})";
    }

    public override string IsDistinctFrom(string left, string right) => $"({left} IS DISTINCT FROM {right})";

    public override string Limit(string query, string count) => $"{query.TrimEnd()} LIMIT {count}";

    public override string Merge(MergeSpec merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return $"MERGE INTO {merge.Target} AS {merge.TargetAlias}\n" +
               $"USING {merge.Source} AS {merge.SourceAlias}\n" +
               $"ON {merge.On}\n" +
               Matched(merge) +
               $"WHEN NOT MATCHED THEN INSERT {merge.InsertColumns}\n    VALUES {merge.InsertValues}";
    }
}

internal sealed partial class SqlServerDialect : SqlDialect
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

    public override string BooleanLiteral(bool value) => value ? "CAST(1 AS BIT)" : "CAST(0 AS BIT)";

    /// <summary>SQL Server 2019 has no GREATEST (2022 does): a CASE that picks the first value not smaller than all later ones.</summary>
    public override string Greatest(params string[] values) => Pick(values, ">=");

    public override string Least(params string[] values) => Pick(values, "<=");

    /// <summary>SQL Server 2019 has no IS DISTINCT FROM (2022 does).</summary>
    public override string IsDistinctFrom(string left, string right) =>
        $"({left} <> {right} OR ({left} IS NULL AND {right} IS NOT NULL) OR ({left} IS NOT NULL AND {right} IS NULL))";

    /// <summary>OFFSET … FETCH after an ORDER BY; TOP (n) when the select has none.</summary>
    public override string Limit(string query, string count)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = query.TrimEnd().TrimEnd(';');
        if (TopLevelOrderBy().IsMatch(WithoutParentheses(text)))
        {
            return $"{text} OFFSET 0 ROWS FETCH NEXT {count} ROWS ONLY";
        }

        var head = SelectHead().Match(text);
        return head.Success
            ? text[..head.Length] + $" TOP ({count})" + text[head.Length..]
            : throw new ArgumentException($"Cannot limit a statement that does not start with SELECT: {text}", nameof(query));
    }

    /// <summary>HOLDLOCK: without it two concurrent MERGEs can both insert the same key.</summary>
    public override string Merge(MergeSpec merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return $"MERGE INTO {merge.Target} WITH (HOLDLOCK) AS {merge.TargetAlias}\n" +
               $"USING {merge.Source} AS {merge.SourceAlias}\n" +
               $"ON {merge.On}\n" +
               Matched(merge) +
               $"WHEN NOT MATCHED BY TARGET THEN INSERT {merge.InsertColumns}\n    VALUES {merge.InsertValues};";
    }

    private static string Pick(string[] values, string comparison)
    {
        RequireValues(values);
        var cases = new System.Text.StringBuilder("CASE");
        for (var i = 0; i < values.Length - 1; i++)
        {
            var conditions = values.Skip(i + 1).Select(later => $"{values[i]} {comparison} {later}");
            cases.Append(" WHEN ").Append(string.Join(" AND ", conditions)).Append(" THEN ").Append(values[i]);
        }

        return cases.Append(" ELSE ").Append(values[^1]).Append(" END").ToString();
    }

    /// <summary>The text with everything inside parentheses blanked, so that a subquery's ORDER BY does not count.</summary>
    private static string WithoutParentheses(string text)
    {
        var chars = text.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            depth += chars[i] == '(' ? 1 : 0;
            var inside = depth > 0;
            depth -= chars[i] == ')' ? 1 : 0;
            if (inside)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    [GeneratedRegex(@"\bORDER\s+BY\b", RegexOptions.IgnoreCase)]
    private static partial Regex TopLevelOrderBy();

    [GeneratedRegex(@"^\s*SELECT(\s+DISTINCT)?", RegexOptions.IgnoreCase)]
    private static partial Regex SelectHead();
}
