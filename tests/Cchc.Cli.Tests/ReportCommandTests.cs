using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc report</c> end to end: arguments, province resolution, exit codes, files written.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public ReportCommandTests()
    {
        // PAR totals for four provinces in two years (the seed catalogue has the PAR total), then the file is released.
        var provinces = new[] { "01", "68", "79", "46" }.Select(c => ProvinceCatalog.Default.ByCode(c, 2017)!).ToList();
        foreach (var year in new[] { 2016, 2017 })
        {
            var run = _temp.Warehouse.StartRun("test");
            using var session = _temp.Warehouse.BeginFile(run, new SourceFileInfo($"par-{year}.xlsx", "par", new string('b', 64), 10));
            var scores = provinces.Select((p, i) => new ScoreRecord("PAR", year, p.GsoCode, "TOTAL", 70 + i + (year - 2016) * (i % 2 == 0 ? 1.5 : -1.5), null, true,
                new SourceLocation($"par-{year}.xlsx"))).ToList();
            Assert.Empty(session.ReplaceScores("PAR", [year], scores));
            session.Commit(new FileLoadOutcome(scores.Count, 0, "loaded"));
            _temp.Warehouse.FinishRun(run, "succeeded");
        }

        _temp.Close();
    }

    private string Warehouse => _temp.Target.Spec();

    [Fact]
    public void Report_for_a_province_named_in_Vietnamese_writes_index_html_and_prints_its_path()
    {
        var outDir = Path.Combine(_temp.Directory, "lam-dong");
        var (code, stdout, stderr) = Run("report", "--province", "Lâm Đồng", "--year", "2017", "--out", outDir, "--warehouse", Warehouse);
        Assert.True(code == 0, stderr);
        var path = stdout.Trim();
        Assert.Equal(Path.Combine(outDir, "index.html"), path);
        var html = File.ReadAllText(path);
        Assert.Contains("Lâm Đồng", html);
        Assert.Contains("69,50/100 điểm", html);
        Assert.Contains("dữ liệu tổng hợp (synthetic)", html);
        Assert.True(File.Exists(Path.Combine(outDir, "01-rank-history.png")));
    }

    [Fact]
    public void English_report_by_GSO_code()
    {
        var outDir = Path.Combine(_temp.Directory, "en");
        var (code, stdout, stderr) = Run("report", "--province", "68", "--year", "2017", "--out", outDir, "--lang", "en", "--warehouse", Warehouse);
        Assert.True(code == 0, stderr);
        Assert.Contains("69.50 of 100 points", File.ReadAllText(stdout.Trim()));
    }

    [Fact]
    public void All_writes_every_province_and_the_overview()
    {
        var outDir = Path.Combine(_temp.Directory, "all");
        var (code, stdout, stderr) = Run("report", "--all", "--year", "2017", "--out", outDir, "--warehouse", Warehouse, "--quiet");
        Assert.True(code == 0, stderr);
        Assert.Contains("Wrote 4 province reports", stdout);
        foreach (var folder in new[] { "01-ha-noi", "46-hue", "68-lam-dong", "79-ho-chi-minh" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, folder, "index.html")), folder + " in " + string.Join(", ", Directory.GetDirectories(outDir)));
        }
    }

    [Theory]
    [InlineData(2, "report", "--province", "68", "--out", "x")]
    [InlineData(2, "report", "--year", "2017", "--out", "x")]
    [InlineData(2, "report", "--province", "Atlantis", "--year", "2017", "--out", "x")]
    [InlineData(2, "report", "--province", "68", "--year", "2017", "--out", "x", "--lang", "fr")]
    [InlineData(2, "report", "--province", "68", "--all", "--year", "2017", "--out", "x")]
    [InlineData(1, "report", "--province", "68", "--year", "2030", "--out", "x")]
    public void Mistakes_get_a_one_line_reason_and_an_exit_code(int expected, params string[] args)
    {
        var (code, _, stderr) = Run([.. args.Select(a => a == "x" ? Path.Combine(_temp.Directory, "x") : a), "--warehouse", Warehouse]);
        Assert.Equal(expected, code);
        var lines = stderr.Trim().Split('\n');
        Assert.StartsWith("cchc report: ", lines[0]);

        // A usage error also says where to read more; a failed report (no data for the year) says only why.
        Assert.Equal(expected == CliApp.Usage ? ["Run 'cchc report --help' for its options and examples."] : [], lines.Skip(1).Select(l => l.TrimEnd()));
    }

    public void Dispose() => _temp.Dispose();

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
