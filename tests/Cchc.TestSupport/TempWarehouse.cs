using Cchc.Warehouse;

namespace Cchc.TestSupport;

/// <summary>A fresh DuckDB warehouse in a temporary folder, deleted on dispose.</summary>
public sealed class TempWarehouse : IDisposable
{
    public TempWarehouse()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-test-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        Target = new WarehouseTarget(WarehouseTarget.DuckDb, System.IO.Path.Combine(Directory, "test.duckdb"));
        Warehouse = WarehouseFactory.Open(Target);
    }

    public string Directory { get; }

    public WarehouseTarget Target { get; }

    public IWarehouse Warehouse { get; private set; }

    /// <summary>Closes and reopens the file, as a later process would.</summary>
    public IWarehouse Reopen()
    {
        Warehouse.Dispose();
        Warehouse = WarehouseFactory.Open(Target);
        return Warehouse;
    }

    /// <summary>Closes the warehouse so that another process (or the CLI under test) can open the file.</summary>
    public void Close() => Warehouse.Dispose();

    public void Dispose()
    {
        Warehouse.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process under test may still hold a file for a moment; the OS temp cleaner takes it later.
        }
    }
}
