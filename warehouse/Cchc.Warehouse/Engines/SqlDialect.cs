using System.Text.RegularExpressions;

namespace Cchc.Warehouse.Engines;

/// <summary>What differs between engines in the SQL text the shared code writes.</summary>
public abstract partial class SqlDialect
{
    public abstract string Name { get; }

    /// <summary>Rewrites portable <c>@name</c> parameters into the engine's form.</summary>
    public abstract string Parameters(string sql);

    public abstract string LimitOne(string selectWithoutLimit);

    [GeneratedRegex(@"(?<![@\w])@([A-Za-z_]\w*)")]
    protected static partial Regex AtParameter();
}

public sealed class DuckDbDialect : SqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    public override string Name => WarehouseTarget.DuckDb;

    public override string Parameters(string sql) => AtParameter().Replace(sql, "$$$1");

    public override string LimitOne(string selectWithoutLimit) => selectWithoutLimit + " LIMIT 1";
}

public sealed class SqlServerDialect : SqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    public override string Name => WarehouseTarget.SqlServer;

    public override string Parameters(string sql) => sql;

    public override string LimitOne(string selectWithoutLimit) =>
        selectWithoutLimit.StartsWith("SELECT ", StringComparison.OrdinalIgnoreCase)
            ? "SELECT TOP 1 " + selectWithoutLimit[7..]
            : selectWithoutLimit;
}
