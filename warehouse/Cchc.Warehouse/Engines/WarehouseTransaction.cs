using System.Data.Common;
using Dapper;

namespace Cchc.Warehouse.Engines;

/// <summary>A transaction on the warehouse connection outside a file's load; rolls back unless committed.</summary>
internal sealed class WarehouseTransaction(WarehouseBase warehouse, DbTransaction transaction) : IWarehouseTransaction
{
    private bool _done;
    private bool _disposed;

    public IReadOnlyList<T> Query<T>(string sql, object? param = null) =>
        warehouse.Connection.Query<T>(warehouse.Dialect.Parameters(sql), param, transaction).AsList();

    public int Execute(string sql, object? param = null) =>
        warehouse.Connection.Execute(warehouse.Dialect.Parameters(sql), param, transaction);

    public void Commit()
    {
        try
        {
            transaction.Commit();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException)
        {
            throw new WarehouseCommitException($"The commit failed, so nothing of it was kept: {e.Message}", e);
        }

        _done = true;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (!_done)
        {
            try
            {
                transaction.Rollback();
            }
            catch (InvalidOperationException)
            {
                // Already ended by the engine (a failed commit); the original error is the one to report.
            }
        }

        transaction.Dispose();
        warehouse.OpenSessions--;
        _disposed = true;
    }
}
