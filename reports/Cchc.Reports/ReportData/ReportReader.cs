using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.ReportData;

/// <summary>
/// Reads what reports need from the <c>rpt</c> views (the reporting contract), never from <c>dw</c> internals. Scores come
/// through <see cref="AnalyticsSource"/>, the one read model the analytics use too (exact decimals, one table per
/// index-year, cached, so a <c>--all</c> run reads each year once for all provinces); this class adds what only reports
/// show: load history, the criterion catalogue and the optional views' columns.
/// </summary>
internal sealed class ReportReader(IWarehouse warehouse)
{
    private Dictionary<string, HashSet<string>>? _views;
    private IReadOnlyList<LoadRecord>? _loads;

    public IWarehouse Warehouse => warehouse;

    /// <summary>The scores and the analytics' other inputs.</summary>
    public AnalyticsSource Source { get; } = new(warehouse);

    /// <summary>All scores of an index in a year, or null when none are loaded.</summary>
    public IndexYear? IndexYear(string indexCode, int year) => Source.Table(indexCode, year);

    /// <summary>Years with scores for the index, ascending.</summary>
    public IReadOnlyList<int> Years(string indexCode) => Source.Years(indexCode);

    /// <summary>Total-score rows (all indices, all years) of the given province entities, for the rank history.</summary>
    public IReadOnlyList<ScoreRow> TotalsOf(IReadOnlyCollection<int> provinceKeys) =>
        new[] { IndexCodes.Par, IndexCodes.Pci, IndexCodes.Papi }
            .SelectMany(Source.Level1Tables)
            .SelectMany(t => t.Rows.Where(r => r.CriterionCode == IndexCodes.Total && provinceKeys.Contains(r.ProvinceKey)))
            .ToList();

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
internal sealed class LoadRecord
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
internal sealed class CatalogueRow
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
