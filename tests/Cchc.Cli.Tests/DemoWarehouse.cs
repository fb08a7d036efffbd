using Cchc.Warehouse;

namespace Cchc.Cli.Tests;

/// <summary>
/// One run of <c>cchc demo</c> (the README's first command) shared by the tests that read its output and its
/// warehouse: the sample is deterministic, so one run serves them all.
/// </summary>
public sealed class DemoWarehouse : IDisposable
{
    public DemoWarehouse()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cchc-demo-" + Guid.NewGuid().ToString("N")[..8]);
        (ExitCode, Out, Err) = CliHarness.Run("demo", "--out", Directory);
    }

    public string Directory { get; }

    public int ExitCode { get; }

    public string Out { get; }

    public string Err { get; }

    public WarehouseTarget Target => new(WarehouseTarget.DuckDb, Path.Combine(Directory, "cchc.duckdb"));

    /// <summary>Opens the demo warehouse (the demo has finished writing, so its lock is free).</summary>
    public IWarehouse Open()
    {
        Assert.True(ExitCode == 0, Err);
        return WarehouseFactory.Open(Target);
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DemoWarehouseGroup : ICollectionFixture<DemoWarehouse>
{
    public const string Name = "demo warehouse";
}
