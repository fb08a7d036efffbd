using System.Globalization;
using Cchc.Etl.Nightly;
using Cchc.Reports.Report;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// Regenerates the reports of the chosen provinces after a nightly load: each province's newest PAR year (PCI where it
/// has no PAR), in <c>OUT/&lt;code&gt;-&lt;name&gt;/index.html</c>. One province that cannot be reported does not stop the
/// others; the step then fails naming it.
/// </summary>
internal sealed class ReportsStep(NightlyReports reports) : IPostLoadStep
{
    public string Name => "reports";

    public string Run(IWarehouse warehouse, long runId)
    {
        var runner = new ReportRunner(warehouse);
        var written = new List<string>();
        var failed = new List<string>();
        foreach (var code in reports.ProvinceCodes)
        {
            try
            {
                if (Newest(warehouse, code) is not { } newest)
                {
                    failed.Add($"{code}: the warehouse has no PAR or PCI scores for this province");
                    continue;
                }

                var folder = ReportRunner.FolderName(code, newest.ShortName);
                runner.WriteProvince(new ReportRequest(code, newest.Year, newest.Index), Path.Combine(reports.OutputDirectory, folder));
                written.Add(string.Create(CultureInfo.InvariantCulture, $"{folder} ({newest.Index} {newest.Year})"));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed.Add($"{code}: {e.Message}");
            }
        }

        return failed.Count == 0
            ? $"wrote {written.Count} report(s) to {reports.OutputDirectory}: {string.Join(", ", written)}"
            : throw new InvalidOperationException($"{failed.Count} report(s) not written ({string.Join("; ", failed)}); written: {written.Count}");
    }

    private static (string Index, int Year, string ShortName)? Newest(IWarehouse warehouse, string code)
    {
        foreach (var index in new[] { IndexCodes.Par, IndexCodes.Pci })
        {
            var rows = warehouse.Query<(int Year, string ShortName)>(
                """
                SELECT year, province_short_name FROM rpt.index_score
                WHERE index_code = @index AND province_code = @code AND criterion_code = 'TOTAL'
                ORDER BY year DESC
                """,
                new { index, code });
            if (rows.Count > 0)
            {
                return (index, rows[0].Year, rows[0].ShortName);
            }
        }

        return null;
    }
}
