using Cchc.Warehouse;

namespace Cchc.Reports.Analytics.Data;

/// <summary>
/// Finds optional rpt views other parts of the product add (remediation plans, one-stop rates, the PAR criterion
/// mapping) and the columns they have, through information_schema (works on DuckDB and SQL Server). Column names
/// are only ever chosen from fixed candidate lists, never taken from input, so the SQL built from them is safe.
/// </summary>
internal sealed class ViewColumns
{
    private readonly HashSet<string> _columns;

    private ViewColumns(string view, HashSet<string> columns)
    {
        View = view;
        _columns = columns;
    }

    public string View { get; }

    public bool Exists => _columns.Count > 0;

    public static ViewColumns Read(IWarehouse warehouse, string view)
    {
        var columns = warehouse.Query<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'rpt' AND table_name = @view",
            new { view });
        return new ViewColumns(view, columns.Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The first candidate the view has, or null.</summary>
    public string? Pick(params string[] candidates) => candidates.FirstOrDefault(_columns.Contains);

    public string Describe() => Exists ? $"rpt.{View} ({string.Join(", ", _columns.Order(StringComparer.Ordinal))})" : $"rpt.{View} (absent)";
}
