using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Tests.Analytics;

/// <summary>Across the 1 July 2025 reform (63 → 34 provinces, new keys 100 + code).</summary>
public sealed class ReformTests
{
    private static readonly IReadOnlyDictionary<int, ProvinceInfo> Lineage = ProvinceCatalog.Default.All.ToDictionary(
        p => p.Key, p => new ProvinceInfo(p.Key, p.GsoCode, p.ShortName, p.ValidFrom, p.ValidTo, p.FormedFromCodes));

    private static IndexYear Year(int year)
    {
        var b = new TableBuilder(IndexCodes.Par, year).Criterion("1", null, 100);
        foreach (var p in ProvinceCatalog.Default.ValidAtEndOf(year))
        {
            b.Province(p.Key, new Dictionary<string, decimal> { ["1"] = 50m + (p.Key % 37) });
        }

        return b.Build();
    }

    [Fact]
    public void A_merged_province_has_no_previous_rank_and_shows_its_constituents()
    {
        var y2024 = Year(2024);
        var y2025 = Year(2025);
        Assert.Equal(63, y2024.ProvincesRanked);
        Assert.Equal(34, y2025.ProvincesRanked);

        var a = RankAttributor.Attribute(y2025, y2024, 168, Lineage); // Lâm Đồng, formed from Bình Thuận 60, Đắk Nông 67, Lâm Đồng 68

        Assert.Equal(ComparisonStatus.MergedProvince, a.Status);
        Assert.Null(a.RankChange);
        Assert.Null(a.PreviousRank);
        Assert.Empty(a.Components);
        Assert.Equal(["60", "67", "68"], a.Constituents.Select(c => c.Province.Code));
        foreach (var c in a.Constituents)
        {
            Assert.Equal(y2024.Province(c.Province.Key)!.PublishedRank, c.Rank);
            Assert.Equal(63, c.ProvincesRanked);
        }

        Assert.Contains("no 2024 rank of its own", a.Message, StringComparison.Ordinal);
        Assert.Null(ScoreWaterfall.From(a));
    }

    [Fact]
    public void A_province_formed_from_one_predecessor_is_compared_with_it_and_the_peer_set_change_is_the_peer_effect()
    {
        var y2024 = Year(2024);
        var y2025 = Year(2025);

        var a = RankAttributor.Attribute(y2025, y2024, 104, Lineage); // Cao Bằng, unchanged by the reform

        Assert.Equal(ComparisonStatus.Compared, a.Status);
        Assert.Equal(4, a.PreviousEntity!.Key);
        Assert.Equal((Fraction)a.RankChange!.Value, a.AttributedRankChange);
        Assert.Contains(a.Notes, n => n.Contains("from 63 to 34", StringComparison.Ordinal));
    }
}
