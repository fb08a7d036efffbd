using System.Text.RegularExpressions;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// Engine knowledge stays inside Cchc.Warehouse: the loaders, the nightly job, the CLI and the reports never name an
/// engine's warehouse type (no downcasts: publishing, configuration warnings and the dialect are on IWarehouse) and never
/// match an engine's exception by its type name (WarehouseFailures classifies them).
/// </summary>
public sealed partial class EngineSeamTests
{
    [Fact]
    public void No_code_outside_the_warehouse_names_an_engine_type_or_matches_exception_type_names()
    {
        var root = BareBooleanTests.RepositoryRoot();
        var problems = new[] { "etl", "reports" }
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => EngineType().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(problems.Count == 0, "engine knowledge outside Cchc.Warehouse:\n" + string.Join("\n", problems));
    }

    [GeneratedRegex(@"\b(DuckDbWarehouse|SqlServerWarehouse|WarehouseBase)\b|GetType\(\)\.Name\s*==|\b(DuckDBException|SqlException|DuckDB\.NET|Microsoft\.Data\.SqlClient)\b")]
    private static partial Regex EngineType();
}
