using Cchc.Warehouse;
using Microsoft.Data.SqlClient;

namespace Cchc.TestSupport.SqlServer;

/// <summary>
/// A fresh database on the SQL Server that <c>CCHC_TEST_SQLSERVER</c> names (a connection string whose login may
/// create databases), dropped on dispose. Tests that need one skip, with <see cref="SkipReason"/>, when it is unset:
/// they are the only tests in the suite allowed to skip.
/// </summary>
public sealed class SqlServerTestDatabase : IDisposable
{
    public const string EnvironmentVariable = "CCHC_TEST_SQLSERVER";

    public const string SkipReason =
        EnvironmentVariable + " is not set: these tests need a SQL Server. warehouse/README.md (SQL Server) shows the one command that runs them against a local container.";

    public SqlServerTestDatabase()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(SkipReason);
        Name = "cchc_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var master = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString))
        {
            master.Open();
            using var create = master.CreateCommand();
            create.CommandText = $"CREATE DATABASE [{Name}]";
            create.ExecuteNonQuery();
        }

        ConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = Name }.ConnectionString;
    }

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The generated database name (letters, digits, underscore).</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    public WarehouseTarget Target => new(WarehouseTarget.SqlServer, ConnectionString);

    public void Dispose()
    {
        SqlConnection.ClearAllPools();
        using var master = new SqlConnection(new SqlConnectionStringBuilder(ConnectionString) { InitialCatalog = "master" }.ConnectionString);
        master.Open();
        using var drop = master.CreateCommand();
        drop.CommandText = $"IF DB_ID(N'{Name}') IS NOT NULL BEGIN ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{Name}]; END";
        drop.ExecuteNonQuery();
    }
}
