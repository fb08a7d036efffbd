using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse;

namespace Cchc.TestSupport;

/// <summary>
/// The one switch between the engines the suite runs on: DuckDB by default; SQL Server when <c>CCHC_TEST_SQLSERVER</c>
/// holds a connection string whose login may create databases (each temporary warehouse is then a database of its own,
/// dropped afterwards). Tests about one engine's own behaviour (DuckDB's published copy, its lock file) name it.
/// </summary>
public static class TestEngine
{
    public static string Selected => SqlServerTestDatabase.ServerConnectionString is null ? WarehouseTarget.DuckDb : WarehouseTarget.SqlServer;

    public static bool IsSqlServer => Selected == WarehouseTarget.SqlServer;
}
