using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;

namespace Cchc.Etl.Quality;

/// <summary>One results report (one sheet of a loaded file) as the rules read it: its rows and its group and total rows.</summary>
/// <param name="Year">The year of the period's end (the year the report counts for).</param>
public sealed record OneStopReportData(
    long? FileId,
    int ProvinceKey,
    int Year,
    string PeriodLabel,
    IReadOnlyList<OneStopReportRow> Rows,
    IReadOnlyList<OneStopReportSubtotal> Subtotals)
{
    /// <summary>"Lâm Đồng, Quý II năm 2019" — the report in a finding's words.</summary>
    public string Describe() => $"{Warehouse.Reference.ProvinceCatalog.Default.ByKey(ProvinceKey).ShortName}, {PeriodLabel}";

    /// <summary>"sheet 'Biểu 06' row 14 (cấp huyện, Đất đai)": the level in the form's own words.</summary>
    public static string Where(SourceLocation source, string? levelCode, string? name)
    {
        var level = levelCode switch { "province" => "cấp tỉnh", "district" => "cấp huyện", "commune" => "cấp xã", _ => null };
        var parts = new[] { level, name }.Where(p => p is not null).ToList();
        return $"sheet '{source.Sheet}' row {source.Row}" + (parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})");
    }
}
