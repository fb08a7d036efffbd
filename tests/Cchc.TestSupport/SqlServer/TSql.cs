using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Cchc.TestSupport.SqlServer;

/// <summary>
/// Parses T-SQL with ScriptDom at the oldest SQL Server we support (2019, compatibility level 150), with
/// QUOTED_IDENTIFIER on as SqlClient sessions have it.
/// </summary>
public static class TSql
{
    public static TSqlParser NewParser() => new TSql150Parser(initialQuotedIdentifiers: true);

    /// <summary>Every parse error as "line L, column C: message".</summary>
    public static IReadOnlyList<string> Errors(string sql)
    {
        NewParser().Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
    }

    public static TSqlFragment Parse(string sql, string nameForErrors)
    {
        var fragment = NewParser().Parse(new StringReader(sql), out var errors);
        return errors.Count == 0
            ? fragment
            : throw new InvalidOperationException($"{nameForErrors} does not parse: {string.Join("; ", errors.Select(e => $"line {e.Line}: {e.Message}"))}");
    }

    /// <summary>Every statement in <paramref name="statements"/> that does not parse, with its errors and its text.</summary>
    public static IReadOnlyList<string> Failures(IEnumerable<(string Origin, string Sql)> statements) =>
        statements
            .Select(s => (s.Origin, s.Sql, Errors: Errors(s.Sql)))
            .Where(s => s.Errors.Count > 0)
            .Select(s => $"{s.Origin}: {string.Join("; ", s.Errors)}\n---\n{s.Sql}\n---")
            .ToList();
}
