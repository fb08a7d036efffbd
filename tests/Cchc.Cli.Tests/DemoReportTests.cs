namespace Cchc.Cli.Tests;

/// <summary>
/// <c>cchc demo</c>, the README's first command: sample → warehouse → analysis → report, for Lâm Đồng in the newest year
/// it can be compared with the year before, every analysis section filled and the synthetic data named as such.
/// </summary>
public sealed class DemoReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cchc-demo-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Demo_loads_the_sample_explains_Lam_Dong_s_rank_and_writes_its_full_report()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["demo", "--out", _dir], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var output = stdout.ToString();

        // 2025 is the merged Lâm Đồng (no previous year of its own) and has no PCI: 2024 is the newest full year.
        Assert.Contains("Analysis: Lâm Đồng, PAR 2024 [SYNTHETIC DATA]", output);
        Assert.Matches(@"rank \d+ → \d+ of 63", output);
        Assert.Contains("exact Shapley values", output);

        var line = output.Split('\n').Single(l => l.StartsWith("Report: ", StringComparison.Ordinal));
        var path = line["Report: ".Length..].Trim();
        Assert.Equal(Path.Combine(_dir, "report", "index.html"), path);
        var html = File.ReadAllText(path);
        Assert.Contains("Lâm Đồng: báo cáo Chỉ số CCHC năm 2024", html);
        Assert.Contains("dữ liệu tổng hợp (synthetic)", html);
        Assert.Contains("Tính bởi Cchc.Reports.Analytics", html);
        var charts = Directory.GetFiles(Path.Combine(_dir, "report"), "*.png").Select(Path.GetFileName).ToList();
        foreach (var chart in new[] { "01-rank-history.png", "03-score-waterfall.png", "04-rank-attribution.png", "07-model-importance.png", "08-what-if.png", "09-one-stop-on-time.png", "10-index-scatter.png" })
        {
            Assert.Contains(chart, charts);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
