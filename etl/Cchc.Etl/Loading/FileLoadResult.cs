namespace Cchc.Etl.Loading;

/// <summary>One line of a load summary.</summary>
/// <remarks>
/// Every row a loader reads is accounted for: <c>RowsRead = RowsLoaded + RowsQuarantined + RowsSkipped</c>, where
/// skipped rows are in-file duplicates, group or total rows and blank rows (never data that was dropped silently).
/// </remarks>
public sealed record FileLoadResult(
    string Path,
    string Kind,
    bool Succeeded,
    int RowsLoaded,
    int RowsQuarantined,
    TimeSpan Elapsed,
    string? Error = null,
    IReadOnlyCollection<int>? Years = null)
{
    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>Data rows read from the file (header, title and signature rows excluded).</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows read but deliberately not loaded: in-file duplicates, group or total rows, blank rows.</summary>
    public int RowsSkipped { get; init; }

    /// <summary>How the province of the file's rows was decided (one-stop exports, plans, catalogues), for the load
    /// summary, e.g. "68 (Lâm Đồng) from the title row 1 'UBND TỈNH LÂM ĐỒNG'"; null for files of every province.</summary>
    public string? ProvinceDecision { get; init; }
}
