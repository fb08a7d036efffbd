using Cchc.Warehouse;

namespace Cchc.Warehouse.Tests;

public sealed class WarehouseTargetTests
{
    [Theory]
    [InlineData("duckdb:cchc.duckdb", "duckdb", "cchc.duckdb")]
    [InlineData("DuckDB:/data/w.duckdb", "duckdb", "/data/w.duckdb")]
    [InlineData("sqlserver:Server=.;Database=cchc;Integrated Security=true", "sqlserver", "Server=.;Database=cchc;Integrated Security=true")]
    public void Parses_engine_and_location(string spec, string engine, string location) =>
        Assert.Equal(new WarehouseTarget(engine, location), WarehouseTarget.Parse(spec));

    [Theory]
    [InlineData("cchc.duckdb")]
    [InlineData("postgres:host=x")]
    [InlineData("duckdb:")]
    public void Rejects_bad_specs(string spec) => Assert.Throws<FormatException>(() => WarehouseTarget.Parse(spec));

    [Theory]
    [InlineData("sqlserver:Server=db;User Id=pbi;Password=hunter2", "hunter2")]
    [InlineData("sqlserver:Server=db;User Id=pbi;Password=\"hun;ter2\";Database=cchc", "ter2")]
    [InlineData("sqlserver:Server=db;User Id=pbi;Pwd='hun;ter2';Database=cchc", "ter2")]
    [InlineData("sqlserver:Server=db;Database=cchc;password = \"a\"\"b;c\";Encrypt=Mandatory", "b;c")]
    public void Never_prints_a_password_however_it_is_quoted(string spec, string secretPart)
    {
        var shown = WarehouseTarget.Parse(spec).ToString();
        Assert.DoesNotContain(secretPart, shown, StringComparison.Ordinal);
        Assert.Contains("Password=***", shown, StringComparison.Ordinal);
        Assert.Contains("db", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Server=db;User Id=pbi;Password=hunter2")]                 // the engine prefix forgotten
    [InlineData("mssql:Server=db;User Id=pbi;Password=hunter2")]           // an unknown engine
    [InlineData("sqlserver:Server=db;User Id=pbi;Password=hunter2;Bogus")] // a connection string that does not parse
    public void A_spec_that_does_not_parse_is_never_echoed(string spec)
    {
        var e = Assert.Throws<FormatException>(() => WarehouseTarget.Parse(spec));
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pbi", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void What_readers_see_names_no_server_database_user_or_folder()
    {
        Assert.Equal("SQL Server", WarehouseTarget.Parse("sqlserver:Server=sql01;Database=cchc;User Id=etl;Password=x").DisplayName);
        Assert.Equal("DuckDB (cchc.duckdb)", WarehouseTarget.Parse("duckdb:/home/analyst/private/cchc.duckdb").DisplayName);
    }
}
