using System.Data;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cchc.Warehouse.Dacpac;
using Cchc.Warehouse.Engines;
using Cchc.Warehouse.Engines.SqlServer;
using Dapper;

namespace Cchc.TestSupport.SqlServer;

/// <summary>A statement to check, where it came from, and its parameters as SqlClient declares them.</summary>
public sealed record TypedStatement(string Origin, string Sql, IReadOnlyList<RecordedParameter> Parameters);

/// <summary>
/// The gate for every statement the product sends to SQL Server: each is wrapped in a procedure of its own, with its
/// parameters declared with the types SqlClient sends (as Dapper binds them), added to the DacFx model of the schema
/// (<see cref="SchemaModel"/>, built from the migrations), and validated. DacFx resolves every table, column, view and
/// sequence, so a bare <c>FALSE</c>, a misspelt column, a wrong table or a type mismatch SSDT would flag fails here.
/// <para>
/// Accepted, and only these: unresolved references to system objects (<c>sys.*</c>, <c>INFORMATION_SCHEMA.*</c>,
/// <c>sp_*</c> procedures), because no master.dacpac can be had here. A temp table (<c>#stage</c>) that an earlier
/// statement of the same stream created is created in the same procedure first, so its columns are checked too.
/// </para>
/// </summary>
public static partial class ModelCheck
{
    private const string ProcedurePrefix = "cchc_check_";

    /// <summary>
    /// Statements recorded by a <see cref="RecordingWarehouse"/> as SQL Server would receive them: the SQL Server
    /// dialect's rewrite applied, parameters bound by Dapper exactly as for a real SqlConnection.
    /// </summary>
    public static IReadOnlyList<TypedStatement> Typed(IEnumerable<RecordedSql> recorded, string origin = "statement")
    {
        var connection = new RecordingConnection();
        foreach (var statement in recorded)
        {
            connection.Execute(SqlServerDialect.Instance.Parameters(statement.Sql), statement.Parameters);
        }

        return Typed(connection.Commands, origin);
    }

    public static IReadOnlyList<TypedStatement> Typed(IEnumerable<RecordedCommand> commands, string origin = "statement") =>
        commands.Select((c, i) => new TypedStatement($"{origin} {i + 1}", c.Sql, c.Parameters)).ToList();

    /// <summary>
    /// Every problem, as "origin: message" followed by the statement; empty when all of them validate. Repeated
    /// statements (same text and parameter types) are checked once.
    /// </summary>
    public static IReadOnlyList<string> Failures(IEnumerable<TypedStatement> statements)
    {
        var distinct = statements
            .GroupBy(s => s.Sql + "\n" + string.Join(",", s.Parameters.Select(Declaration)), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        var failures = new List<string>();
        using var model = SchemaModel.Build();
        var temps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < distinct.Count; i++)
        {
            var statement = distinct[i];
            var procedure = Procedure(i, statement, temps);
            try
            {
                model.Add(statement.Origin, procedure);
            }
            catch (SchemaModelException e)
            {
                failures.Add($"{statement.Origin}: {e.Message}");
            }

            foreach (Match created in CreatedTemp().Matches(statement.Sql))
            {
                temps[created.Groups[1].Value] = statement.Sql;
            }
        }

        foreach (var problem in model.Validate().Where(p => !IsSystemReference(p)))
        {
            var index = ProcedureName().Match(problem.Message) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1;
            failures.Add(index < 0
                ? problem.ToString()
                : $"{distinct[index].Origin}: {problem}\n---\n{distinct[index].Sql}\n---");
        }

        return failures;
    }

    /// <summary>What DacFx reports when the statement in a wrapper procedure is not valid against the schema.</summary>
    public static string Procedure(int index, TypedStatement statement, IReadOnlyDictionary<string, string>? temps = null)
    {
        var sql = new StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"CREATE PROCEDURE dbo.{ProcedurePrefix}{index:00000}");
        var parameters = statement.Parameters.DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
        sql.Append(string.Join(",", parameters.Select(p => $"\n    @{p.Name} {Declaration(p)}")));
        sql.Append("\nAS\nBEGIN\n");
        foreach (Match used in UsedTemp().Matches(statement.Sql))
        {
            var name = used.Groups[1].Value;
            if (!CreatedTemp().Matches(statement.Sql).Any(m => string.Equals(m.Groups[1].Value, name, StringComparison.OrdinalIgnoreCase))
                && temps is not null && temps.TryGetValue(name, out var creation))
            {
                sql.Append(creation.TrimEnd().TrimEnd(';')).Append(";\n");
            }
        }

        sql.Append(statement.Sql.TrimEnd().TrimEnd(';')).Append(";\nEND;");
        return sql.ToString();
    }

    /// <summary>The parameter's type as SqlClient declares it in sp_executesql.</summary>
    public static string Declaration(RecordedParameter p) => p.Type switch
    {
        SqlDbType.NVarChar or SqlDbType.NChar => $"NVARCHAR({Length(p.Size, 4000)})",
        SqlDbType.VarChar or SqlDbType.Char => $"VARCHAR({Length(p.Size, 8000)})",
        SqlDbType.NText => "NVARCHAR(MAX)",
        SqlDbType.Text => "VARCHAR(MAX)",
        SqlDbType.Int => "INT",
        SqlDbType.BigInt => "BIGINT",
        SqlDbType.SmallInt => "SMALLINT",
        SqlDbType.TinyInt => "TINYINT",
        SqlDbType.Bit => "BIT",
        SqlDbType.Float => "FLOAT",
        SqlDbType.Real => "REAL",
        SqlDbType.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({(p.Precision == 0 ? 38 : p.Precision)}, {p.Scale})"),
        SqlDbType.Money => "MONEY",
        SqlDbType.DateTime => "DATETIME",
        SqlDbType.DateTime2 => "DATETIME2",
        SqlDbType.Date => "DATE",
        SqlDbType.Time => "TIME",
        SqlDbType.DateTimeOffset => "DATETIMEOFFSET",
        SqlDbType.UniqueIdentifier => "UNIQUEIDENTIFIER",
        SqlDbType.VarBinary or SqlDbType.Binary or SqlDbType.Image => $"VARBINARY({Length(p.Size, 8000)})",
        _ => throw new NotSupportedException($"Parameter @{p.Name}: no declaration for SqlDbType {p.Type}"),
    };

    private static string Length(int size, int max) =>
        size < 0 || size > max ? "MAX" : size == 0 ? max.ToString(CultureInfo.InvariantCulture) : size.ToString(CultureInfo.InvariantCulture);

    /// <summary>An unresolved reference whose every candidate is a system object (an alias of sys.columns, sp_getapplock…).</summary>
    private static bool IsSystemReference(ModelProblem problem) =>
        !problem.IsError && problem.Code == DacPackageWriter.UnresolvedReference
        && SystemObject().IsMatch(problem.Message) && !OurSchema().IsMatch(problem.Message);

    [GeneratedRegex(@"\[dbo\]\.\[cchc_check_(\d+)\]")]
    private static partial Regex ProcedureName();

    [GeneratedRegex(@"\[(sys|INFORMATION_SCHEMA)\]\.|\[dbo\]\.\[sp_\w+\]", RegexOptions.IgnoreCase)]
    private static partial Regex SystemObject();

    [GeneratedRegex(@"\[(dw|etl|rpt)\]\.", RegexOptions.IgnoreCase)]
    private static partial Regex OurSchema();

    [GeneratedRegex(@"(?:INTO|CREATE\s+TABLE)\s+\[?(#\w+)\]?", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTemp();

    [GeneratedRegex(@"\[?(#\w+)\]?")]
    private static partial Regex UsedTemp();
}
