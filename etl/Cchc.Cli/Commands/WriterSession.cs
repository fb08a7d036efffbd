using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// The warehouse opened for writing under its single-writer lock (a lock file beside a DuckDB file, an application lock
/// inside a SQL Server database), held until dispose or process death.
/// </summary>
internal sealed class WriterSession : IDisposable
{
    private WriterSession(IWarehouse warehouse) => Warehouse = warehouse;

    public IWarehouse Warehouse { get; }

    public static WriterSession Open(WarehouseTarget target, string holder, TimeSpan wait) => new(WarehouseFactory.OpenWriter(target, holder, wait));

    public void Dispose() => Warehouse.Dispose();
}
