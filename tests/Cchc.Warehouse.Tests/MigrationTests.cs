using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Warehouse.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void Opening_twice_applies_migrations_once_and_keeps_seeds()
    {
        using var temp = new TempWarehouse();
        var first = temp.Warehouse.Query<long>("SELECT COUNT(*) FROM etl.schema_version").Single();
        var warehouse = temp.Reopen();
        Assert.Equal(first, warehouse.Query<long>("SELECT COUNT(*) FROM etl.schema_version").Single());
        Assert.True(warehouse.SchemaVersion >= 1);
        Assert.Equal(63 + 1 + 34, warehouse.Query<long>("SELECT COUNT(*) FROM dw.dim_province").Single());
        Assert.Equal(3, warehouse.Query<long>("SELECT COUNT(*) FROM dw.dim_index").Single());
    }

    [Fact]
    public void Every_schema_exists()
    {
        using var temp = new TempWarehouse();
        var schemas = temp.Warehouse.Query<string>("SELECT schema_name FROM information_schema.schemata");
        Assert.Contains("dw", schemas);
        Assert.Contains("etl", schemas);
        Assert.Contains("rpt", schemas);
    }

    [Fact]
    public void Province_history_links_old_provinces_to_2025_successors()
    {
        using var temp = new TempWarehouse();
        var haTay = temp.Warehouse.Query<(string Code2025, string Merged)>(
            "SELECT code_2025, merged_into_code FROM dw.dim_province WHERE gso_code = @code", new { code = "28" }).Single();
        Assert.Equal(("01", "01"), haTay);
        var lamDong = temp.Warehouse.Query<(int Key, string Code2025)>(
            "SELECT province_key, code_2025 FROM dw.dim_province WHERE gso_code = @code ORDER BY province_key", new { code = "67" });
        Assert.Equal([(67, "68")], lamDong);
        var newLamDong = temp.Warehouse.Query<string>(
            "SELECT formed_from_codes FROM dw.dim_province WHERE province_key = @key", new { key = 168 }).Single();
        Assert.Equal("60 67 68", newLamDong);
    }
}
