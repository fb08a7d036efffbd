using Cchc.Etl.Loading;
using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Pci;

/// <summary>The real VCCI workbooks 2005–2019 from ../shared, loaded into a warehouse and checked against the files.</summary>
[Collection(RealPciGroup.Name)]
public sealed class RealPciFilesTests(RealPciFixture fixture)
{
    private static readonly int[] AllYears = Enumerable.Range(2005, 15).ToArray();

    private IWarehouse W => fixture.Warehouse.Warehouse;

    private (double Score, int Rank) Total(int year, string gso) =>
        W.Query<(double, int)>(
            "SELECT score, rank FROM rpt.index_score WHERE year = @year AND province_code = @gso AND criterion_code = 'TOTAL'",
            new { year, gso }).Single();

    private double Score(int year, string gso, string criterion) =>
        W.Query<double>(
            "SELECT score FROM rpt.index_score WHERE year = @year AND province_code = @gso AND criterion_code = @criterion",
            new { year, gso, criterion }).Single();

    [Fact]
    public void Every_workbook_from_2005_to_2019_loads_without_quarantined_rows()
    {
        Assert.Equal(15, fixture.Files.Count);
        Assert.Equal(fixture.Files.Count, fixture.Parsed.Count);
        Assert.IsType<IndexFileLoader>(LoaderRegistry.ForKind("pci"));
        Assert.All(fixture.Results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(AllYears, fixture.Results.Select(r => r.Years!.Single()));
        Assert.All(fixture.Results, r => Assert.Equal(0, r.RowsQuarantined));
        Assert.Equal(fixture.Results.Sum(r => r.RowsLoaded), W.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score WHERE index_code = 'PCI'").Single());
        Assert.Equal(15L, W.Query<long>("SELECT COUNT(*) FROM etl.file WHERE kind = 'pci' AND status = 'loaded'").Single());
        Assert.Equal(0L, W.Query<long>("SELECT COUNT(*) FROM etl.quarantine").Single());
        Assert.Equal(0L, W.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE is_synthetic").Single());
    }

    [Fact]
    public void Pci_2017_Quang_Ninh_is_first_with_70_69_and_Lam_Dong_22nd_with_63_50()
    {
        var quangNinh = Total(2017, "22");
        var lamDong = Total(2017, "68");

        Assert.Equal((70.69, 1), (Math.Round(quangNinh.Score, 2), quangNinh.Rank));
        Assert.Equal((63.50, 22), (Math.Round(lamDong.Score, 2), lamDong.Rank));
        Assert.Equal("Tỉnh Lâm Đồng", W.Query<string>("SELECT DISTINCT province_name FROM rpt.index_score WHERE year = 2017 AND province_code = '68'").Single());
    }

    [Theory]
    [InlineData(2005, 42)]
    [InlineData(2006, 64)]
    [InlineData(2007, 64)]
    [InlineData(2008, 64)]
    [InlineData(2009, 63)]
    [InlineData(2013, 63)]
    [InlineData(2019, 63)]
    public void Each_year_has_the_published_number_of_provinces_for_every_criterion(int year, int provinces)
    {
        var counts = W.Query<(string Criterion, long Provinces)>(
            "SELECT criterion_code, COUNT(DISTINCT province_code) FROM rpt.index_score WHERE year = @year GROUP BY criterion_code",
            new { year });

        Assert.All(counts, c => Assert.Equal(provinces, c.Provinces));
        var haTay = W.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE year = @year AND province_code = '28'", new { year }).Single();
        Assert.Equal(year is >= 2005 and <= 2008, haTay > 0);
    }

    [Fact]
    public void Every_year_from_2009_has_the_63_provinces()
    {
        var years = W.Query<(int Year, long Provinces)>(
            "SELECT year, COUNT(DISTINCT province_code) FROM rpt.index_score WHERE year >= 2009 GROUP BY year ORDER BY year");

        Assert.Equal(Enumerable.Range(2009, 11).Select(y => (y, 63L)), years);
    }

    [Fact]
    public void Summary_and_highlight_rows_below_the_tables_are_never_loaded()
    {
        foreach (var parsed in fixture.Parsed.Values)
        {
            var year = parsed.Years.Single();
            foreach (var criterion in parsed.Scores.GroupBy(s => s.CriterionCode))
            {
                // The province rows of a criterion are one contiguous block: nothing from Min/Median/Max or the
                // repeated Hà Nội / HCMC highlight rows further down.
                var rows = criterion.Select(s => s.Source.Row!.Value).ToList();
                Assert.True(rows.Max() - rows.Min() + 1 == rows.Count, $"{year} {criterion.Key}: rows {rows.Min()}–{rows.Max()} for {rows.Count} provinces");
            }
        }

        // The 2017 Summary repeats Hà Nội in row 66 below the table; it is loaded from its own row 25 only.
        var haNoi = fixture.ParsedYear(2017).Scores.Where(s => s.ProvinceCode == "01").ToList();
        Assert.Equal(11, haNoi.Count);
        Assert.All(haNoi, s => Assert.Equal(25, s.Source.Row));
    }

    [Fact]
    public void Published_ranks_follow_the_weighted_scores_in_every_year()
    {
        foreach (var year in AllYears)
        {
            var totals = W.Query<(string Province, double Score, int Rank, string Source)>(
                "SELECT province_code, score, rank, rank_source FROM rpt.index_score WHERE year = @year AND criterion_code = 'TOTAL' ORDER BY rank, province_code",
                new { year });

            Assert.All(totals, t => Assert.Equal("published", t.Source));
            Assert.Equal(1, totals[0].Rank);
            for (var i = 1; i < totals.Count; i++)
            {
                var (better, worse) = (totals[i - 1], totals[i]);
                Assert.True(better.Score >= worse.Score, $"{year}: rank {better.Rank} ({better.Province}, {better.Score}) scores below rank {worse.Rank} ({worse.Province}, {worse.Score})");
                Assert.True(worse.Rank == better.Rank ? better.Score == worse.Score : worse.Rank > better.Rank, $"{year}: tie or gap at rank {worse.Rank}");
            }
        }
    }

    [Fact]
    public void Every_sub_index_value_is_within_0_and_10()
    {
        var outside = W.Query<(int Year, string Province, string Criterion, double Score)>(
            "SELECT year, province_code, criterion_code, score FROM rpt.index_score WHERE level = 1 AND (score < 0 OR score > 10)");

        Assert.Empty(outside);
        Assert.Equal(0L, W.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE level = 0 AND (score < 0 OR score > 100)").Single());
    }

    [Fact]
    public void Each_year_has_exactly_the_sub_indices_of_its_catalogue_version()
    {
        foreach (var year in AllYears)
        {
            var loaded = W.Query<(string Code, string Version)>(
                "SELECT DISTINCT criterion_code, methodology_version FROM rpt.index_score WHERE year = @year AND level = 1 ORDER BY criterion_code",
                new { year });
            var expected = PciCatalogue.SubIndicesIn(year);

            Assert.Equal(expected.Select(c => c.Code).Order(StringComparer.Ordinal), loaded.Select(l => l.Code));
            Assert.All(loaded, l => Assert.Equal(expected[0].VersionCode, l.Version));
        }

        Assert.Equal(9, PciCatalogue.SubIndicesIn(2005).Count);
        Assert.All(new[] { 2006, 2007, 2008 }, y => Assert.Equal(10, PciCatalogue.SubIndicesIn(y).Count));
        Assert.All(new[] { 2009, 2010, 2011, 2012 }, y => Assert.Equal(9, PciCatalogue.SubIndicesIn(y).Count));
        Assert.All(Enumerable.Range(2013, 7), y => Assert.Equal(10, PciCatalogue.SubIndicesIn(y).Count));
    }

    [Fact]
    public void The_catalogue_weights_reproduce_every_published_weighted_pci()
    {
        foreach (var parsed in fixture.Parsed.Values)
        {
            var year = parsed.Years.Single();
            var weights = PciCatalogue.SubIndicesIn(year).ToDictionary(c => c.Code, c => c.Weight!.Value);
            Assert.Equal(1.0, weights.Values.Sum(), 3);
            foreach (var province in parsed.Scores.GroupBy(s => s.ProvinceCode))
            {
                var published = province.Single(s => s.CriterionCode == IndexCodes.Total).Score!.Value;
                var weighted = 10 * province.Where(s => s.CriterionCode != IndexCodes.Total).Sum(s => weights[s.CriterionCode] * s.Score!.Value);
                if (year == 2011)
                {
                    // VCCI's 2011 totals sit 0.05–0.55 points above the weighted sub-indices (noted in the catalogue).
                    Assert.InRange(published - weighted, 0.0, 0.6);
                }
                else
                {
                    Assert.True(Math.Abs(published - weighted) < 0.005, $"{year} {province.Key}: published {published}, weighted {weighted}");
                }
            }
        }
    }

    // Exact values read from the files (cell noted), per layout family.
    [Theory]
    [InlineData(2005, "74", "TOTAL", 76.81896532924489, 1)] // row per province; rank from sheet 'Xếp hạng theo chỉ số PCI'
    [InlineData(2005, "28", "TOTAL", 38.806472891951096, 42)] // Hà Tây, last
    [InlineData(2005, "92", "PCI.1", 6.127855759870587, null)] // 'Bảng tóm tắt chỉ số' F3 (Cần Thơ)
    [InlineData(2005, "92", "PCI.11", 5.966134545428577, null)] // K3: implementation of central policies
    [InlineData(2006, "74", "TOTAL", 76.23340820540244, 1)] // rank = running number of a table sorted by the total
    [InlineData(2006, "12", "TOTAL", 36.759446875273476, 64)] // Lai Châu
    [InlineData(2006, "28", "PCI.10", 3.1262848930430702, null)] // Hà Tây, L64
    [InlineData(2007, "77", "TOTAL", 65.63372, 8)] // 'Bà Rịa - Vũng Tàu'
    [InlineData(2007, "67", "TOTAL", 37.95914, 64)] // 'Đak Nông'
    [InlineData(2008, "48", "TOTAL", 72.18393, 1)] // sorted columns: X/Y pair, rank = 'Thứ tự'
    [InlineData(2008, "11", "TOTAL", 36.39006, 64)]
    [InlineData(2008, "87", "PCI.2", 8.054104, null)] // D3/E3: Đồng Tháp first on land access
    [InlineData(2008, "01", "PCI.2", 4.726562, null)] // D66/E66: Hà Nội last on land access
    [InlineData(2009, "48", "TOTAL", 75.95631, 1)] // row per province sorted by PCI code, rank column B
    [InlineData(2009, "01", "PCI.1", 8.351827, null)]
    [InlineData(2010, "48", "TOTAL", 69.765929, 1)] // sorted columns with an explicit rank column
    [InlineData(2010, "01", "TOTAL", 55.7301765, 43)] // matches the highlight row 67 (W) and 68 (Y)
    [InlineData(2010, "45", "PCI.1", 8.11149, null)] // 'Quang Tri' B2/C2
    [InlineData(2011, "10", "TOTAL", 73.53, 1)] // Lào Cai
    [InlineData(2013, "79", "PCI.8", 7.141591, null)] // 'HCMC' P2/Q2
    [InlineData(2013, "79", "TOTAL", 61.19211, 10)] // matches the HCMC highlight row
    [InlineData(2014, "48", "TOTAL", 66.86679, 1)] // 'Summary_VN', not the hidden stale 'Summary' (2013)
    [InlineData(2016, "15", "TOTAL", 57.276344299316406, 47)] // Yên Bái, the 2016 highlight row
    [InlineData(2017, "89", "PCI.1", 8.674999237060547, null)] // 'Summary' D2 (An Giang)
    [InlineData(2019, "86", "TOTAL", 71.3024673461914, 3)] // 'Vinh Long'
    public void Known_cells_load_exactly(int year, string gso, string criterion, double score, int? rank)
    {
        Assert.Equal(score, Score(year, gso, criterion), 9);
        if (rank is not null)
        {
            Assert.Equal(rank, Total(year, gso).Rank);
        }
    }

    [Theory]
    [InlineData("PAPI 2011-2019.xlsx")]
    [InlineData("2019_PAPI_Provincial_indicators2019_VIE_ENG.xlsx")]
    public void Papi_workbooks_are_not_recognised_as_pci(string file)
    {
        var workbook = Workbook.Open(SharedData.Path("data", "real", "papi", file));

        Assert.False(new PciSource().Recognises(workbook));
    }

    [Fact]
    public void Loading_a_file_twice_does_not_duplicate_anything()
    {
        using var temp = new TempWarehouse();
        var loader = LoaderRegistry.ForKind("pci")!;
        var file = Path.Combine(SharedData.PciFolder, "PCI 2010.xls");
        var first = loader.Load(temp.Warehouse, temp.Warehouse.StartRun("first"), file);
        var count = temp.Warehouse.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single();
        var second = loader.Load(temp.Warehouse, temp.Warehouse.StartRun("second"), file);

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal(630L, count);
        Assert.Equal(count, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
        Assert.Equal(count, temp.Warehouse.Query<long>("SELECT COUNT(*) FROM rpt.index_score").Single());
    }
}
