using System.Text.RegularExpressions;
using Cchc.Warehouse;

namespace Cchc.TestSupport;

/// <summary>
/// The Power BI model as <c>warehouse/powerbi/README.md</c> and <c>measures.dax</c> describe it, read from those files,
/// and the checks that hold it to a loaded warehouse.
/// </summary>
public static partial class PowerBiModel
{
    public sealed record Relationship(string FromTable, string FromColumn, string ToTable, string ToColumn, string Cardinality, string CrossFilter)
    {
        public override string ToString() => $"'{FromTable}'[{FromColumn}] → '{ToTable}'[{ToColumn}]";
    }

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "warehouse", "powerbi");

    public static string Readme => File.ReadAllText(Path.Combine(Folder, "README.md"));

    public static string Measures => File.ReadAllText(Path.Combine(Folder, "measures.dax"));

    /// <summary>The README's "Tables" section: Power BI table name → rpt view.</summary>
    public static Dictionary<string, string> Tables() =>
        Section("## Tables").Select(l => TableRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value.Trim(), m => m.Groups[2].Value, StringComparer.Ordinal);

    public static List<Relationship> Relationships() =>
        Section("## Relationships").Select(l => RelationshipRow().Match(l)).Where(m => m.Success)
            .Select(m => new Relationship(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value.Trim(), m.Groups[6].Value.Trim()))
            .ToList();

    /// <summary>(table, measure name) of every <c>MEASURE</c> in measures.dax.</summary>
    public static List<(string Table, string Name)> MeasureDefinitions() =>
        MeasureDefinition().Matches(Measures).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();

    /// <summary>Every <c>'Table'[column]</c> the measures read (the measure definitions themselves left out).</summary>
    public static List<(string Table, string Column)> ColumnReferences() =>
        ColumnReference().Matches(MeasureDefinition().Replace(Measures, ""))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).Distinct().ToList();

    public static Dictionary<string, HashSet<string>> ViewColumns(IWarehouse w) =>
        w.Query<(string View, string Column)>("SELECT 'rpt.' || table_name, column_name FROM information_schema.columns WHERE table_schema = 'rpt'")
            .GroupBy(c => c.View).ToDictionary(g => g.Key, g => g.Select(c => c.Column).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>
    /// What is wrong with the chosen relationships on a loaded warehouse: each must be many-to-one and single
    /// direction, its "one" side a unique non-null key, and every non-null "many" value must find its row. A
    /// relationship over an empty fact proves nothing, so it is a problem too.
    /// </summary>
    public static List<string> RelationshipProblems(IWarehouse w, Func<Relationship, bool> chosen)
    {
        var tables = Tables();
        var problems = new List<string>();
        foreach (var r in Relationships().Where(chosen))
        {
            if (r.Cardinality != "many-to-one" || r.CrossFilter != "single")
            {
                problems.Add($"{r}: the star uses many-to-one, single-direction relationships only");
            }

            if (!tables.TryGetValue(r.FromTable, out var from) || !tables.TryGetValue(r.ToTable, out var to))
            {
                problems.Add($"{r}: a table is not in the README's table list");
                continue;
            }

            var (rows, duplicates, nulls) = w.Query<(long, long, long)>(
                $"SELECT COUNT(*), COUNT(*) - COUNT(DISTINCT {r.ToColumn}), COUNT(*) - COUNT({r.ToColumn}) FROM {to}").Single();
            if (rows == 0 || duplicates != 0 || nulls != 0)
            {
                problems.Add($"{r}: {to}.{r.ToColumn} must be a unique, non-null key ({rows} rows, {duplicates} duplicates, {nulls} nulls)");
            }

            var (fromRows, linked, orphans) = w.Query<(long, long, long)>(
                $"""
                SELECT COUNT(*), COUNT(f.{r.FromColumn}),
                       COUNT(*) FILTER (WHERE f.{r.FromColumn} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {to} t WHERE t.{r.ToColumn} = f.{r.FromColumn}))
                FROM {from} f
                """).Single();
            if (fromRows == 0 || linked == 0 || orphans != 0)
            {
                problems.Add($"{r}: {orphans} of {fromRows} rows of {from} find no {to} row, {linked} link at all (an empty fact proves nothing either)");
            }
        }

        return problems;
    }

    private static IEnumerable<string> Section(string heading) =>
        File.ReadAllLines(Path.Combine(Folder, "README.md"))
            .SkipWhile(l => l.Trim() != heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));

    [GeneratedRegex(@"^\|\s*([^|`]+?)\s*\|\s*`(rpt\.\w+)`\s*\|")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\|\s*'([^']+)'\[(\w+)\]\s*\|\s*'([^']+)'\[(\w+)\]\s*\|([^|]+)\|([^|]+)\|")]
    private static partial Regex RelationshipRow();

    [GeneratedRegex(@"MEASURE\s+'([^']+)'\[([^\]]+)\]")]
    private static partial Regex MeasureDefinition();

    [GeneratedRegex(@"'([^']+)'\[(\w+)\]")]
    private static partial Regex ColumnReference();
}
