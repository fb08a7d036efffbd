using Cchc.TestSupport;

namespace Cchc.Warehouse.Tests;

public sealed class ParSeedSyncTests
{
    [Fact]
    public void Resyncing_the_PAR_catalogue_keeps_criterion_keys_so_loaded_scores_keep_their_criterion()
    {
        using var temp = new TempWarehouse();
        var keys = temp.Warehouse.Query<(int Key, string Code, int From)>(
            "SELECT criterion_key, criterion_code, valid_from_year FROM dw.dim_criterion WHERE index_code = 'PAR' ORDER BY criterion_key");
        Assert.True(keys.Count > 400);
        var total2017 = keys.Single(k => k is { Code: "TOTAL", From: 2017 }).Key;
        temp.Warehouse.Execute(
            """
            INSERT INTO dw.fact_index_score (index_code, year, province_key, criterion_key, score, rank_published, is_synthetic, file_id, run_id, source_sheet, source_row)
            VALUES ('PAR', 2017, 68, @key, 70.99, 48, FALSE, 1, 1, 'Tổng hợp', 9)
            """,
            new { key = total2017 });
        temp.Warehouse.Execute("DELETE FROM etl.seed_state WHERE seed_name IN ('criteria-par.csv', 'par-criterion-mapping.csv')");

        var warehouse = temp.Reopen();

        Assert.Equal(keys, warehouse.Query<(int Key, string Code, int From)>(
            "SELECT criterion_key, criterion_code, valid_from_year FROM dw.dim_criterion WHERE index_code = 'PAR' ORDER BY criterion_key"));
        Assert.Equal(("PAR-2948", 70.99), warehouse.Query<(string Version, double Score)>(
            "SELECT methodology_version, score FROM rpt.index_score WHERE index_code = 'PAR'").Single());
        Assert.Equal(
            SeedData.ReadCsv("par-criterion-mapping.csv").Count,
            (int)warehouse.Query<long>("SELECT COUNT(*) FROM dw.par_criterion_mapping").Single());
        Assert.Equal(2L, warehouse.Query<long>("SELECT COUNT(*) FROM etl.seed_state WHERE seed_name IN ('criteria-par.csv', 'par-criterion-mapping.csv')").Single());
    }
}
