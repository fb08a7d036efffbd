using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse;

namespace Cchc.Cli.Tests;

/// <summary>
/// One run of <c>cchc demo</c> (the README's first command) shared by the tests that read its output and its
/// warehouse: the sample is deterministic, so one run serves them all. On SQL Server (<see cref="TestEngine"/>) the demo
/// runs with <c>--warehouse sqlserver:…</c> into a database of its own.
/// </summary>
public sealed class DemoWarehouse : IDisposable
{
    private readonly SqlServerTestDatabase? _database;

    public DemoWarehouse()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cchc-demo-" + Guid.NewGuid().ToString("N")[..8]);
        _database = TestEngine.IsSqlServer ? new SqlServerTestDatabase() : null;
        Target = _database?.Target ?? new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(Directory, "cchc.duckdb"));
        (ExitCode, Out, Err) = _database is null
            ? CliHarness.Run("demo", "--out", Directory)
            : CliHarness.Run("demo", "--out", Directory, "--warehouse", "sqlserver:" + _database.ConnectionString);
    }

    public string Directory { get; }

    public int ExitCode { get; }

    public string Out { get; }

    public string Err { get; }

    public WarehouseTarget Target { get; }

    /// <summary>Opens the demo warehouse (the demo has finished writing, so its lock is free).</summary>
    public IWarehouse Open()
    {
        Assert.True(ExitCode == 0, Err);
        return WarehouseFactory.Open(Target);
    }

    public void Dispose()
    {
        _database?.Dispose();
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
