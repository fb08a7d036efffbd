using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>
/// A results report's group and total rows as written equal the sum of the rows they cover: the grand total ("Tổng
/// cộng") all rows of its sheet, a level row ("I. Cấp tỉnh", "Cộng cấp huyện") the rows of that level, an agency above
/// its fields the rows of those fields. Every count the group row states is compared where all its rows state it too.
/// </summary>
internal sealed class OneStopReportTotalsMatchRowsRule : OneStopReportRule
{
    public override string Name => "onestop-report-totals-match-rows";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "In a one-stop results report, every group and total row equals the sum of the rows it covers.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var report in data.OneStopReports)
        {
            foreach (var subtotal in report.Subtotals)
            {
                var members = report.Rows.Where(r => r.Source.Sheet == subtotal.Source.Sheet && Covers(subtotal, r)).ToList();
                var differences = new List<string>();
                foreach (var ((label, stated), i) in subtotal.Counts.Labelled().Select((c, i) => (c, i)))
                {
                    var values = members.Select(m => m.Counts.Labelled().ElementAt(i).Value).ToList();
                    if (stated is { } s && values.All(v => v is not null))
                    {
                        var sum = values.Sum(v => v!.Value);
                        if (sum != s)
                        {
                            differences.Add($"{label} {Count(s)} ≠ sum of rows {Count(sum)}");
                        }
                    }
                }

                if (differences.Count > 0)
                {
                    var what = subtotal.Kind == OneStopReportSubtotal.GrandTotal ? "the grand total" : subtotal.Kind == OneStopReportSubtotal.Agency ? "the agency row" : "the level row";
                    var where = OneStopReportData.Where(subtotal.Source, subtotal.LevelCode, subtotal.Label);
                    yield return Finding(report, subtotal.Source,
                        $"{report.Describe()}, {where}: {what} disagrees with the sum of its {members.Count} rows: {string.Join("; ", differences)}",
                        $"{where}: {string.Join("; ", differences)}");
                }
            }
        }
    }

    private static bool Covers(OneStopReportSubtotal subtotal, OneStopReportRow row) => subtotal.Kind switch
    {
        OneStopReportSubtotal.GrandTotal => true,
        OneStopReportSubtotal.Agency => row.LevelCode == subtotal.LevelCode && row.AgencyName == subtotal.AgencyName,
        _ => row.LevelCode == subtotal.LevelCode,
    };
}
