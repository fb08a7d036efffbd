using Cchc.Warehouse;

namespace Cchc.Etl.Nightly;

/// <summary>
/// One writer per warehouse across processes and machines: the warehouse's own writer lock (<see cref="WriterLocks"/>:
/// a lock file beside a DuckDB file, an application lock inside a SQL Server database). Released on dispose or when
/// the process dies, so a crashed run never blocks the next one.
/// </summary>
internal sealed class WriterLock : IDisposable
{
    private readonly IWriterLock _lock;

    private WriterLock(IWriterLock held) => _lock = held;

    /// <summary>Where the lock lives, in words.</summary>
    public string Description => _lock.Description;

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/>; throws <see cref="Warehouse.Engines.DuckDb.WarehouseBusyException"/> with
    /// the holder's description otherwise.</summary>
    public static WriterLock Acquire(WarehouseTarget target, string holder, TimeSpan wait) => new(WriterLocks.Acquire(target, holder, wait));

    public void Dispose() => _lock.Dispose();
}
