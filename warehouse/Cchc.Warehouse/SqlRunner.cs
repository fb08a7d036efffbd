namespace Cchc.Warehouse;

/// <summary>
/// Parameterised SQL against either the warehouse connection or a file's open load session, so that code which only
/// reads and writes a few rows (data-quality rules, their findings) runs the same inside and outside a load.
/// </summary>
public interface ISqlRunner
{
    IReadOnlyList<T> Query<T>(string sql, object? param = null);

    int Execute(string sql, object? param = null);
}

public static class SqlRunner
{
    public static ISqlRunner Of(IWarehouse warehouse) => new WarehouseRunner(warehouse);

    public static ISqlRunner Of(ILoadSession session) => new SessionRunner(session);

    private sealed class WarehouseRunner(IWarehouse warehouse) : ISqlRunner
    {
        public IReadOnlyList<T> Query<T>(string sql, object? param = null) => warehouse.Query<T>(sql, param);

        public int Execute(string sql, object? param = null) => warehouse.Execute(sql, param);
    }

    private sealed class SessionRunner(ILoadSession session) : ISqlRunner
    {
        public IReadOnlyList<T> Query<T>(string sql, object? param = null) => session.Query<T>(sql, param);

        public int Execute(string sql, object? param = null) => session.Execute(sql, param);
    }
}
