using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Warehouse.Engines;

namespace Cchc.TestSupport.SqlServer;

/// <summary>
/// Lets a recorder run callers' SQL on one engine and keep it as another engine would receive it: every dialect call
/// returns a token (a SQL comment) and remembers both engines' renderings, and <see cref="Render"/> replaces the tokens
/// (nested ones too) with the chosen engine's text. So a loader running on DuckDB can be checked for what it would send
/// to SQL Server, GREATEST, MERGE and booleans included.
/// </summary>
public sealed partial class DualDialect(SqlDialect executing, SqlDialect recorded) : SqlDialect
{
    private readonly ConcurrentDictionary<int, (string Executing, string Recorded)> _renderings = new();
    private int _next;

    public SqlDialect Executing { get; } = executing;

    public SqlDialect Recorded { get; } = recorded;

    public override string Name => Executing.Name;

    public override string Parameters(string sql) => Executing.Parameters(sql);

    public override string BooleanLiteral(bool value) => Token(Executing.BooleanLiteral(value), Recorded.BooleanLiteral(value));

    public override string Greatest(params string[] values) => Token(Executing.Greatest(values), Recorded.Greatest(values));

    public override string Least(params string[] values) => Token(Executing.Least(values), Recorded.Least(values));

    public override string IsDistinctFrom(string left, string right) => Token(Executing.IsDistinctFrom(left, right), Recorded.IsDistinctFrom(left, right));

    public override string Limit(string query, string count) => Token(Executing.Limit(query, count), Recorded.Limit(query, count));

    public override string Merge(MergeSpec merge) => Token(Executing.Merge(merge), Recorded.Merge(merge));

    /// <summary>The SQL with every token replaced by the executing (true) or the recorded (false) engine's text.</summary>
    public string Render(string sql, bool forExecution)
    {
        var text = sql;
        while (TokenPattern().IsMatch(text))
        {
            text = TokenPattern().Replace(text, m =>
            {
                var (executing, recorded) = _renderings[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)];
                return forExecution ? executing : recorded;
            });
        }

        return text;
    }

    private string Token(string executing, string recorded)
    {
        var id = Interlocked.Increment(ref _next);
        _renderings[id] = (executing, recorded);
        return string.Create(CultureInfo.InvariantCulture, $"/*cchc-dialect:{id}*/");
    }

    [GeneratedRegex(@"/\*cchc-dialect:(\d+)\*/")]
    private static partial Regex TokenPattern();
}
