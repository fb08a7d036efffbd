using Cchc.Warehouse.Engines.DuckDb;
using Cchc.Warehouse.Engines.SqlServer;

namespace Cchc.Warehouse;

/// <summary>Opens the warehouse a target names, applying migrations and seeds on first use.</summary>
public static class WarehouseFactory
{
    public static IWarehouse Open(WarehouseTarget target) => target.Engine switch
    {
        WarehouseTarget.DuckDb => DuckDbWarehouse.Open(target),
        WarehouseTarget.SqlServer => SqlServerWarehouse.Open(target),
        _ => throw new NotSupportedException($"The {target.Engine} engine is not available in this build."),
    };
}
