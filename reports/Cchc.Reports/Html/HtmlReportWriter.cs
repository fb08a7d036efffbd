using Cchc.Reports.Report;

namespace Cchc.Reports.Html;

/// <summary>
/// Writes a province report as <c>DIR/index.html</c> — self-contained: every chart embedded as a data: URI, the
/// stylesheet inline, no external URL — plus every chart as its own PNG beside it. The files are written to a temporary
/// folder and renamed into place, the page last (<see cref="StagedOutput"/>).
/// </summary>
internal static class HtmlReportWriter
{
    public const string IndexFile = "index.html";

    /// <returns>The path of the written index.html.</returns>
    public static string Write(ProvinceReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var staged = StagedOutput.Begin(directory);
        foreach (var chart in report.Charts)
        {
            chart.Save(staged.Folder);
        }

        using (var stream = File.Create(Path.Combine(staged.Folder, IndexFile)))
        using (var html = new HtmlDocument(stream, report.Text.Code, report.Title, ReportStyle.Css))
        {
            if (report.SyntheticBanner is { } banner)
            {
                html.Element("div", banner, ("class", "banner"), ("role", "alert"));
            }

            html.Element("h1", report.Title);
            WriteHeadline(html, report);
            WriteContents(html, report);
            foreach (var section in report.Sections)
            {
                WriteSection(html, report, section);
            }

            html.Open("footer").Element("p", report.Text.Footer).Element("p", report.WarehouseLabel).Close();
        }

        staged.Commit(IndexFile);
        return Path.Combine(directory, IndexFile);
    }

    private static void WriteHeadline(HtmlDocument html, ProvinceReport report)
    {
        var t = report.Text;
        html.Open("dl", ("class", "headline"));
        html.Open("div").Element("dt", t.ScoreLabel).Element("dd", report.Headline.Score).Close();
        html.Open("div").Element("dt", t.RankLabel).Element("dd", report.Headline.Rank).Close();
        html.Open("div", ("class", "change")).Element("dt", t.ChangeLabel).Element("dd", report.Headline.Change).Close();
        html.Close();
    }

    private static void WriteContents(HtmlDocument html, ProvinceReport report)
    {
        html.Open("nav").Open("ol");
        foreach (var section in report.Sections)
        {
            html.Open("li").Element("a", section.Heading, ("href", "#" + section.Id)).Close();
        }

        html.Close().Close();
    }

    private static void WriteSection(HtmlDocument html, ProvinceReport report, ReportSection section)
    {
        html.Open("section", ("id", section.Id));
        html.Element("h2", section.Heading);
        if (section.OmittedBecause is { } reason)
        {
            html.Element("p", report.Text.Omitted(reason), ("class", "omitted"));
        }

        foreach (var block in section.Blocks)
        {
            WriteBlock(html, block);
        }

        html.Close();
    }

    internal static void WriteBlock(HtmlDocument html, ReportBlock block)
    {
        switch (block)
        {
            case ChartBlock chart:
                html.Open("figure");
                html.Void("img",
                    ("src", "data:image/png;base64," + Convert.ToBase64String(chart.Chart.Png)),
                    ("alt", chart.Chart.Title),
                    ("width", chart.Chart.Width.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("height", chart.Chart.Height.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                html.Element("figcaption", chart.Chart.Reading);
                html.Close();
                break;
            case ParagraphBlock paragraph:
                html.Element("p", paragraph.Text);
                break;
            case ListBlock list:
                html.Open("ul");
                foreach (var item in list.Items)
                {
                    html.Element("li", item);
                }

                html.Close();
                break;
            case TableBlock table:
                WriteTable(html, table);
                break;
            default:
                throw new NotSupportedException($"Unknown report block {block.GetType().Name}.");
        }
    }

    private static void WriteTable(HtmlDocument html, TableBlock table)
    {
        html.Open("table").Open("thead").Open("tr");
        foreach (var header in table.Headers)
        {
            html.Element("th", header, ("scope", "col"));
        }

        html.Close().Close().Open("tbody");
        foreach (var row in table.Rows)
        {
            html.Open("tr");
            for (var i = 0; i < row.Count; i++)
            {
                html.Element("td", row[i], ("class", table.NumericColumns.Contains(i) ? "num" : null));
            }

            html.Close();
        }

        html.Close().Close();
    }
}
