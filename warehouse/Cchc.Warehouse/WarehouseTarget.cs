namespace Cchc.Warehouse;

/// <summary>
/// Where the warehouse lives: <c>duckdb:&lt;path&gt;</c> (default <c>duckdb:cchc.duckdb</c>) or
/// <c>sqlserver:&lt;connection string&gt;</c>. Chosen by <c>--warehouse</c>, else env <c>CCHC_WAREHOUSE</c>.
/// </summary>
public sealed record WarehouseTarget(string Engine, string Location)
{
    public const string EnvironmentVariable = "CCHC_WAREHOUSE";
    public const string DuckDb = "duckdb";
    public const string SqlServer = "sqlserver";
    public static readonly WarehouseTarget Default = new(DuckDb, "cchc.duckdb");

    public static WarehouseTarget Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"Warehouse '{spec}' must look like 'duckdb:<path>' or 'sqlserver:<connection string>'.");
        }

        var engine = spec[..colon].Trim().ToLowerInvariant();
        var location = spec[(colon + 1)..].Trim();
        if (engine is not (DuckDb or SqlServer))
        {
            throw new FormatException($"Unknown warehouse engine '{engine}' in '{spec}': use 'duckdb' or 'sqlserver'.");
        }

        if (location.Length == 0)
        {
            throw new FormatException($"Warehouse '{spec}' names no {(engine == DuckDb ? "file" : "connection string")}.");
        }

        return new WarehouseTarget(engine, location);
    }

    /// <summary>The command-line value if given, else <c>CCHC_WAREHOUSE</c>, else the default file in the working directory.</summary>
    public static WarehouseTarget Resolve(string? commandLineValue) =>
        !string.IsNullOrWhiteSpace(commandLineValue) ? Parse(commandLineValue)
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? Parse(env)
        : Default;

    /// <summary>Never prints a SQL Server password.</summary>
    public override string ToString() =>
        Engine == DuckDb ? $"duckdb:{Location}" : "sqlserver:" + RedactPassword(Location);

    private static string RedactPassword(string connectionString) =>
        string.Join(';', connectionString.Split(';').Select(part =>
            part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)
            || part.TrimStart().StartsWith("pwd", StringComparison.OrdinalIgnoreCase)
                ? part[..(part.IndexOf('=', StringComparison.Ordinal) + 1)] + "***"
                : part));
}
