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

    [Fact]
    public void Never_prints_a_password() =>
        Assert.DoesNotContain("hunter2", WarehouseTarget.Parse("sqlserver:Server=db;User Id=pbi;Password=hunter2").ToString());
}
