using Cchc.TestSupport;

namespace Cchc.Cli.Tests.Grammar;

/// <summary>
/// Wrong command lines: each is a usage error (exit 2) that says what is wrong in the words of the option, and nothing
/// is opened or written — no warehouse file, no demo or bench folder, no inbox file moved.
/// </summary>
public sealed class UsageValidationTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-usage-" + Guid.NewGuid().ToString("N")[..8]);

    public UsageValidationTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "inbox"));
        File.WriteAllText(Path.Combine(_root, "inbox", "export.csv"), "Mã hồ sơ,Ngày tiếp nhận\nX1,01/02/2024\n");
    }

    private string WarehouseFile => Path.Combine(_root, "w.duckdb");

    [Theory]
    [InlineData("Option '--year' is required.", "drivers", "--province", "68", "W")]
    [InlineData("--year must be a year, not 'twenty'", "drivers", "--province", "68", "--year", "twenty", "W")]
    [InlineData("unknown province 'Atlantis' for 2017", "drivers", "--province", "Atlantis", "--year", "2017", "W")]
    [InlineData("--index must be PAR, PCI or PAPI, not 'HDI'", "drivers", "--province", "68", "--year", "2017", "--index", "HDI", "W")]
    [InlineData("--permutations must be at least 2, not 1", "drivers", "--province", "68", "--year", "2017", "--permutations", "1", "W")]
    [InlineData("--year needs a value (found the option '--json' instead)", "drivers", "--province", "68", "--year", "--json", "W")]
    [InlineData("Option '--province' is required.", "whatif", "--year", "2017", "W")]
    [InlineData("--set needs CODE=SCORE (e.g. --set 1.2=3), not '1.1'", "whatif", "--province", "68", "--year", "2017", "--set", "1.1", "W")]
    [InlineData("--target-rank must be a whole number, not 'top'", "whatif", "--province", "68", "--year", "2017", "--target-rank", "top", "W")]
    [InlineData("give either --province P or --all", "report", "--year", "2017", "--out", "OUT", "W")]
    [InlineData("give either --province P or --all", "report", "--all", "--province", "68", "--year", "2017", "--out", "OUT", "W")]
    [InlineData("Option '--out' is required.", "report", "--all", "--year", "2017", "W")]
    [InlineData("--lang must be vi or en, not 'fr'", "report", "--province", "68", "--year", "2017", "--out", "OUT", "--lang", "fr", "W")]
    [InlineData("unknown province 'Atlantis' in 2017", "report", "--province", "Atlantis", "--year", "2017", "--out", "OUT", "W")]
    [InlineData("--province 'Atlantis' is not a province", "dq", "--province", "Atlantis", "W")]
    [InlineData("--index must be PAR, PCI or PAPI, not 'GDP'", "dq", "--index", "GDP", "W")]
    [InlineData("--runs must be at least 1, not 0", "status", "--runs", "0", "W")]
    [InlineData("--to needs a value (found the option '--json' instead)", "publish", "--to", "--json", "W")]
    [InlineData("--year must be a year, not 'twenty'", "load", "plan", "plan.docx", "--year", "twenty", "W")]
    [InlineData("--year must be a year, not '1800'", "load", "pci", "PCI.xlsx", "--year", "1800", "W")]
    [InlineData("Required argument 'files' missing for command: 'onestop'.", "load", "onestop", "W")]
    [InlineData("--wait must be at least 0, not -5", "load", "onestop", "INBOX/export.csv", "--wait", "-5", "W")]
    [InlineData("no such file or folder: 'INBOX/none.csv'", "load", "onestop", "INBOX/export.csv", "INBOX/none.csv", "W")]
    [InlineData("no files found in INBOX", "load", "pci", "INBOX", "W")]
    [InlineData("no such file or folder: 'missing.xlsx'", "inspect", "missing.xlsx")]
    [InlineData("Option '--inbox' is required.", "nightly", "W")]
    [InlineData("--settle must be a number of seconds, not 'soon'", "nightly", "--inbox", "INBOX", "--settle", "soon", "W")]
    [InlineData("--report-province is required with --report-out", "nightly", "--inbox", "INBOX", "--report-out", "OUT", "W")]
    [InlineData("--report-province: '99' is not a GSO province code", "nightly", "--inbox", "INBOX", "--report-province", "68,99", "--report-out", "OUT", "W")]
    [InlineData("--rows must be at least 10000, not 5", "bench", "onestop", "--rows", "5", "--dir", "OUT")]
    [InlineData("--memory-limit looks like 256MB or 1GB", "bench", "onestop", "--memory-limit", "lots", "--dir", "OUT")]
    [InlineData("--wait must be a whole number, not 'long'", "demo", "--out", "OUT", "--wait", "long")]
    [InlineData("Required argument 'file' missing for command: 'inspect'.", "inspect")]
    public void A_wrong_line_is_a_usage_error_that_opens_nothing(string expected, params string[] args)
    {
        var line = args.Select(a => a switch
        {
            "W" => "--warehouse=duckdb:" + WarehouseFile,
            "OUT" => Path.Combine(_root, "out"),
            _ => a.Replace("INBOX", Path.Combine(_root, "inbox"), StringComparison.Ordinal),
        }).ToArray();

        var (code, output, err) = CliHarness.Run(line);

        Assert.True(code == CliApp.Usage, $"exit {code}: {err}{output}");
        var first = err.Split('\n').First(l => l.StartsWith("cchc", StringComparison.Ordinal));
        Assert.StartsWith($"cchc {args[0]}", first, StringComparison.Ordinal);
        Assert.Contains(expected.Replace("INBOX", Path.Combine(_root, "inbox"), StringComparison.Ordinal), err, StringComparison.Ordinal);
        Assert.EndsWith("--help' for its options and examples.", err.TrimEnd(), StringComparison.Ordinal);
        Assert.False(File.Exists(WarehouseFile), "a usage error created the warehouse");
        Assert.False(Directory.Exists(Path.Combine(_root, "out")), "a usage error created the output folder");
        Assert.Equal(["export.csv"], Directory.GetFileSystemEntries(Path.Combine(_root, "inbox")).Select(Path.GetFileName));
    }

    [Fact]
    public void Values_may_follow_an_equals_sign_and_options_may_come_before_the_kind()
    {
        var plan = Path.Combine(_root, "inbox", "export.csv");
        var line = CommandLine.Parse(["load", "--wait=30", "plan", plan, "--province=Lâm Đồng", "--year", "2018"]);
        Assert.Equal(["plan", plan], line.Positional);
        Assert.Equal(30, line.IntOption("wait"));
        Assert.Equal("Lâm Đồng", line.Option("province"));
        Assert.Equal("cchc load plan", line.CommandPath);
        Assert.Null(line.Option("result-year"));
        Assert.False(line.Has("json"));
        Assert.Null(line.Option("not-an-option-of-load-plan"));
    }

    [Fact]
    public void A_repeated_option_keeps_every_value()
    {
        var line = CommandLine.Parse(["whatif", "--province", "68", "--year", "2017", "--set", "1.1=9", "--set", "2.1=15"]);
        Assert.Equal(["1.1=9", "2.1=15"], line.Options("set"));
        Assert.Equal("2.1=15", line.Option("set"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
