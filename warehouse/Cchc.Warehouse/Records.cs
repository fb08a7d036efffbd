namespace Cchc.Warehouse;

/// <summary>Where a value came from: every error and quarantined row points back here.</summary>
public sealed record SourceLocation(string File, string? Sheet = null, int? Row = null, string? Column = null)
{
    public override string ToString()
    {
        var parts = new List<string> { $"file '{System.IO.Path.GetFileName(File)}'" };
        if (Sheet is not null)
        {
            parts.Add($"sheet '{Sheet}'");
        }

        if (Row is not null)
        {
            parts.Add($"row {Row}");
        }

        if (Column is not null)
        {
            parts.Add($"column {Column}");
        }

        return string.Join(", ", parts);
    }
}

/// <summary>One published (or synthetic) score: province × year × criterion of one index.</summary>
/// <param name="ProvinceCode">GSO code valid in <paramref name="Year"/> (2 digits).</param>
/// <param name="CriterionCode">'TOTAL' or the index's own code (e.g. 'PCI.1', 'PAPI.D3', '1.1.2').</param>
/// <param name="Rank">Published rank where the source has one (1 = best).</param>
public sealed record ScoreRecord(
    string IndexCode,
    int Year,
    string ProvinceCode,
    string CriterionCode,
    double? Score,
    int? Rank,
    bool IsSynthetic,
    SourceLocation Source);

/// <summary>A row that could not be used, with the reason and the raw values seen.</summary>
public sealed record QuarantineRecord(SourceLocation Source, string Reason, string? RawValues = null);

/// <summary>A file as the warehouse records it in etl.file.</summary>
public sealed record SourceFileInfo(string Path, string Kind, string Sha256, long SizeBytes);

/// <summary>What a finished file load reports back (etl.file). For a loaded file <see cref="RowsRead"/> =
/// <see cref="RowsLoaded"/> + <see cref="RowsQuarantined"/> + <see cref="RowsSkipped"/>; a failed file records the rows
/// it had read before it was refused.</summary>
public sealed record FileLoadOutcome(int RowsLoaded, int RowsQuarantined, string Status, string? Message = null)
{
    /// <summary>Data rows read from the file (header, title and signature rows excluded).</summary>
    public long RowsRead { get; init; }

    /// <summary>Rows read and deliberately not loaded: in-file duplicates, group or total rows, blank rows.</summary>
    public long RowsSkipped { get; init; }

    /// <summary>The file's SHA-256 when it was computed while the file was read (the session began with it pending);
    /// null keeps the one the session began with.</summary>
    public string? Sha256 { get; init; }
}

public static class IndexCodes
{
    public const string Par = "PAR";
    public const string Pci = "PCI";
    public const string Papi = "PAPI";
    public const string Total = "TOTAL";
}
