using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Cli.Tests;

public sealed class ParLoadCommandTests
{
    [Fact]
    public void Load_par_loads_each_workbook_in_its_own_transaction_and_names_the_one_that_fails()
    {
        using var temp = new TempWarehouse();
        temp.Close();
        var (good, bad) = ParWorkbooks.Write(temp.Directory);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        // Named explicitly: a folder's files are only taken when their content is PAR, and this one is not a workbook.
        var exit = CliApp.Run(["load", "par", bad, good, "--warehouse", temp.Target.Spec()], stdout, stderr);

        Assert.Equal(CliApp.Failed, exit);
        var text = stdout.ToString();
        Assert.Contains("1 of 2 files loaded", text, StringComparison.Ordinal);
        Assert.Contains("chi-so-cchc-2017.xlsx: file 'chi-so-cchc-2017.xlsx'", text, StringComparison.Ordinal);
        Assert.Contains("FAILED", text, StringComparison.Ordinal);
        using var warehouse = temp.Reopen();
        Assert.Equal([("22", 89.06, 1), ("01", 83.98, 2), ("54", 69.53, 63)], warehouse.Query<(string, double, int)>(
            "SELECT province_code, score, rank FROM rpt.index_score WHERE index_code = 'PAR' AND year = 2018 ORDER BY rank"));
    }
}
