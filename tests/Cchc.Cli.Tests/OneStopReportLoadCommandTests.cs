using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary><c>cchc load onestop-report</c>: folders are taken by content, a report naming no province needs
/// <c>--province</c>, and the summary says what each file did.</summary>
public sealed class OneStopReportLoadCommandTests
{
    private static string Fixture(string name) => SharedData.Fixture("onestop-report", name);

    [Fact]
    public void A_folder_loads_its_reports_skips_other_files_and_names_the_report_that_needs_a_province()
    {
        using var temp = new TempWarehouse();
        temp.Close();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Directory, "bao-cao")).FullName;
        File.Copy(Fixture("06c-quy-ii-2019-tieu-de-3-dong-so-dang-chu.xlsx"), Path.Combine(folder, "quy-ii.xlsx"));
        File.Copy(Fixture("khong-ghi-tinh-quy-i-2023.xlsx"), Path.Combine(folder, "quy-i-2023.xlsx"));
        File.Copy(Fixture("khong-phai-bao-cao-07b-so-tthc.xlsx"), Path.Combine(folder, "07b.xlsx"));
        File.WriteAllText(Path.Combine(folder, "ghi-chu.csv"), "Ghi chú,Nội dung\n1,Họp giao ban\n");
        var warehouse = "duckdb:" + temp.Target.Location;

        var (exit, output, progress) = CliHarness.Run("load", "onestop-report", folder, "--warehouse", warehouse);

        Assert.Equal(CliApp.Failed, exit);
        Assert.Contains("skipping 07b.xlsx: not a onestop-report file", progress, StringComparison.Ordinal);
        Assert.Contains("skipping ghi-chu.csv: not a onestop-report file", progress, StringComparison.Ordinal);
        Assert.Contains("1 of 2 files loaded", output, StringComparison.Ordinal);
        Assert.Contains("give it with --province", output, StringComparison.Ordinal);

        (exit, output, _) = CliHarness.Run("load", "onestop-report", Path.Combine(folder, "quy-i-2023.xlsx"), "--province", "Lâm Đồng", "--warehouse", warehouse);
        Assert.True(exit == CliApp.Ok, output);
        using var w = temp.Reopen();
        Assert.Equal(7 + 2, w.Query<long>("SELECT COUNT(*) FROM rpt.onestop_report WHERE province_code = '68'").Single());
    }

    [Fact]
    public void A_province_option_that_is_no_province_is_a_usage_error()
    {
        using var temp = new TempWarehouse();
        temp.Close();
        var (exit, _, err) = CliHarness.Run("load", "onestop-report", Fixture("khong-ghi-tinh-quy-i-2023.xlsx"), "--province", "Atlantis", "--warehouse", "duckdb:" + temp.Target.Location);
        Assert.Equal(CliApp.Usage, exit);
        Assert.Contains("--province 'Atlantis' is not a province", err, StringComparison.Ordinal);
    }
}
