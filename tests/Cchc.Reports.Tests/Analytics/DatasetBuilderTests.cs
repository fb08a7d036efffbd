using Cchc.Reports.Analytics.Models;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

public sealed class DatasetBuilderTests
{
    private static IndexYear Table(string index, int year, string[] codes, int provinces = 5, decimal max = 10)
    {
        var b = new TableBuilder(index, year);
        foreach (var c in codes)
        {
            b.Criterion(c, null, max);
        }

        for (var p = 1; p <= provinces; p++)
        {
            b.Province(p, codes.ToDictionary(c => c, c => (decimal)((p * 7 + year + c.Length) % 10)));
        }

        return b.Build();
    }

    [Fact]
    public void Cross_index_rank_uses_the_other_indices_parts_present_every_year()
    {
        var tables = new List<IndexYear>();
        foreach (var year in new[] { 2016, 2017, 2018, 2019 })
        {
            tables.Add(Table(IndexCodes.Par, year, ["1", "2"], max: 20));
            tables.Add(Table(IndexCodes.Pci, year, ["PCI.1", "PCI.2"]));
            tables.Add(Table(IndexCodes.Papi, year, year < 2018 ? ["PAPI.D1"] : ["PAPI.D1", "PAPI.D7"]));
        }

        tables.Add(Table(IndexCodes.Par, 2025, ["1", "2"]));

        var d = DatasetBuilder.CrossIndexRank(tables, IndexCodes.Par, new Dictionary<(int, int), double> { [(1, 2017)] = 0.9 });

        Assert.Equal(["PCI.1 Criterion PCI.1", "PCI.2 Criterion PCI.2", "PAPI.D1 Criterion PAPI.D1"], d.FeatureNames);
        Assert.Equal([2016, 2017, 2018, 2019], d.Years);
        Assert.Equal(4 * 5, d.Rows.Count);
        var row = d.Rows.Single(r => r.Province.Key == 2 && r.Year == 2018);
        Assert.Equal(tables.Single(t => t.IndexCode == IndexCodes.Par && t.Year == 2018).Province(2)!.PublishedRank, (int)row.Target);
        Assert.Equal(tables.Single(t => t.IndexCode == IndexCodes.Par && t.Year == 2017).Province(2)!.PublishedRank, (int?)row.PreviousTarget);
        Assert.Equal((double)(tables.Single(t => t.IndexCode == IndexCodes.Pci && t.Year == 2018).Province(2)!.Score("PCI.1")!.Value / 10m), row.Features[0]);
        Assert.Equal([2018], row.DataYears);
        Assert.Contains(d.Notes, n => n.Contains("PAPI.D7", StringComparison.Ordinal));
        Assert.Contains(d.Notes, n => n.Contains("rank 34 provinces", StringComparison.Ordinal));
        Assert.Contains(d.Notes, n => n.Contains("One-stop on-time rates cover 1 of 20", StringComparison.Ordinal));
    }

    [Fact]
    public void Next_year_rank_change_pairs_consecutive_years_and_skips_the_reform()
    {
        var tables = new[] { 2022, 2023, 2024, 2025 }.Select(y => Table(IndexCodes.Par, y, ["1", "2"])).ToList();

        var d = DatasetBuilder.NextYearRankChange(tables, IndexCodes.Par);

        Assert.Equal([2022, 2023], d.Years);
        var row = d.Rows.Single(r => r.Province.Key == 3 && r.Year == 2023);
        var rank = (int Year) => tables.Single(t => t.Year == Year).Province(3)!.PublishedRank!.Value;
        Assert.Equal(rank(2024) - rank(2023), row.Target);
        Assert.Equal(rank(2023) - rank(2022), row.PreviousTarget);
        Assert.Equal([2023, 2024], row.DataYears);
        Assert.Contains(d.Notes, n => n.Contains("spans the reform", StringComparison.Ordinal));
    }
}
