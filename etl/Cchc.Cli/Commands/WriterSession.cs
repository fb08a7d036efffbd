using Cchc.Etl.Nightly;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>The warehouse opened for writing under the cross-process writer lock (released on dispose or process death).</summary>
internal sealed class WriterSession : IDisposable
{
    private readonly WriterLock _lock;

    private WriterSession(WriterLock writerLock, IWarehouse warehouse)
    {
        _lock = writerLock;
        Warehouse = warehouse;
    }

    public IWarehouse Warehouse { get; }

    public static WriterSession Open(WarehouseTarget target, string holder, TimeSpan wait)
    {
        var writerLock = WriterLock.Acquire(target, holder, wait);
        try
        {
            return new WriterSession(writerLock, WarehouseFactory.Open(target));
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Warehouse.Dispose();
        _lock.Dispose();
    }
}
