using System.Data;
using Cchc.Warehouse;
using Cchc.Warehouse.Engines.SqlServer;

namespace Cchc.TestSupport.SqlServer;

/// <summary>
/// The SQL Server engine over a <see cref="RecordingConnection"/>: opening it runs the bootstrap, every migration and
/// the seed sync against the recorder, so everything the engine would send is in <see cref="RecordingConnection.Statements"/>.
/// </summary>
public static class SqlServerRecording
{
    public static readonly WarehouseTarget Target = new(WarehouseTarget.SqlServer, "Server=recording;Database=cchc");

    public static IWarehouse Open(RecordingConnection connection) => SqlServerWarehouse.OpenOver(Target, connection);

    /// <summary>The read-only engine (what `status` and `report` open) over a recorder that reports a current schema.</summary>
    public static IWarehouse OpenReadOnly(RecordingConnection connection) => SqlServerWarehouse.OpenReadOnlyOver(Target, connection);

    /// <summary>A recorder that answers the read-only open's schema check with this build's version.</summary>
    public static RecordingConnection ReaderConnection() => new()
    {
        Respond = (sql, _) =>
        {
            if (!sql.Contains("rpt.warehouse_info", StringComparison.Ordinal))
            {
                return null;
            }

            var table = Rows(("schema_version", typeof(int)));
            table.Rows.Add(Cchc.Warehouse.Engines.MigrationScript.For(WarehouseTarget.SqlServer).Max(s => s.Version) ?? 0);
            return table;
        },
    };

    /// <summary>A one-column result, e.g. for sys.columns-style answers.</summary>
    public static DataTable Rows(params (string Column, Type Type)[] columns)
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var (column, type) in columns)
        {
            table.Columns.Add(column, type);
        }

        return table;
    }
}
