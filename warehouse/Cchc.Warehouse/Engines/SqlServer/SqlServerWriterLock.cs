using Dapper;
using Microsoft.Data.SqlClient;

namespace Cchc.Warehouse.Engines.SqlServer;

/// <summary>
/// The writer lock on a connection of its own (for a process that must hold it without opening the warehouse): the
/// same application lock the engine takes on its own connection. Not pooled: closing it must end the session and so
/// release the lock.
/// </summary>
internal sealed class SqlServerWriterLock : IWriterLock
{
    private readonly SqlConnection _connection;

    private SqlServerWriterLock(SqlConnection connection) => _connection = connection;

    public string Description => "SQL Server application lock 'cchc.writer' in the warehouse database";

    public static SqlServerWriterLock Acquire(WarehouseTarget target, string holder, TimeSpan wait)
    {
        var builder = new SqlConnectionStringBuilder(SqlServerWarehouse.ConnectionString(target.Location))
        {
            Pooling = false,
            ApplicationName = SqlServerWarehouse.WriterApplicationName(holder),
        };
        var connection = new SqlConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            SqlServerWarehouse.TakeWriterLock(connection, target, wait);
            return new SqlServerWriterLock(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();
}
