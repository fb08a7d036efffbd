namespace Cchc.Etl.Loading;

/// <summary>One line of a load summary.</summary>
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
}
