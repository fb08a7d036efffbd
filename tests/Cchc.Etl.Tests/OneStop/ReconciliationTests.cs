using Cchc.Warehouse;

namespace Cchc.Etl.Tests.OneStop;

public sealed class ReconciliationTests
{
    /// <summary>PAR sub-criteria 3.4.1–3.4.3 as the PAR catalogue defines them (added here only if the seed lacks them).</summary>
    private static void EnsureParSubCriteria(IWarehouse w)
    {
        foreach (var (code, key) in new[] { ("3.4.1", 9341), ("3.4.2", 9342), ("3.4.3", 9343) })
        {
            w.Execute(
                """
                INSERT INTO dw.dim_criterion (criterion_key, index_code, version_code, criterion_code, parent_code, level, name_vi, name_en, max_points, valid_from_year, is_illustrative)
                SELECT @key, 'PAR', 'PAR-test', @code, '3.4', 3, 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'On-time dossiers', 1.0, 2012, FALSE
                WHERE NOT EXISTS (SELECT 1 FROM dw.dim_criterion WHERE index_code = 'PAR' AND criterion_code = @code)
                """, new { key, code });
        }
    }

    [Fact]
    public void The_yearly_log_rate_per_level_sits_beside_the_par_sub_criterion()
    {
        using var f = new LogFixture();
        EnsureParSubCriteria(f.Warehouse);
        var run = f.Warehouse.StartRun("par");
        using (var session = f.Warehouse.BeginFile(run, new SourceFileInfo("/tmp/par-2024.xlsx", "par", "x", 1)))
        {
            var source = new SourceLocation("par-2024.xlsx");
            var rejected = session.ReplaceScores(IndexCodes.Par, [2024], [
                new ScoreRecord(IndexCodes.Par, 2024, "68", "3.4.1", 0.75, null, true, source),
                new ScoreRecord(IndexCodes.Par, 2024, "68", "3.4.3", 1.0, null, true, source),
            ]);
            Assert.Empty(rejected);
            session.Commit(new FileLoadOutcome(2, 0, "loaded"));
        }

        // Province level: 3 on time of 4 rated (+1 withdrawn, left out); commune: 1 of 2; district: no PAR score loaded.
        Assert.True(f.Load(f.Write("2024.csv",
            "P1;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;08/04/2024;;",
            "P2;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;10/04/2024;;",
            "P3;;;;Sở Xây dựng;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/05/2024;10/05/2024;09/05/2024;;",
            "P4;;;;Sở Xây dựng;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/05/2024;10/05/2024;15/05/2024;;",
            "P5;;;;Sở Xây dựng;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/05/2024;10/05/2024;;;Rút hồ sơ",
            "C1;;;;UBND xã Tà Nung;Cấp xã;Lâm Đồng;Trực tuyến;;01/06/2024;02/06/2024;02/06/2024;;",
            "C2;;;;UBND xã Tà Nung;Cấp xã;Lâm Đồng;Trực tuyến;;01/06/2024;02/06/2024;05/06/2024;;",
            "D1;;;;UBND huyện Lâm Hà;Cấp huyện;Lâm Đồng;Trực tiếp;;01/06/2024;12/06/2024;11/06/2024;;")).Succeeded);

        var rows = f.Warehouse.Query<(int Year, string Province, string Level, string Criterion, long Rated, double LogRate, double? Points, double? Implied, double? Difference)>(
            """
            SELECT year, province_code, level_code, criterion_code, rated, log_on_time_rate, par_points, par_implied_rate, rate_difference
            FROM rpt.dossier_par_reconciliation ORDER BY criterion_code
            """);
        Assert.Equal(3, rows.Count);
        Assert.Equal((2024, "68", "province", "3.4.1", 4L, 0.75, 0.75, 0.75), (rows[0].Year, rows[0].Province, rows[0].Level, rows[0].Criterion, rows[0].Rated, rows[0].LogRate, rows[0].Points, rows[0].Implied));
        Assert.Equal(0.0, rows[0].Difference!.Value, 10);
        Assert.Equal(("district", "3.4.2", 1.0, (double?)null), (rows[1].Level, rows[1].Criterion, rows[1].LogRate, rows[1].Points));
        Assert.Equal(("commune", 0.5, 1.0), (rows[2].Level, rows[2].LogRate, rows[2].Implied));
        Assert.Equal(-0.5, rows[2].Difference!.Value, 10);
    }

    [Fact]
    public void Dossiers_of_2025_reconcile_with_the_merged_province_the_par_index_rates()
    {
        using var f = new LogFixture();
        Assert.True(f.Load(f.Write("2025.csv",
            "A;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;02/01/2025;10/01/2025;08/01/2025;;",
            "B;;;;Sở Y tế;Cấp tỉnh;Đắk Nông;Trực tiếp;;02/03/2025;10/03/2025;12/03/2025;;",
            "C;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;02/08/2025;10/08/2025;08/08/2025;;")).Succeeded);
        var rows = f.Warehouse.Query<(int Year, int ProvinceKey, long Rated, long OnTime)>(
            "SELECT year, province_key, rated, on_time FROM rpt.dossier_par_reconciliation");
        Assert.Equal([(2025, 168, 3L, 2L)], rows);
    }
}
