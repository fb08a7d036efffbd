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

    public static IWarehouse Open(WarehouseTarget target) => target.Engine switch
    {
        WarehouseTarget.DuckDb => DuckDbWarehouse.Open(target),
        WarehouseTarget.SqlServer => SqlServerWarehouse.Open(target),
        _ => throw new NotSupportedException($"The {target.Engine} engine is not available in this build."),
    };
}

/// <summary>A reading command met a warehouse whose schema is older than this build (it does not migrate).</summary>
public sealed class WarehouseOutdatedException(string message) : Exception(message);
