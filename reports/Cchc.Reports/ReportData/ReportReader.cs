using Cchc.Warehouse;

namespace Cchc.Reports.ReportData;

/// <summary>
/// Reads what reports need from the <c>rpt</c> views (the reporting contract), never from <c>dw</c> internals. Index-year
/// tables are cached, so a <c>--all</c> run reads each year once for all provinces.
/// </summary>
public sealed class ReportReader(IWarehouse warehouse)
{
    private readonly Dictionary<(string, int), IndexYearScores?> _indexYears = [];
    private Dictionary<string, HashSet<string>>? _views;
    private IReadOnlyList<ScoreRow>? _totals;
    private IReadOnlyList<LoadRecord>? _loads;

    public IWarehouse Warehouse => warehouse;

    /// <summary>All scores of an index in a year, or null when none are loaded.</summary>
    public IndexYearScores? IndexYear(string indexCode, int year)
    {
        if (!_indexYears.TryGetValue((indexCode, year), out var scores))
        {
            var rows = warehouse.Query<ScoreRow>(
                $"SELECT {ScoreRow.Columns} FROM rpt.index_score WHERE index_code = @indexCode AND year = @year",
                new { indexCode, year });
            scores = rows.Count == 0 ? null : new IndexYearScores(indexCode, year, rows);
            _indexYears[(indexCode, year)] = scores;
        }

        return scores;
    }

    /// <summary>Years with scores for the index, ascending.</summary>
    public IReadOnlyList<int> Years(string indexCode) =>
        warehouse.Query<int>("SELECT DISTINCT year FROM rpt.index_score WHERE index_code = @indexCode ORDER BY year", new { indexCode });

    /// <summary>Total-score rows (all indices, all years) of the given province entities, for the rank history.</summary>
    public IReadOnlyList<ScoreRow> TotalsOf(IReadOnlyCollection<int> provinceKeys)
    {
        // Filtered here rather than with IN @list: list expansion is not portable across the engines' parameter styles.
        _totals ??= warehouse.Query<ScoreRow>(
            $"SELECT {ScoreRow.Columns} FROM rpt.index_score WHERE criterion_code = 'TOTAL' ORDER BY index_code, year");
        return _totals.Where(r => provinceKeys.Contains(r.ProvinceKey)).ToList();
    }

    /// <summary>The load-history rows of the runs that wrote the given files.</summary>
    public IReadOnlyList<LoadRecord> Loads(IEnumerable<(long RunId, string FileName)> files)
    {
        _loads ??= warehouse.Query<LoadRecord>(
            """
            SELECT file_id AS FileId, run_id AS RunId, command AS Command, file_name AS FileName, kind AS Kind, sha256 AS Sha256,
                   status AS Status, rows_loaded AS RowsLoaded, started_at AS StartedAt, ended_at AS EndedAt
            FROM rpt.load_history ORDER BY run_id, file_id
            """);
        var set = files.ToHashSet();
        return _loads.Where(r => set.Contains((r.RunId, r.FileName))).ToList();
    }

    /// <summary>Catalogue rows of an index's methodology versions (for the methodology notes).</summary>
    public IReadOnlyList<CatalogueRow> Catalogue(string indexCode) =>
        warehouse.Query<CatalogueRow>(
            """
            SELECT criterion_code AS CriterionCode, methodology_version AS MethodologyVersion, level AS Level, max_points AS MaxPoints,
                   valid_from_year AS ValidFromYear, valid_to_year AS ValidToYear, is_illustrative AS IsIllustrative, note AS Note
            FROM rpt.criterion WHERE index_code = @indexCode
            """,
            new { indexCode });

    /// <summary>The columns of an <c>rpt</c> view, or null when the view does not exist (optional views come from other modules).</summary>
    public IReadOnlySet<string>? ViewColumns(string viewName)
    {
        _views ??= warehouse.Query<(string Table, string Column)>(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'rpt'")
            .GroupBy(r => r.Table.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.Select(r => r.Column.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));
        return _views.GetValueOrDefault(viewName.ToLowerInvariant());
    }
}

/// <summary>A file load from <c>rpt.load_history</c>.</summary>
public sealed class LoadRecord
{
    public long FileId { get; init; }

    public long RunId { get; init; }

    public string Command { get; init; } = "";

    public string FileName { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Sha256 { get; init; } = "";

    public string Status { get; init; } = "";

    public long RowsLoaded { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime? EndedAt { get; init; }
}

/// <summary>A criterion row of <c>rpt.criterion</c>.</summary>
public sealed class CatalogueRow
{
    public string CriterionCode { get; init; } = "";

    public string MethodologyVersion { get; init; } = "";

    public int Level { get; init; }

    public double? MaxPoints { get; init; }

    public int ValidFromYear { get; init; }

    public int? ValidToYear { get; init; }

    public bool IsIllustrative { get; init; }

    public string? Note { get; init; }
}
