using System.Text.RegularExpressions;
using Cchc.TestSupport;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// warehouse/powerbi/README.md and measures.dax describe the star Power BI builds on the rpt views. This reads them
/// and checks them against a loaded embedded warehouse: every table is a view, every column referenced exists, every
/// relationship's "one" side is a unique non-null key and every "many" value finds its row.
/// </summary>
[Collection(LoadedWarehouseGroup.Name)]
public sealed partial class PowerBiContractTests(LoadedWarehouse loaded)
{
    /// <summary>Tables whose rpt view another issue delivers; checked like the others once the view exists.</summary>
    private static readonly Dictionary<string, string> PendingTables = new(StringComparer.Ordinal)
    {
        ["Dossier On Time"] = "rpt.dossier_on_time",
    };

    private static string PowerBiFolder => Path.Combine(SharedData.RepositoryRoot, "warehouse", "powerbi");

    [Fact]
    public void Every_documented_table_is_an_rpt_view_and_every_measure_column_exists()
    {
        var tables = Tables();
        Assert.Equal("rpt.index_score", tables["Index Score"]);
        var columns = ViewColumns(loaded.Warehouse);
        var problems = tables.Where(t => !columns.ContainsKey(t.Value)).Select(t => $"table '{t.Key}': view {t.Value} does not exist").ToList();

        var dax = File.ReadAllText(Path.Combine(PowerBiFolder, "measures.dax"));
        var measures = MeasureDefinition().Matches(dax).Select(m => (Table: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        Assert.True(measures.Count >= 8, "measures.dax defines too few measures");
        var references = ColumnReference().Matches(MeasureDefinition().Replace(dax, ""))
            .Select(m => (Table: m.Groups[1].Value, Column: m.Groups[2].Value)).Distinct().ToList();
        foreach (var (table, column) in references)
        {
            var view = tables.TryGetValue(table, out var v) ? v : PendingTables.GetValueOrDefault(table);
            if (view is null)
            {
                problems.Add($"measures.dax: '{table}'[{column}] names a table the README does not list");
            }
            else if (columns.TryGetValue(view, out var viewColumns) && !viewColumns.Contains(column))
            {
                problems.Add($"measures.dax: '{table}'[{column}]: {view} has no column {column}");
            }
            else if (!columns.ContainsKey(view) && !PendingTables.ContainsKey(table))
            {
                problems.Add($"measures.dax: '{table}' is {view}, which does not exist");
            }
        }

        foreach (var (table, name) in measures)
        {
            var view = tables.TryGetValue(table, out var v) ? v : PendingTables.GetValueOrDefault(table);
            if (view is not null && columns.TryGetValue(view, out var viewColumns) && viewColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"measure '{table}'[{name}] has the name of a column of its table (DAX names ignore case)");
            }
        }

        var readme = File.ReadAllText(Path.Combine(PowerBiFolder, "README.md"));
        problems.AddRange(measures.Where(m => !readme.Contains($"[{m.Name}]", StringComparison.Ordinal))
            .Select(m => $"measure [{m.Name}] is in measures.dax but not described in README.md"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_documented_relationship_is_many_to_one_on_a_loaded_warehouse()
    {
        var w = loaded.Warehouse;
        var tables = Tables();
        var relationships = Relationships();
        Assert.True(relationships.Count >= 5, "README lists too few relationships");
        var problems = new List<string>();
        foreach (var r in relationships)
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

            var (fromRows, orphans) = w.Query<(long, long)>(
                $"""
                SELECT COUNT(*), COUNT(*) FILTER (WHERE f.{r.FromColumn} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {to} t WHERE t.{r.ToColumn} = f.{r.FromColumn}))
                FROM {from} f
                """).Single();
            if (fromRows == 0 || orphans != 0)
            {
                problems.Add($"{r}: {orphans} of {fromRows} rows of {from} find no {to} row (an empty fact proves nothing either)");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private sealed record Relationship(string FromTable, string FromColumn, string ToTable, string ToColumn, string Cardinality, string CrossFilter)
    {
        public override string ToString() => $"'{FromTable}'[{FromColumn}] → '{ToTable}'[{ToColumn}]";
    }

    /// <summary>The README's "Tables" section: Power BI table name → rpt view.</summary>
    private static Dictionary<string, string> Tables() =>
        Section("## Tables").Select(l => TableRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value.Trim(), m => m.Groups[2].Value, StringComparer.Ordinal);

    private static List<Relationship> Relationships() =>
        Section("## Relationships").Select(l => RelationshipRow().Match(l)).Where(m => m.Success)
            .Select(m => new Relationship(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value, m.Groups[5].Value.Trim(), m.Groups[6].Value.Trim()))
            .ToList();

    private static IEnumerable<string> Section(string heading) =>
        File.ReadAllLines(Path.Combine(PowerBiFolder, "README.md"))
            .SkipWhile(l => l.Trim() != heading).Skip(1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));

    private static Dictionary<string, HashSet<string>> ViewColumns(IWarehouse w) =>
        w.Query<(string View, string Column)>("SELECT 'rpt.' || table_name, column_name FROM information_schema.columns WHERE table_schema = 'rpt'")
            .GroupBy(c => c.View).ToDictionary(g => g.Key, g => g.Select(c => c.Column).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

    [GeneratedRegex(@"^\|\s*([^|`]+?)\s*\|\s*`(rpt\.\w+)`\s*\|")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\|\s*'([^']+)'\[(\w+)\]\s*\|\s*'([^']+)'\[(\w+)\]\s*\|([^|]+)\|([^|]+)\|")]
    private static partial Regex RelationshipRow();

    [GeneratedRegex(@"MEASURE\s+'([^']+)'\[([^\]]+)\]")]
    private static partial Regex MeasureDefinition();

    [GeneratedRegex(@"'([^']+)'\[(\w+)\]")]
    private static partial Regex ColumnReference();
}
