using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Nightly;
using Cchc.Etl.Nightly;
using Cchc.Etl.Samples;
using Cchc.Etl.Sources.Pci;
using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Engines.DuckDb;

namespace Cchc.Cli.Tests;

/// <summary>
/// The exit codes README.md documents, each produced the way it happens to a user: 0 all done, 1 a file failed,
/// 2 a wrong command line, 3 another writer holds the warehouse, 4 the machine failed (here: the warehouse's disk
/// fills up during a load).
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public ExitCodeTests() => _temp.Close();

    private string Warehouse => _temp.Target.ToString();

    [Fact]
    public void The_codes_are_the_documented_ones()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md"));
        var documented = Regex.Matches(readme, @"(?m)^\| `(?<code>\d)` \| (?<meaning>[^|]+) \|")
            .ToDictionary(m => int.Parse(m.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups["meaning"].Value.Trim());
        Assert.Equal([CliApp.Ok, CliApp.Failed, CliApp.Usage, CliApp.WriterBusy, CliApp.EnvironmentFailure], documented.Keys.Order());
        Assert.Equal([0, 1, 2, 3, 4], new[] { CliApp.Ok, CliApp.Failed, CliApp.Usage, CliApp.WriterBusy, CliApp.EnvironmentFailure });
        Assert.StartsWith("success", documented[0], StringComparison.Ordinal);
        Assert.Contains("another writer", documented[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Zero_when_everything_loaded_one_when_a_file_failed()
    {
        var folder = Path.Combine(_temp.Directory, "files");
        Directory.CreateDirectory(folder);
        PciSampleWriter.WriteYear(folder, 2023);
        var pci = Directory.GetFiles(folder).Single();
        var notes = Path.Combine(folder, "notes.csv");
        File.WriteAllText(notes, "not,a,workbook\n");

        Assert.Equal(CliApp.Ok, CliHarness.Run("load", "pci", pci, "--warehouse", Warehouse, "--quiet").ExitCode);
        var failed = CliHarness.Run("load", "pci", notes, pci, "--warehouse", Warehouse, "--quiet");
        Assert.Equal(CliApp.Failed, failed.ExitCode);
        Assert.Contains("1 of 2 files loaded", failed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_when_another_writer_holds_the_warehouse_naming_it_and_changing_nothing()
    {
        var folder = Path.Combine(_temp.Directory, "files");
        Directory.CreateDirectory(folder);
        PciSampleWriter.WriteYear(folder, 2023);
        using (WriterLock.Acquire(_temp.Target, "cchc nightly (scheduled)", TimeSpan.Zero))
        {
            var (code, output, err) = CliHarness.Run("load", "pci", folder, "--warehouse", Warehouse, "--wait", "0", "--quiet");

            Assert.Equal(CliApp.WriterBusy, code);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("cchc load pci: Another writer holds", err, StringComparison.Ordinal);
            Assert.Contains("cchc nightly (scheduled)", err, StringComparison.Ordinal);
        }

        using var warehouse = WarehouseFactory.Open(_temp.Target);
        Assert.Equal(0, warehouse.Query<long>("SELECT COUNT(*) FROM etl.run").Single());
    }

    [SkippableFact]
    public void Four_when_the_disk_fills_up_during_a_load_and_the_warehouse_stays_at_its_last_commit()
    {
        using var volume = TmpfsVolume.TryMount(Path.Combine(_temp.Directory, "volume"), 48, out var whyNot);
        Skip.If(volume is null, "needs a small tmpfs to fill: " + whyNot);
        var target = new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(volume.Path, "warehouse.duckdb"));
        WarehouseFactory.Open(target).Dispose(); // the schema fits; the load will not
        var papi = Path.Combine(_temp.Directory, "papi");
        Directory.CreateDirectory(papi);
        new PapiSampleWriter().Write(papi);
        volume.Fill(leave: 160 * 1024);

        var (code, _, err) = CliHarness.Run("load", "papi", papi, "--warehouse", target.ToString(), "--quiet");

        Assert.True(code == CliApp.EnvironmentFailure, $"exit {code}: {err}");
        Assert.Matches("(?i)no space|disk|could not write|IO Error", err);
        Assert.DoesNotContain("--help", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CliApp.Usage, "usage")]
    [InlineData(CliApp.WriterBusy, "busy")]
    [InlineData(CliApp.EnvironmentFailure, "disk full")]
    [InlineData(CliApp.EnvironmentFailure, "permission")]
    [InlineData(CliApp.Failed, "missing file")]
    [InlineData(CliApp.Failed, "bug")]
    public void Failures_map_to_their_code(int expected, string failure)
    {
        Exception e = failure switch
        {
            "usage" => new UsageException("--year must be a year"),
            "busy" => new WarehouseBusyException("Another writer holds duckdb:x"),
            "disk full" => new IOException("No space left on device"),
            "permission" => new UnauthorizedAccessException("Access to the path '/srv/cchc' is denied."),
            "missing file" => new FileNotFoundException("Could not find file 'x.xlsx'."),
            _ => new InvalidOperationException("something else"),
        };
        Assert.Equal(expected, CliApp.ExitCodeFor(e));
    }

    public void Dispose() => _temp.Dispose();
}
