using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

public sealed class ParLoadCommandTests
{
    [Fact]
    public void Load_par_reads_a_ministry_workbook_and_names_the_file_that_fails()
    {
        using var temp = new TempWarehouse();
        temp.Close();
        var bad = Path.Combine(temp.Directory, "chi-so-cchc-2017.xlsx");
        File.WriteAllText(bad, "not a workbook");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = CliApp.Run(["load", "par", bad, "--warehouse", "duckdb:" + temp.Target.Location], stdout, stderr);

        Assert.Equal(CliApp.Failed, exit);
        Assert.Contains("chi-so-cchc-2017.xlsx", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("FAILED", stdout.ToString(), StringComparison.Ordinal);
    }
}
