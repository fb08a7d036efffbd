using System.Text.Json;
using Cchc.Cli;
using Cchc.Cli.Commands;
using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Engines.DuckDb;

namespace Cchc.Cli.Tests;

public sealed class PublishCommandTests
{
    [Fact]
    public void Publish_writes_the_read_only_copy_beside_the_warehouse()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        LoadOneScore(temp.Warehouse);
        temp.Close();

        var (code, stdout, stderr) = Run("publish", "--warehouse", temp.Target.Spec(), "--json");

        Assert.True(code == CliApp.Ok, stderr);
        using var json = JsonDocument.Parse(stdout);
        var path = json.RootElement.GetProperty("path").GetString();
        Assert.Equal(Path.Combine(temp.Directory, "test.published.duckdb"), path);
        Assert.True(json.RootElement.GetProperty("size_bytes").GetInt64() > 0);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Publish_to_another_file_and_report_it()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        temp.Close();
        var destination = Path.Combine(temp.Directory, "powerbi", "cchc.duckdb");

        var (code, stdout, stderr) = Run("publish", "--warehouse", temp.Target.Spec(), "--to", destination);

        Assert.True(code == CliApp.Ok, stderr);
        Assert.StartsWith($"Published {destination} (", stdout.Trim(), StringComparison.Ordinal);
        Assert.True(File.Exists(destination));
    }

    [Fact]
    public void After_a_load_a_copy_that_cannot_be_replaced_is_a_warning_not_a_failure()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        var warehouse = (DuckDbWarehouse)temp.Warehouse;
        LoadOneScore(warehouse);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CommandContext(CommandLine.Parse(["publish"]), stdout, stderr);

        PublishCommand.AfterLoad(context, warehouse);
        Assert.Contains("Published the read-only copy " + warehouse.PublishedPath, stderr.ToString(), StringComparison.Ordinal);

        // A directory where the copy should go cannot be replaced by a file: the load has committed, so only warn.
        File.Delete(warehouse.PublishedPath);
        Directory.CreateDirectory(warehouse.PublishedPath);
        stderr.GetStringBuilder().Clear();
        PublishCommand.AfterLoad(context, warehouse);
        Assert.Contains("warning: the load committed, but the read-only copy was not refreshed", stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Directory, "*.tmp-*"));
    }

    private static void LoadOneScore(IWarehouse warehouse)
    {
        var run = warehouse.StartRun("test");
        using var session = warehouse.BeginFile(run, new SourceFileInfo("/x/pci-2017.xlsx", "pci", new string('0', 64), 1));
        var rejected = session.ReplaceScores(IndexCodes.Pci, [2017],
            [new ScoreRecord(IndexCodes.Pci, 2017, "22", IndexCodes.Total, 70.69, 1, false, new SourceLocation("pci-2017.xlsx"))]);
        Assert.Empty(rejected);
        session.Commit(new FileLoadOutcome(1, 0, "loaded"));
        warehouse.FinishRun(run, "succeeded");
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
