using Microsoft.Data.SqlClient;

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
        // The spec is never echoed: it may be a connection string with a password in it.
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException("The warehouse must look like 'duckdb:<path>' or 'sqlserver:<connection string>' (it is not shown here: it may hold a password).");
        }

        var engine = spec[..colon].Trim().ToLowerInvariant();
        var location = spec[(colon + 1)..].Trim();
        if (engine is not (DuckDb or SqlServer))
        {
            var shown = engine.Length <= 20 && engine.All(char.IsLetterOrDigit) ? $" '{engine}'" : string.Empty;
            throw new FormatException($"Unknown warehouse engine{shown}: use 'duckdb' or 'sqlserver'.");
        }

        if (location.Length == 0)
        {
            throw new FormatException($"The {engine} warehouse names no {(engine == DuckDb ? "file" : "connection string")}.");
        }

        if (engine == SqlServer)
        {
            try
            {
                _ = new SqlConnectionStringBuilder(location);
            }
            catch (ArgumentException e)
            {
                // SqlClient's message names the position and the keyword, never the value.
                throw new FormatException($"The SQL Server connection string does not parse ({e.Message}); it is not shown here since it may hold a password.", e);
            }
        }

        return new WarehouseTarget(engine, location);
    }

    /// <summary>The command-line value if given, else <c>CCHC_WAREHOUSE</c>, else the default file in the working directory.</summary>
    public static WarehouseTarget Resolve(string? commandLineValue) =>
        !string.IsNullOrWhiteSpace(commandLineValue) ? Parse(commandLineValue)
        : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? Parse(env)
        : Default;

    /// <summary>For the operator (logs, errors): never a SQL Server password, however it is quoted.</summary>
    public override string ToString() =>
        Engine == DuckDb ? $"duckdb:{Location}" : "sqlserver:" + Redacted(Location);

    /// <summary>
    /// For what readers see (reports, published files): the engine and, for DuckDB, the file's name — no server,
    /// database, user or folder.
    /// </summary>
    public string DisplayName => Engine == DuckDb ? $"DuckDB ({Path.GetFileName(Location)})" : "SQL Server";

    /// <summary>
    /// The connection string re-written by SqlConnectionStringBuilder with the password (any of its synonyms, quoted or
    /// not, with ';' inside or not) replaced; one that does not parse is not shown at all.
    /// </summary>
    internal static string Redacted(string connectionString)
    {
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return "(connection string not shown: it does not parse)";
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "***";
        }

        return builder.ConnectionString;
    }
}
