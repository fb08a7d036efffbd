using Cchc.TestSupport;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// warehouse/powerbi/README.md and measures.dax describe the star Power BI builds on the rpt views. This checks them
/// against a warehouse loaded with index scores: every table is a view, every column referenced exists, and the
/// relationships of the index-score part of the star hold. The whole star, one-stop dossiers and plans included, is
/// checked on the demo warehouse (<c>Cchc.Cli.Tests.PowerBiStarTests</c>).
/// </summary>
[Collection(LoadedWarehouseGroup.Name)]
public sealed class PowerBiContractTests(LoadedWarehouse loaded)
{
    [Fact]
    public void Every_documented_table_is_an_rpt_view_and_every_measure_column_exists()
    {
        var tables = PowerBiModel.Tables();
        Assert.Equal("rpt.index_score", tables["Index Score"]);
        var columns = PowerBiModel.ViewColumns(loaded.Warehouse);
        var problems = tables.Where(t => !columns.ContainsKey(t.Value)).Select(t => $"table '{t.Key}': view {t.Value} does not exist").ToList();

        var measures = PowerBiModel.MeasureDefinitions();
        Assert.True(measures.Count >= 8, "measures.dax defines too few measures");
        foreach (var (table, column) in PowerBiModel.ColumnReferences())
        {
            if (!tables.TryGetValue(table, out var view))
            {
                problems.Add($"measures.dax: '{table}'[{column}] names a table the README does not list");
            }
            else if (columns.TryGetValue(view, out var viewColumns) && !viewColumns.Contains(column))
            {
                problems.Add($"measures.dax: '{table}'[{column}]: {view} has no column {column}");
            }
        }

        foreach (var (table, name) in measures)
        {
            if (tables.TryGetValue(table, out var view) && columns.TryGetValue(view, out var viewColumns) && viewColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"measure '{table}'[{name}] has the name of a column of its table (DAX names ignore case)");
            }
        }

        var readme = PowerBiModel.Readme;
        problems.AddRange(measures.Where(m => !readme.Contains($"[{m.Name}]", StringComparison.Ordinal))
            .Select(m => $"measure [{m.Name}] is in measures.dax but not described in README.md"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_index_score_relationships_are_many_to_one_on_a_loaded_warehouse()
    {
        var chosen = PowerBiModel.Relationships().Where(IndexScorePart).ToList();
        Assert.True(chosen.Count >= 5, "README lists too few relationships for the index scores");
        var problems = PowerBiModel.RelationshipProblems(loaded.Warehouse, IndexScorePart);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool IndexScorePart(PowerBiModel.Relationship r) => r.FromTable is "Index Score" or "Calendar";
}
