using Cchc.Warehouse.Engines.DuckDb;
using Cchc.Warehouse.Engines.SqlServer;

namespace Cchc.Warehouse;

/// <summary>Opens the warehouse a target names: for writing (applying migrations and seeds) or read-only.</summary>
public static class WarehouseFactory
{
    /// <summary>
    /// For commands that only read (status, report, drivers): runs no migration and writes nothing, so a login that
    /// only reads — on SQL Server a member of <c>cchc_report_reader</c> — can use it. The schema must be current;
    /// otherwise <see cref="WarehouseOutdatedException"/> says what brings it up to date. A DuckDB file must exist.
    /// </summary>
    public static IWarehouse OpenReadOnly(WarehouseTarget target) => target.Engine switch
    {
        WarehouseTarget.DuckDb => DuckDbWarehouse.OpenReadOnly(target),
        WarehouseTarget.SqlServer => SqlServerWarehouse.OpenReadOnly(target),
        _ => throw new NotSupportedException($"The {target.Engine} engine is not available in this build."),
    };

    /// <summary>
    /// For a writing session (load, nightly, demo, dq): takes the warehouse's single-writer lock first, waiting up to
    /// <paramref name="wait"/> (<see cref="WriterLocks"/>; on SQL Server an application lock on the writer's own
    /// connection), then opens and migrates. The lock is held until the warehouse is disposed or the process dies.
    /// </summary>
    public static IWarehouse OpenWriter(WarehouseTarget target, string holder, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Engine == WarehouseTarget.SqlServer)
        {
            return SqlServerWarehouse.OpenWriter(target, holder, wait);
        }

        var held = WriterLocks.Acquire(target, holder, wait);
        try
        {
            var warehouse = DuckDbWarehouse.Open(target);
            warehouse.OwnedLock = held;
            return warehouse;
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    public static IWarehouse Open(WarehouseTarget target) => target.Engine switch
    {
        WarehouseTarget.DuckDb => DuckDbWarehouse.Open(target),
        WarehouseTarget.SqlServer => SqlServerWarehouse.Open(target),
        _ => throw new NotSupportedException($"The {target.Engine} engine is not available in this build."),
    };
}

/// <summary>A reading command met a warehouse whose schema is older than this build (it does not migrate).</summary>
public sealed class WarehouseOutdatedException(string message) : Exception(message);
