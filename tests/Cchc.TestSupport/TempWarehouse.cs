using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse;

namespace Cchc.TestSupport;

/// <summary>
/// A fresh warehouse and a temporary folder, both removed on dispose: a DuckDB file in the folder, or on SQL Server
/// (<see cref="TestEngine"/>) a new database of its own.
/// </summary>
public sealed class TempWarehouse : IDisposable
{
    private readonly SqlServerTestDatabase? _database;

    /// <param name="engine">The engine to use; by default the one the suite runs on (<see cref="TestEngine.Selected"/>).</param>
    public TempWarehouse(string? engine = null)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-test-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
        if ((engine ?? TestEngine.Selected) == WarehouseTarget.SqlServer)
        {
            _database = new SqlServerTestDatabase();
            Target = _database.Target;
        }
        else
        {
            Target = new WarehouseTarget(WarehouseTarget.DuckDb, System.IO.Path.Combine(Directory, "test.duckdb"));
        }

        Warehouse = WarehouseFactory.Open(Target);
    }

    public string Directory { get; }

    public WarehouseTarget Target { get; }

    public IWarehouse Warehouse { get; private set; }

    /// <summary>Closes and reopens the warehouse, as a later process would.</summary>
    public IWarehouse Reopen()
    {
        Warehouse.Dispose();
        Warehouse = WarehouseFactory.Open(Target);
        return Warehouse;
    }

    /// <summary>Closes the warehouse so that another process (or the CLI under test) can open it.</summary>
    public void Close() => Warehouse.Dispose();

    public void Dispose()
    {
        Warehouse.Dispose();
        _database?.Dispose();
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
