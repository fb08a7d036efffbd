namespace Cchc.Cli.Tests;

/// <summary><c>cchc demo</c> ends with the demo province's report (or says why there is none).</summary>
public sealed class DemoReportTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cchc-demo-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void Demo_ends_by_writing_Lam_Dong_s_report_or_saying_why_it_cannot()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["demo", "--out", _dir], stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        var line = stdout.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("Report: ", StringComparison.Ordinal));
        if (line is not null)
        {
            var path = line["Report: ".Length..].Trim();
            Assert.Equal(Path.Combine(_dir, "report", "index.html"), path);
            Assert.Contains("Lâm Đồng", File.ReadAllText(path));
        }
        else
        {
            Assert.Contains("No report: the warehouse has no PAR or PCI scores for province 68.", stderr.ToString());
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
