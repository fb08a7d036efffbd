using Cchc.Etl.Sources.Papi;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Papi;

/// <summary>The real <c>PAPI 2011-2019.xlsx</c> (UNDP) loaded through the real loader into a DuckDB warehouse.</summary>
[Collection(RealPapiTests.Name)]
public sealed class RealPapiWorkbookTests(RealPapiLoad papi)
{
    private static readonly string[] Dimensions6 = ["PAPI.D1", "PAPI.D2", "PAPI.D3", "PAPI.D4", "PAPI.D5", "PAPI.D6"];
    private static readonly string[] Dimensions8 = [.. Dimensions6, "PAPI.D7", "PAPI.D8"];

    [Fact]
    public void The_workbook_loads_every_year_2011_to_2019()
    {
        Assert.True(papi.Result.Succeeded, papi.Result.Error);
        Assert.Equal(Enumerable.Range(2011, 9), papi.Result.Years!.Order());
        Assert.Equal(Enumerable.Range(2011, 9), papi.Warehouse.Query<int>("SELECT DISTINCT year FROM rpt.index_score WHERE index_code = 'PAPI' ORDER BY year"));
        Assert.Equal(0L, papi.Warehouse.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE is_synthetic").Single());
    }

    [Fact]
    public void Every_year_names_63_provinces_and_the_Highest_summary_row_is_not_one()
    {
        var perYear = papi.Warehouse.Query<(int Year, long Provinces)>(
            "SELECT year, COUNT(DISTINCT province_code) FROM rpt.index_score WHERE index_code = 'PAPI' GROUP BY year ORDER BY year");
        Assert.Equal(Enumerable.Range(2011, 9).Select(y => (y, y == 2014 ? 61L : 63L)), perYear);

        // PAPI 2014 lists Bắc Giang (24) and Đồng Tháp (87) without any dimension score and a total of 0: they are
        // named (63 provinces) but have nothing to load, and every one of their cells is quarantined.
        var quarantined2014 = papi.Warehouse.Query<int>("SELECT DISTINCT row_number FROM etl.quarantine WHERE sheet = '2014_PAPI' ORDER BY 1");
        Assert.Equal([17, 58], quarantined2014);
        Assert.Equal(["24", "87"], papi.Warehouse.Query<string>(
            "SELECT gso_code FROM dw.dim_province WHERE province_key < 100 AND valid_to > DATE '2014-12-31' AND gso_code NOT IN " +
            "(SELECT province_code FROM rpt.index_score WHERE year = 2014) ORDER BY 1"));
        Assert.Equal(0L, papi.Warehouse.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE index_code = 'PAPI' AND province_code NOT IN (SELECT gso_code FROM dw.dim_province)").Single());
    }

    [Fact]
    public void Six_dimensions_until_2017_and_eight_in_2018_and_2019()
    {
        var dimensions = papi.Warehouse.Query<(int Year, string Code)>(
                "SELECT DISTINCT year, criterion_code FROM rpt.index_score WHERE index_code = 'PAPI' AND level = 1 ORDER BY year, criterion_code")
            .GroupBy(r => r.Year)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Code).ToArray());
        for (var year = 2011; year <= 2017; year++)
        {
            Assert.Equal(Dimensions6, dimensions[year]);
        }

        Assert.Equal(Dimensions8, dimensions[2018]);
        Assert.Equal(Dimensions8, dimensions[2019]);
    }

    [Fact]
    public void Sub_dimensions_follow_each_years_methodology()
    {
        var subCounts = papi.Warehouse.Query<(int Year, string Parent, long Subs)>(
                "SELECT year, parent_criterion_code, COUNT(DISTINCT criterion_code) FROM rpt.index_score WHERE index_code = 'PAPI' AND level = 2 GROUP BY ALL")
            .ToDictionary(r => (r.Year, r.Parent), r => r.Subs);
        Assert.Equal(4, subCounts[(2011, "PAPI.D1")]);
        Assert.Equal(3, subCounts[(2017, "PAPI.D2")]);
        Assert.Equal(4, subCounts[(2018, "PAPI.D2")]); // Access to Information added
        Assert.Equal(3, subCounts[(2015, "PAPI.D3")]);
        Assert.Equal(2, subCounts[(2018, "PAPI.D8")]);
        Assert.Equal(3, subCounts[(2019, "PAPI.D8")]); // E-Responsiveness added
        Assert.Equal(
            ["PAPI.D3.1", "PAPI.D3.2", "PAPI.D3.4"],
            papi.Warehouse.Query<string>("SELECT DISTINCT criterion_code FROM rpt.index_score WHERE year = 2016 AND parent_criterion_code = 'PAPI.D3' ORDER BY 1"));
    }

    [Theory]
    [InlineData(2017, "01", new[] { 5.2510, 5.2651, 4.6121, 5.5219, 6.9653, 7.0160 }, 34.6313)]
    [InlineData(2017, "68", new[] { 5.5805, 5.3328, 4.5118, 5.9602, 6.8134, 7.0090 }, 35.2077)]
    [InlineData(2019, "01", new[] { 5.0387, 4.9867, 4.5744, 6.1267, 7.1317, 7.0986, 2.7179, 3.8583 }, 41.5330)]
    [InlineData(2019, "68", new[] { 4.9944, 5.1025, 4.9150, 6.0166, 7.0765, 7.3032, 3.2013, 3.3590 }, 41.9686)]
    public void Ha_Noi_and_Lam_Dong_have_the_published_dimension_scores_and_total(int year, string province, double[] dimensions, double total)
    {
        for (var d = 0; d < dimensions.Length; d++)
        {
            Assert.Equal(dimensions[d], papi.Score(year, province, $"PAPI.D{d + 1}")!.Value, 4);
        }

        Assert.Null(papi.Score(year, province, $"PAPI.D{dimensions.Length + 1}"));
        Assert.Equal(total, papi.Score(year, province, "TOTAL")!.Value, 4);
        var name = papi.Warehouse.Query<string>("SELECT DISTINCT province_name FROM rpt.index_score WHERE year = @year AND province_code = @province", new { year, province }).Single();
        Assert.Equal(province == "01" ? "Thành phố Hà Nội" : "Tỉnh Lâm Đồng", name);
    }

    [Fact]
    public void Dimension_scores_lie_within_1_to_10_and_sub_dimensions_within_their_scale()
    {
        var dims = papi.Warehouse.Query<(double Min, double Max)>(
            "SELECT MIN(score), MAX(score) FROM rpt.index_score WHERE index_code = 'PAPI' AND level = 1").Single();
        Assert.InRange(dims.Min, 1.0, 10.0);
        Assert.InRange(dims.Max, 1.0, 10.0);
        var outside = papi.Warehouse.Query<long>(
            "SELECT COUNT(*) FROM rpt.index_score WHERE index_code = 'PAPI' AND (score > max_points + 0.005 OR score < max_points / 10 - 0.005)").Single();
        Assert.Equal(0L, outside);
    }

    [Fact]
    public void Each_total_is_the_sum_of_its_dimensions_and_each_dimension_the_sum_of_its_sub_dimensions()
    {
        // The 2011-2017 totals are published; they agree with the dimension sums to single-precision rounding (< 1e-5).
        var totalGaps = papi.Warehouse.Query<(int Year, long Rows, double MaxGap)>(
            """
            SELECT t.year, COUNT(*), MAX(ABS(t.score - d.sum_score))
            FROM rpt.index_score t
            JOIN (SELECT year, province_code, SUM(score) AS sum_score, COUNT(*) AS n FROM rpt.index_score
                  WHERE index_code = 'PAPI' AND level = 1 GROUP BY year, province_code) d
              ON d.year = t.year AND d.province_code = t.province_code
            WHERE t.index_code = 'PAPI' AND t.criterion_code = 'TOTAL'
            GROUP BY t.year ORDER BY t.year
            """);
        Assert.Equal(9, totalGaps.Count);
        Assert.All(totalGaps, g => Assert.True(g.MaxGap < 1e-4, $"{g.Year}: total differs from the dimension sum by {g.MaxGap}"));
        var subGap = papi.Warehouse.Query<double>(
            """
            SELECT MAX(ABS(p.score - s.sum_score)) FROM rpt.index_score p
            JOIN (SELECT year, province_code, parent_criterion_code, SUM(score) AS sum_score FROM rpt.index_score
                  WHERE index_code = 'PAPI' AND level = 2 GROUP BY ALL) s
              ON s.year = p.year AND s.province_code = p.province_code AND s.parent_criterion_code = p.criterion_code
            WHERE p.index_code = 'PAPI' AND p.level = 1
            """).Single();
        Assert.True(subGap < 1e-4, $"a dimension differs from the sum of its sub-dimensions by {subGap}");
    }

    [Fact]
    public void Unusable_cells_are_quarantined_with_sheet_row_and_column()
    {
        var rows = papi.Warehouse.Query<(string Sheet, int Row, string? Column, string Reason)>(
            "SELECT sheet, row_number, column_name, reason FROM etl.quarantine ORDER BY sheet, row_number, column_name");

        // 2014: Bắc Giang (row 17) and Đồng Tháp (row 58) have no dimension scores and a total of 0.
        Assert.Contains(rows, q => q is { Sheet: "2014_PAPI", Row: 17, Column: "AF" } && q.Reason.Contains("outside its scale 6–60"));
        Assert.Contains(rows, q => q is { Sheet: "2014_PAPI", Row: 58, Column: "D" } && q.Reason.Contains("blank"));
        Assert.Null(papi.Score(2014, "24", "TOTAL"));
        Assert.Null(papi.Score(2014, "24", "PAPI.D1"));

        // 2018: Quảng Ninh (row 16) and Đồng Tháp (row 58) have no Transparency or Control of Corruption scores (KCDL in
        // the FULL release), so their 2018 total cannot be derived; everything else of theirs is loaded.
        Assert.Contains(rows, q => q is { Sheet: "2018_PAPI", Row: 16, Column: "I" } && q.Reason.Contains("PAPI.D2"));
        Assert.Contains(rows, q => q is { Sheet: "2018_PAPI", Row: 16, Column: null } && q.Reason.Contains("TOTAL not derived") && q.Reason.Contains("PAPI.D2, PAPI.D4"));
        Assert.Null(papi.Score(2018, "22", "TOTAL"));
        Assert.Equal(5.8557, papi.Score(2018, "22", "PAPI.D1")!.Value, 4);
        Assert.Equal(80, rows.Count); // 2 × (28 blank cells + a zero total) in 2014; 2 × (10 blank cells + underived total) in 2018
    }

    [Fact]
    public void Computed_ranks_are_consistent_with_the_scores()
    {
        var ranks = papi.Warehouse.Query<(int Year, string Criterion, double Score, int Rank, string Source, int Ranked)>(
            "SELECT year, criterion_code, score, rank, rank_source, provinces_ranked FROM rpt.index_score WHERE index_code = 'PAPI' ORDER BY year, criterion_code, score DESC");
        Assert.All(ranks, r => Assert.Equal("computed", r.Source));
        foreach (var group in ranks.GroupBy(r => (r.Year, r.Criterion)))
        {
            var list = group.ToList();
            Assert.Equal(1, list[0].Rank);
            for (var i = 1; i < list.Count; i++)
            {
                var expected = list[i].Score == list[i - 1].Score ? list[i - 1].Rank : i + 1;
                Assert.Equal(expected, list[i].Rank);
            }

            Assert.All(list, r => Assert.Equal(list.Count, r.Ranked));
        }
    }

    [Fact]
    public void Reloading_the_workbook_replaces_its_years_instead_of_duplicating()
    {
        using var temp = new TempWarehouse();
        var first = papi.Load(temp.Warehouse);
        var second = papi.Load(temp.Warehouse);
        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(first.RowsLoaded, second.RowsLoaded);
        Assert.Equal((long)second.RowsLoaded, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
        Assert.Equal(0L, temp.Warehouse.Query<long>(
            "SELECT COUNT(*) FROM (SELECT year, province_code, criterion_code FROM rpt.index_score GROUP BY ALL HAVING COUNT(*) > 1)").Single());
    }

    [Fact]
    public void The_warehouse_holds_every_seeded_PAPI_criterion_the_parser_knows()
    {
        var rows = papi.Warehouse.Query<(string Code, int From)>("SELECT criterion_code, valid_from_year FROM rpt.criterion WHERE index_code = 'PAPI'");
        Assert.Equal(PapiCriteria.Default.All.Select(c => (c.Code, c.FromYear)).Order(), rows.Order());
    }

    [Fact]
    public void Every_loaded_score_points_back_to_its_sheet_and_row()
    {
        var source = papi.Warehouse.Query<(string File, string Sheet, int Row)>(
            "SELECT source_file, source_sheet, source_row FROM rpt.index_score WHERE year = 2019 AND province_code = '68' AND criterion_code = 'PAPI.D1'").Single();
        Assert.Equal(("PAPI 2011-2019.xlsx", "2019_PAPI", 46), source);
    }
}
