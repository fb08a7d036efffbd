using Cchc.Cli.Parsing;

namespace Cchc.Cli.Tests.Grammar;

/// <summary>A mistyped command, kind or option gets the nearest real one, as a usage error (exit 2).</summary>
public sealed class SuggestionTests
{
    [Theory]
    [InlineData("cchc: unknown command 'lod'. Did you mean 'load'?", "lod")]
    [InlineData("cchc: unknown command 'stauts'. Did you mean 'status'?", "stauts")]
    [InlineData("cchc: unknown command 'reprot'. Did you mean 'report'?", "reprot", "--all")]
    [InlineData("cchc: unknown command 'whatfi'. Did you mean 'whatif'?", "whatfi")]
    [InlineData("cchc load: unknown command 'onestpo'. Did you mean 'onestop'?", "load", "onestpo", "export.csv")]
    [InlineData("cchc load: unknown command 'pcy'. Did you mean 'pci'?", "load", "pcy", "PCI 2017.xlsx")]
    [InlineData("cchc bench: unknown command 'onestops'. Did you mean 'onestop'?", "bench", "onestops")]
    [InlineData("cchc load onestop: unknown option '--provnice'. Did you mean '--province'?", "load", "onestop", "--provnice", "68", "export.csv")]
    [InlineData("cchc status: unknown option '--jsn'. Did you mean '--json'?", "status", "--jsn")]
    [InlineData("cchc drivers: unknown option '--provice'. Did you mean '--province'?", "drivers", "--provice", "68", "--year", "2017")]
    [InlineData("cchc report: unknown option '--langauge'. Did you mean '--lang'?", "report", "--all", "--year", "2017", "--out", "x", "--langauge", "en")]
    [InlineData("cchc nightly: unknown option '--inbx'. Did you mean '--inbox'?", "nightly", "--inbx", "in")]
    public void A_typo_names_the_nearest_command_or_option(string expected, params string[] args)
    {
        var (code, output, err) = CliHarness.Run(args);

        Assert.Equal(CliApp.Usage, code);
        Assert.Equal(string.Empty, output);
        var lines = err.Trim().Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains(expected, lines);
        Assert.StartsWith("Run 'cchc", lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cchc: unknown command 'frobnicate'", "frobnicate")]
    [InlineData("cchc status: unknown option '--zzz'", "status", "--zzz")]
    public void Something_far_from_every_name_gets_no_guess(string expected, params string[] args)
    {
        var (code, _, err) = CliHarness.Run(args);
        Assert.Equal(CliApp.Usage, code);
        Assert.Equal(expected, err.Split('\n')[0].TrimEnd());
    }

    [Theory]
    [InlineData("lod", "load")]
    [InlineData("laod", "load")]
    [InlineData("stat", "status")]
    [InlineData("dirvers", "drivers")]
    [InlineData("LOAD", "load")]
    [InlineData("xyz", null)]
    [InlineData("report-all", "report")]
    public void Nearest_is_a_typo_away_or_a_prefix(string typed, string? expected) =>
        Assert.Equal(expected, UsageErrors.Nearest(typed, CliApp.Commands.Select(c => c.Name)));
}
