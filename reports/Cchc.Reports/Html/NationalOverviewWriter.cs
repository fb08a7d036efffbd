using Cchc.Reports.Localization;

namespace Cchc.Reports.Html;

/// <summary>One province's line in the national overview, with the relative link to its report.</summary>
internal sealed record OverviewRow(int Rank, string ProvinceName, double Score, int? RankChange, string Link);

/// <summary>The national overview page of a <c>--all</c> run: every province of the year, linking its report.</summary>
internal sealed record NationalOverview(ReportText Text, string IndexName, int Year, IReadOnlyList<OverviewRow> Rows, string? SyntheticBanner, string WarehouseLabel);

/// <summary>Writes <c>DIR/index.html</c> for a <c>--all</c> run (self-contained, relative links only).</summary>
internal static class NationalOverviewWriter
{
    public static string Write(NationalOverview overview, string directory)
    {
        ArgumentNullException.ThrowIfNull(overview);
        using var staged = StagedOutput.Begin(directory);
        var t = overview.Text;
        var title = t.OverviewTitle(overview.IndexName, overview.Year, overview.Rows.Count);
        using (var stream = File.Create(Path.Combine(staged.Folder, HtmlReportWriter.IndexFile)))
        using (var html = new HtmlDocument(stream, t.Code, title, ReportStyle.Css))
        {
            if (overview.SyntheticBanner is { } banner)
            {
                html.Element("div", banner, ("class", "banner"), ("role", "alert"));
            }

            html.Element("h1", title);
            html.Open("table").Open("thead").Open("tr");
            foreach (var header in t.OverviewHeaders)
            {
                html.Element("th", header, ("scope", "col"));
            }

            html.Close().Close().Open("tbody");
            foreach (var row in overview.Rows.OrderBy(r => r.Rank).ThenBy(r => r.ProvinceName, StringComparer.Ordinal))
            {
                html.Open("tr")
                    .Element("td", row.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), ("class", "num"))
                    .Element("td", row.ProvinceName)
                    .Element("td", t.Number(row.Score), ("class", "num"))
                    .Element("td", row.RankChange is { } change ? t.WithSign(change, 0) : t.NotComparable, ("class", "num"))
                    .Open("td").Element("a", t.OpenReport, ("href", row.Link)).Close()
                    .Close();
            }

            html.Close().Close();
            html.Open("footer").Element("p", t.Footer).Element("p", overview.WarehouseLabel).Close();
        }

        staged.Commit(HtmlReportWriter.IndexFile);
        return Path.Combine(directory, HtmlReportWriter.IndexFile);
    }
}
