namespace Cchc.Etl.Sources.Par;

/// <summary>Names shared by the PAR parser and the synthetic PAR writer for the parts that are ours, not the
/// ministry's: the provenance sheet that lists the real values inside an otherwise synthetic workbook.</summary>
internal static class ParWorkbookLayout
{
    public const string ProvenanceSheet = "PROVENANCE";

    public static readonly IReadOnlyList<string> ProvenanceColumns =
        ["year", "province_code", "province", "criterion_code", "value_kind", "value", "source", "note"];

    /// <summary>Sheets that are ours (provenance, synthetic marker), never part of the ministry's tables or titles.</summary>
    public static bool IsOwnSheet(string name) =>
        string.Equals(name, Samples.SyntheticMarker.SheetName, StringComparison.OrdinalIgnoreCase)
        || string.Equals(name, ProvenanceSheet, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a real value is: a score, a published rank, or the appraisal part of a field (the seed appendix
/// gives field rows that exclude the sociological-survey points).</summary>
internal static class ParValueKind
{
    public const string Score = "score";
    public const string Rank = "rank";
    public const string AppraisalScore = "appraisal_score";

    public static bool IsKnown(string kind) => kind is Score or Rank or AppraisalScore;
}

/// <summary>One real value listed on the provenance sheet, with its citation.</summary>
internal sealed record ParProvenanceEntry(
    int Year,
    string ProvinceCode,
    string Province,
    string CriterionCode,
    string ValueKind,
    double Value,
    string Source,
    string? Note);
