using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Pci;

public sealed class PciSampleWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Synthetic_workbooks_round_trip_through_the_real_parser_as_synthetic()
    {
        var files = new PciSampleWriter().Write(_folder.Path);
        var source = new PciSource();

        var years = new List<int>();
        foreach (var file in files)
        {
            var workbook = Workbook.Open(file.Path);
            var parsed = source.Parse(workbook);
            var year = parsed.Years.Single();
            years.Add(year);
            var expected = PciSampleWriter.Scores(year);
            var loaded = parsed.Scores.ToDictionary(s => (s.ProvinceCode, s.CriterionCode));

            Assert.Equal("pci", file.Kind);
            Assert.True(SyntheticMarker.IsSynthetic(workbook));
            Assert.True(source.Recognises(workbook));
            Assert.Empty(parsed.Rejected);
            Assert.All(parsed.Scores, s => Assert.True(s.IsSynthetic));
            Assert.Equal(63 * (PciCatalogue.SubIndicesIn(year).Count + 1), parsed.Scores.Count);
            foreach (var row in expected)
            {
                var total = loaded[(row.Province.GsoCode, IndexCodes.Total)];
                Assert.Equal((row.Total, row.Rank), (total.Score!.Value, total.Rank!.Value));
                foreach (var (code, value) in row.Values)
                {
                    Assert.Equal(value, loaded[(row.Province.GsoCode, code)].Score);
                }
            }
        }

        Assert.Equal(Enumerable.Range(2012, 13), years);
    }

    [Theory]
    [InlineData(2012)]
    [InlineData(2017)]
    [InlineData(2024)]
    public void Synthetic_scores_are_plausible_weighted_and_ranked_like_the_real_index(int year)
    {
        var rows = PciSampleWriter.Scores(year);
        var subIndices = PciCatalogue.SubIndicesIn(year);

        Assert.Equal(63, rows.Count);
        Assert.All(rows, r => Assert.Equal(subIndices.Select(s => s.Code), r.Values.Keys));
        Assert.All(rows.SelectMany(r => r.Values.Values), v => Assert.InRange(v, 3.0, 9.5));
        Assert.All(rows, r => Assert.InRange(Math.Abs((10 * subIndices.Sum(s => s.Weight!.Value * r.Values[s.Code])) - r.Total), 0, 0.0001));
        Assert.InRange(rows.Min(r => r.Total), 45, 60);
        Assert.InRange(rows.Max(r => r.Total), 68, 80);
        Assert.Equal(1, rows.Min(r => r.Rank));
        Assert.All(rows, a => Assert.All(rows, b => Assert.True(a.Total <= b.Total || a.Rank < b.Rank)));
    }

    [Fact]
    public void Provinces_keep_their_standing_across_years_through_the_shared_latent_quality()
    {
        var first = PciSampleWriter.Scores(2012).ToDictionary(r => r.Province.Key, r => r.Total);
        var last = PciSampleWriter.Scores(2024).ToDictionary(r => r.Province.Key, r => r.Total);
        var keys = first.Keys.ToList();
        var correlation = Correlation(keys.Select(k => first[k]).ToList(), keys.Select(k => last[k]).ToList());
        var quality = Correlation(keys.Select(k => SyntheticProvinces.Quality(k)).ToList(), keys.Select(k => first[k]).ToList());

        Assert.InRange(correlation, 0.3, 0.95);
        Assert.InRange(quality, 0.5, 1.0);
    }

    /// <summary>The planted truth: transparency (PCI.3) and labour policy (PCI.9) load on the province's quality far more
    /// than any other sub-index, and every sub-index has its own persistent province strength.</summary>
    [Fact]
    public void The_planted_sub_indices_follow_the_province_quality_more_than_the_others()
    {
        var rows = Enumerable.Range(2012, 13).SelectMany(PciSampleWriter.Scores).ToList();
        double WithQuality(string code)
        {
            var having = rows.Where(r => r.Values.ContainsKey(code)).ToList();
            return Correlation(having.Select(r => SyntheticProvinces.QualityOf(r.Province)).ToList(), having.Select(r => r.Values[code]).ToList());
        }

        var planted = PciSampleWriter.Planted.Select(WithQuality).ToList();
        var others = PciCatalogue.SubIndicesIn(2024).Select(s => s.Code).Where(c => !PciSampleWriter.Planted.Contains(c)).Select(WithQuality).ToList();

        Assert.All(planted, r => Assert.True(r > 0.75, $"planted sub-index correlation {r:0.00}"));
        Assert.All(others, r => Assert.InRange(r, -0.1, 0.45));
    }

    [Fact]
    public void The_sample_is_byte_for_byte_deterministic()
    {
        var a = PciSampleWriter.WriteYear(Path.Combine(_folder.Path, "a"), 2019);
        var b = PciSampleWriter.WriteYear(Path.Combine(_folder.Path, "b"), 2019);

        Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
    }

    [Fact]
    public void The_sample_loads_as_synthetic_and_the_pci_writer_runs_first()
    {
        using var temp = new TempWarehouse();
        var file = PciSampleWriter.WriteYear(_folder.Path, 2018);

        var result = LoaderRegistry.Recognise(file.Path)!.Load(temp.Warehouse, temp.Warehouse.StartRun("sample"), file.Path);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(
            (693L, 693L),
            temp.Warehouse.Query<(long, long)>("SELECT COUNT(*), COUNT(*) FILTER (WHERE is_synthetic) FROM rpt.index_score").Single());
        Assert.Equal("pci", SampleGenerator.WriteAll(Path.Combine(_folder.Path, "all"))[0].Kind);
    }

    private static double Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (mx, my) = (x.Average(), y.Average());
        var cov = x.Zip(y).Sum(p => (p.First - mx) * (p.Second - my));
        return cov / Math.Sqrt(x.Sum(v => (v - mx) * (v - mx)) * y.Sum(v => (v - my) * (v - my)));
    }
}
