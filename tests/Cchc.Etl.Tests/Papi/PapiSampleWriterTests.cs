using System.Security.Cryptography;
using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Etl.Sources.Papi;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Tests.Papi;

/// <summary>The synthetic PAPI sample: deterministic, in the real layout, and read back by the real parser.</summary>
public sealed class PapiSampleWriterTests(PapiSampleWriterTests.Sample sample) : IClassFixture<PapiSampleWriterTests.Sample>
{
    [Fact]
    public void The_sample_is_deterministic()
    {
        var again = new PapiSampleWriter().Write(Path.Combine(sample.Temp.Directory, "again")).Single();
        Assert.Equal("papi", sample.File.Kind);
        Assert.Equal(SHA256.HashData(File.ReadAllBytes(sample.File.Path)), SHA256.HashData(File.ReadAllBytes(again.Path)));
    }

    [Fact]
    public void The_sample_has_the_real_layout_and_parses_as_synthetic_PAPI_2011_to_2024()
    {
        var workbook = Workbook.Open(sample.File.Path);

        Assert.True(SyntheticMarker.IsSynthetic(workbook));
        var sheet2017 = workbook.SheetNamed("2017_PAPI")!;
        Assert.Equal(["tinhid", "tentinh_eng", "tentinh_vie", "Participation at Local Levels"], Enumerable.Range(0, 4).Select(c => sheet2017.Text(0, c)));
        Assert.Equal("Tham gia của người dân ở cấp cơ sở", sheet2017.Text(1, 3));
        Assert.Equal(("68", "Lam Dong", "Lâm Đồng"), (sheet2017.Text(45, 0), sheet2017.Text(45, 1), sheet2017.Text(45, 2)));

        var parsed = new PapiSource().Parse(workbook);

        Assert.Empty(parsed.Rejected);
        Assert.Equal(Enumerable.Range(2011, 14), parsed.Years);
        Assert.All(parsed.Scores, s => Assert.True(s.IsSynthetic));
        foreach (var year in parsed.Years)
        {
            var ofYear = parsed.Scores.Where(s => s.Year == year).ToList();
            Assert.Equal(63, ofYear.Select(s => s.ProvinceCode).Distinct().Count());
            Assert.Equal(year <= 2017 ? 6 : 8, ofYear.Where(s => s.CriterionCode.Count(c => c == '.') == 1).Select(s => s.CriterionCode).Distinct().Count());
            Assert.Equal(63, ofYear.Count(s => s.CriterionCode == "TOTAL"));
        }
    }

    [Fact]
    public void The_sample_loads_as_synthetic_with_consistent_totals_and_scales()
    {
        var file = sample.File;
        var loader = LoaderRegistry.Recognise(file.Path);
        Assert.Equal("papi", loader?.Kind);

        var w = sample.Temp.Warehouse;
        var result = loader!.Load(w, w.StartRun("test"), file.Path);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.RowsQuarantined);
        Assert.Equal(0L, w.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE NOT is_synthetic").Single());
        Assert.Equal(0L, w.Query<long>("SELECT COUNT(*) FROM rpt.index_score WHERE score > max_points OR score < max_points / 10").Single());
        var gap = w.Query<double>(
            """
            SELECT MAX(ABS(t.score - d.s)) FROM rpt.index_score t
            JOIN (SELECT year, province_code, SUM(score) AS s FROM rpt.index_score WHERE level = 1 GROUP BY ALL) d USING (year, province_code)
            WHERE t.criterion_code = 'TOTAL'
            """).Single();
        Assert.True(gap < 1e-5, $"total differs from the sum of dimensions by {gap}");
    }

    [Fact]
    public void Synthetic_PAPI_follows_the_shared_latent_province_quality()
    {
        var totals = new PapiSource().Parse(Workbook.Open(sample.File.Path)).Scores
            .Where(s => s.CriterionCode == "TOTAL" && s.Year == 2020)
            .Select(s => (Total: s.Score!.Value, Quality: SyntheticProvinces.QualityOf(ProvinceCatalog.Default.ByCode(s.ProvinceCode, 2020)!)))
            .ToList();

        Assert.Equal(63, totals.Count);
        Assert.True(Correlation(totals.Select(t => t.Total).ToList(), totals.Select(t => t.Quality).ToList()) > 0.7);
    }

    /// <summary>Participation (D1) and Transparency (D2) are generated identically: the same loading on quality and the
    /// same noise. Across provinces and years their correlation with quality is alike, and clearly above the rest.</summary>
    [Fact]
    public void Two_dimensions_are_generated_identically()
    {
        Assert.Equal(PapiSampleWriter.QualityLoading["PAPI.D1"], PapiSampleWriter.QualityLoading["PAPI.D2"]);
        var scores = new PapiSource().Parse(Workbook.Open(sample.File.Path)).Scores.Where(s => s.Year >= 2012).ToList();
        double WithQuality(string code)
        {
            var rows = scores.Where(s => s.CriterionCode == code).ToList();
            return Correlation(rows.Select(s => s.Score!.Value).ToList(), rows.Select(s => SyntheticProvinces.QualityOf(ProvinceCatalog.Default.ByCode(s.ProvinceCode, s.Year)!)).ToList());
        }

        var (d1, d2, d3) = (WithQuality("PAPI.D1"), WithQuality("PAPI.D2"), WithQuality("PAPI.D3"));
        Assert.True(Math.Abs(d1 - d2) < 0.1, $"D1 {d1:0.00}, D2 {d2:0.00}");
        Assert.True(Math.Min(d1, d2) > d3 + 0.1, $"D1 {d1:0.00}, D2 {d2:0.00}, D3 {d3:0.00}");
    }

    /// <summary>The sample written once for the class, in a temporary folder beside an empty warehouse.</summary>
    public sealed class Sample : IDisposable
    {
        public Sample()
        {
            File = new PapiSampleWriter().Write(Temp.Directory).Single();
        }

        public TempWarehouse Temp { get; } = new();

        public SampleFile File { get; }

        public void Dispose() => Temp.Dispose();
    }

    private static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return cov / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
