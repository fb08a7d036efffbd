using System.Globalization;
using System.Text;
using Cchc.Reports.Drivers;
using Cchc.Reports.Html;
using Cchc.Reports.Localization;
using Cchc.Reports.Report;

namespace Cchc.Reports.Tests.Reports;

public sealed class ProvinceReportTests : IClassFixture<ProvinceReportTests.Fixture>
{
    private readonly Fixture _fixture;

    public ProvinceReportTests(Fixture fixture) => _fixture = fixture;

    [Fact]
    public void Vietnamese_report_is_well_formed_self_contained_and_carries_the_headline_numbers()
    {
        var dir = _fixture.Output("vi");
        var path = new ReportRunner(_fixture.Data.Warehouse).WriteProvince(new ReportRequest(ReportWarehouse.LamDong, 2017), dir);

        var html = File.ReadAllText(path, Encoding.UTF8);
        var doc = HtmlCheck.Parse(path);
        HtmlCheck.SelfContained(html);
        Assert.Equal("vi", doc.Root!.Attribute("lang")!.Value);

        var score = _fixture.Data.Score("PAR", 2017, ReportWarehouse.LamDong, "TOTAL")!.Value;
        var rank = _fixture.Data.Rank("PAR", 2017, ReportWarehouse.LamDong);
        var previousRank = _fixture.Data.Rank("PAR", 2016, ReportWarehouse.LamDong);
        var previousScore = _fixture.Data.Score("PAR", 2016, ReportWarehouse.LamDong, "TOTAL")!.Value;
        var headline = HtmlCheck.Text(HtmlCheck.Elements(doc, "dl").Single());
        Assert.Contains(score.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ','), headline);
        Assert.Contains($"{rank}/63", headline);
        Assert.Contains(ReportText.Vietnamese.WithSign(score - previousScore) + " điểm", headline);
        var places = previousRank - rank;
        Assert.Contains(places > 0 ? $"tăng {places} bậc" : places < 0 ? $"giảm {-places} bậc" : "giữ nguyên", headline);

        Assert.Contains("Lâm Đồng", HtmlCheck.Text(HtmlCheck.Elements(doc, "h1").Single()));
        Assert.Contains("dữ liệu tổng hợp (synthetic)", HtmlCheck.Text(doc.Descendants("div").First(d => (string?)d.Attribute("class") == "banner")));

        var images = HtmlCheck.Elements(doc, "img").ToList();
        Assert.True(images.Count >= 7, $"only {images.Count} charts");
        foreach (var img in images)
        {
            Assert.StartsWith("data:image/png;base64,", img.Attribute("src")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(img.Attribute("alt")!.Value));
        }

        var pngs = Directory.GetFiles(dir, "*.png").Select(Path.GetFileName).ToList();
        Assert.Equal(images.Count, pngs.Count);
        Assert.Contains("01-rank-history.png", pngs);
        Assert.Contains("03-score-waterfall.png", pngs);
        Assert.Contains("08-what-if.png", pngs);
    }

    [Fact]
    public void Sections_without_data_or_analysis_are_omitted_with_their_reason()
    {
        var report = _fixture.Build(new ReportRequest(ReportWarehouse.LamDong, 2015));
        var attribution = report.Sections.Single(s => s.Id == "attribution");
        Assert.Empty(attribution.Blocks);
        Assert.Equal(ReportText.Vietnamese.DriverGapReason(DriverGap.NoPreviousYear, null), attribution.OmittedBecause);
        Assert.Equal(ReportText.Vietnamese.DriverGapReason(DriverGap.NoPreviousYear, null), report.Sections.Single(s => s.Id == "waterfall").OmittedBecause);
        Assert.Contains("rpt.remediation_task", report.Sections.Single(s => s.Id == "plan").OmittedBecause);
        Assert.Contains("rpt.dq_finding", report.Sections.Single(s => s.Id == "data-quality").OmittedBecause);
        Assert.Contains("rpt.dossier_on_time", report.Sections.Single(s => s.Id == "one-stop").OmittedBecause);
        Assert.All(report.Sections.Where(s => s.OmittedBecause is null), s => Assert.NotEmpty(s.Blocks));

        var later = _fixture.Build(new ReportRequest(ReportWarehouse.LamDong, 2017));
        Assert.Null(later.Sections.Single(s => s.Id == "waterfall").OmittedBecause);
        Assert.Null(later.Sections.Single(s => s.Id == "attribution").OmittedBecause);
    }

    [Fact]
    public void English_report_is_complete_and_never_mixes_in_Vietnamese_wording()
    {
        var dir = _fixture.Output("en");
        var path = new ReportRunner(_fixture.Data.Warehouse).WriteProvince(new ReportRequest(ReportWarehouse.LamDong, 2017, Language: ReportLanguage.En), dir);
        var doc = HtmlCheck.Parse(path);
        Assert.Equal("en", doc.Root!.Attribute("lang")!.Value);
        var text = HtmlCheck.Text(doc.Root!);
        var rank = _fixture.Data.Rank("PAR", 2017, ReportWarehouse.LamDong);
        Assert.Contains($"{rank} of 63", text);
        Assert.Contains("synthetic data", text);

        // Proper names (provinces) stay Vietnamese; every other word must be English.
        var names = _fixture.Data.Provinces.Select(p => p.ShortName).Concat(_fixture.Data.Provinces.Select(p => p.OfficialName));
        var stripped = names.OrderByDescending(n => n.Length).Aggregate(text, (t, n) => t.Replace(n, "", StringComparison.Ordinal));
        var vietnamese = stripped.Where(IsVietnameseLetter).Distinct().ToList();
        Assert.True(vietnamese.Count == 0, "Vietnamese letters in the English report: " + string.Join("", vietnamese));
        foreach (var heading in new[] { ReportText.Vietnamese.PointsLostHeading, ReportText.Vietnamese.ProvenanceHeading, "Nguồn:" })
        {
            Assert.DoesNotContain(heading, text);
        }
    }

    [Fact]
    public void Vietnamese_text_survives_as_NFC_end_to_end_even_from_decomposed_catalogue_names()
    {
        using var data = new ReportWarehouse([2016, 2017], provinceCount: 4, nfdNames: true);
        var dir = Path.Combine(_fixture.Root, "nfc");
        var path = new ReportRunner(data.Warehouse).WriteProvince(new ReportRequest(ReportWarehouse.LamDong, 2017), dir);
        var html = File.ReadAllText(path, Encoding.UTF8);
        Assert.Equal(html.Normalize(NormalizationForm.FormC), html);
        Assert.Contains("Tiêu chí 3.1 của lĩnh vực 3", html);
        Assert.Contains("Lâm Đồng", html);
        Assert.DoesNotContain("Tiêu chí 3.1 của lĩnh vực 3".Normalize(NormalizationForm.FormD), html, StringComparison.Ordinal);
    }

    [Fact]
    public void All_run_writes_one_report_per_province_of_the_year_and_an_overview_linking_them()
    {
        using var data = new ReportWarehouse([2017], provinceCount: 3);
        var dir = Path.Combine(_fixture.Root, "all");
        var result = new ReportRunner(data.Warehouse).WriteAll(2017, "PAR", ReportLanguage.Vi, dir);

        var provinces = data.Provinces.Select(p => p.GsoCode).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, provinces.Count);
        Assert.Equal(provinces.Count, result.ReportPaths.Count);
        var overview = HtmlCheck.Parse(result.OverviewPath);
        HtmlCheck.SelfContained(File.ReadAllText(result.OverviewPath));
        var links = HtmlCheck.Elements(overview, "a").Select(a => a.Attribute("href")!.Value).ToList();
        Assert.Equal(provinces.Count, links.Count);
        foreach (var link in links)
        {
            Assert.True(File.Exists(Path.Combine(dir, link)), link);
            HtmlCheck.Parse(Path.Combine(dir, link));
        }

        Assert.Equal(provinces, links.Select(l => l[..2]).Order(StringComparer.Ordinal).ToList());
        Assert.Contains("68-lam-dong/index.html", links);
    }

    [Fact]
    public void A_province_formed_by_the_2025_merger_shows_its_constituents_instead_of_an_invented_change()
    {
        using var data = new ReportWarehouse([2024, 2025]);
        var report = new ProvinceReportBuilder(new ReportData.ReportReader(data.Warehouse), new ReportDrivers())
            .Build(new ReportRequest(ReportWarehouse.LamDong, 2025));
        Assert.EndsWith("/34", report.Headline.Rank);
        var change = report.Headline.Change;
        Assert.StartsWith("Tỉnh hình thành từ sáp nhập ngày 1/7/2025", change);
        foreach (var code in new[] { "60", "67", "68" })
        {
            Assert.Contains($"{data.Warehouse.Query<string>("SELECT province_short_name FROM rpt.index_score WHERE year = 2024 AND province_code = @code AND criterion_code = 'TOTAL' AND index_code = 'PAR'", new { code }).Single()} {data.Rank("PAR", 2024, code)}/63", change);
        }

        Assert.Equal(ReportText.Vietnamese.DriverGapReason(DriverGap.ProvinceMerged, null), report.Sections.Single(s => s.Id == "waterfall").OmittedBecause);
        Assert.Equal(ReportText.Vietnamese.OnlyOneRankedYear, report.Sections.Single(s => s.Id == "rank-history").OmittedBecause);
    }

    public sealed class Fixture : IDisposable
    {
        public Fixture()
        {
            Data = new ReportWarehouse([2015, 2016, 2017]);
            Root = Path.Combine(AppContext.BaseDirectory, "report-output");
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }
        }

        public ReportWarehouse Data { get; }

        public string Root { get; }

        public string Output(string name) => Path.Combine(Root, name);

        internal ProvinceReport Build(ReportRequest request) =>
            new ProvinceReportBuilder(new ReportData.ReportReader(Data.Warehouse), new ReportDrivers()).Build(request);

        public void Dispose() => Data.Dispose();
    }

    private static bool IsVietnameseLetter(char c) =>
        c is 'đ' or 'Đ' or >= '\u1EA0' and <= '\u1EF9' or 'ă' or 'Ă' or 'ơ' or 'Ơ' or 'ư' or 'Ư'
        || "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ".Contains(c, StringComparison.Ordinal);
}
