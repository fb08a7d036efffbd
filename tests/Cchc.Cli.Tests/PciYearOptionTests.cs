using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc load pci --year</c> on VCCI's real workbooks: the year of one whose content names none (2019), checked
/// against the content of one that does.</summary>
public sealed class PciYearOptionTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public PciYearOptionTests() => _temp.Close();

    [Fact]
    public void A_workbook_that_names_no_year_takes_it_from_the_option()
    {
        // VCCI's 2019 workbook names its year only in its file name; renamed, nothing says it.
        var renamed = Path.Combine(_temp.Directory, "PCI.xlsx");
        File.Copy(Path.Combine(SharedData.PciFolder, "PCI 2019.xlsx"), renamed);

        var without = CliHarness.Run("load", "pci", renamed, "--warehouse", _temp.Target.ToString(), "--quiet");
        Assert.Equal(CliApp.Failed, without.ExitCode);
        Assert.Contains("cannot tell the PCI year", without.Out, StringComparison.Ordinal);
        Assert.Contains("give it with --year", without.Out, StringComparison.Ordinal);

        var with = CliHarness.Run("load", "pci", renamed, "--year", "2019", "--warehouse", _temp.Target.ToString(), "--quiet");
        Assert.True(with.ExitCode == CliApp.Ok, with.Out + with.Err);
        using var warehouse = _temp.Reopen();
        Assert.Equal(63, warehouse.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE index_code = 'PCI' AND year = 2019 AND criterion_code = 'TOTAL'").Single());
    }

    [Fact]
    public void A_year_that_contradicts_the_workbook_fails_it_and_loads_nothing()
    {
        var file = Path.Combine(_temp.Directory, "bang-xep-hang.xlsx");
        File.Copy(Path.Combine(SharedData.PciFolder, "PCI 2017.xlsx"), file);

        var (code, output, _) = CliHarness.Run("load", "pci", file, "--year", "2018", "--warehouse", _temp.Target.ToString(), "--quiet");

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("--year 2018 contradicts the workbook, whose weighted PCI and rank headers name 2017", output, StringComparison.Ordinal);
        using var warehouse = _temp.Reopen();
        Assert.Equal(0, warehouse.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE index_code = 'PCI'").Single());
    }

    public void Dispose() => _temp.Dispose();
}
