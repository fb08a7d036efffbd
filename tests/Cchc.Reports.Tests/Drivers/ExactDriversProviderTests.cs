using Cchc.Reports.Drivers;
using Cchc.Reports.ReportData;
using Cchc.TestSupport;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Tests.Drivers;

/// <summary>The arithmetic drivers on a hand-built four-province year with known answers.</summary>
public sealed class ExactDriversProviderTests : IDisposable
{
    private readonly TempWarehouse _temp = new();
    private readonly ExactDriversProvider _provider = new();

    // Focus province D (key 68): fields f1 30/50 and f2 38/50 = 68 in 2017; 25 + 40 = 65 in 2016.
    private static readonly (int Key, double F1, double F2)[] Year2017 = [(1, 40, 40), (2, 35, 40), (4, 30, 40), (68, 30, 38)];
    private static readonly (int Key, double F1, double F2)[] Year2016 = [(1, 40, 38), (2, 35, 39), (4, 33, 40), (68, 25, 40)];

    [Fact]
    public void Waterfall_is_the_exact_difference_by_field_and_adds_up_to_the_total_change()
    {
        var outcome = _provider.Waterfall(Query(Scores(2017, Year2017), Scores(2016, Year2016)));
        var w = Assert.IsType<ScoreWaterfall>(outcome.Value);
        Assert.Equal(nameof(ExactDriversProvider), outcome.Provider);
        Assert.Equal((65, 68), (w.PreviousTotal, w.Total));
        Assert.Equal([("F1", 5.0), ("F2", -2.0)], w.Fields.Select(f => (f.CriterionCode, f.Change)).ToList());
        Assert.Equal(w.Total - w.PreviousTotal, w.Fields.Sum(f => f.Change), 10);
    }

    [Fact]
    public void Priorities_rank_each_recovery_against_the_peers_and_order_by_places_per_point()
    {
        var plan = Assert.IsType<PriorityPlan>(_provider.Priorities(Query(Scores(2017, Year2017), null)).Value);
        Assert.Equal((4, 4), (plan.Rank, plan.Provinces));

        // Recovering F2 (12 points) gives 80: level with the leader, rank 1 → 3 places / 12 points = 0.25.
        // Recovering F1 (20 points) gives 88: rank 1 → 3 / 20 = 0.15. So F2 comes first.
        Assert.Equal(["F2", "F1"], plan.Rows.Select(r => r.CriterionCode).ToList());
        Assert.Equal((12.0, 1, 0.25), (plan.Rows[0].PointsLost, plan.Rows[0].RankIfRecovered, plan.Rows[0].PlacesPerPoint));
        Assert.Equal((20.0, 1, 0.15), (plan.Rows[1].PointsLost, plan.Rows[1].RankIfRecovered, plan.Rows[1].PlacesPerPoint));
        Assert.Equal([(12.0, 1), (32.0, 1)], plan.Curve.Select(p => (p.PointsRecovered, p.RankReached)).ToList());
    }

    [Fact]
    public void A_total_that_is_not_the_sum_of_its_fields_is_not_treated_as_additive()
    {
        var weighted = Scores(2017, Year2017, totalOffset: 3);
        Assert.False(ExactDriversProvider.IsAdditive(weighted));
        Assert.Equal(DriverGap.NotAdditive, _provider.Priorities(Query(weighted, null)).Gap);
        Assert.Equal(DriverGap.NotAdditive, _provider.Waterfall(Query(weighted, Scores(2016, Year2016))).Gap);
    }

    [Fact]
    public void Without_a_comparable_previous_year_the_waterfall_says_why()
    {
        Assert.Equal(DriverGap.NoPreviousYear, _provider.Waterfall(Query(Scores(2017, Year2017), null)).Gap);
        var otherMethod = Scores(2016, Year2016, version: "PAR-OLD");
        var outcome = _provider.Waterfall(Query(Scores(2017, Year2017), otherMethod));
        Assert.Equal(DriverGap.MethodologyChanged, outcome.Gap);
        Assert.Equal("PAR-OLD → PAR", outcome.Detail);
        Assert.Equal(DriverGap.NotProvided, _provider.Attribution(Query(Scores(2017, Year2017), null)).Gap);
    }

    public void Dispose() => _temp.Dispose();

    private DriversQuery Query(IndexYearScores current, IndexYearScores? previous) =>
        new(_temp.Warehouse, "PAR", current.Year, ProvinceCatalog.Default.ByKey(68), current, previous, previous is null ? null : 68);

    private static IndexYearScores Scores(int year, (int Key, double F1, double F2)[] provinces, double totalOffset = 0, string version = "PAR")
    {
        var rows = new List<ScoreRow>();
        var totals = provinces.ToDictionary(p => p.Key, p => p.F1 + p.F2 + totalOffset);
        foreach (var (key, f1, f2) in provinces)
        {
            var rank = 1 + totals.Values.Count(t => t > totals[key]);
            rows.Add(Row(year, key, "TOTAL", null, 0, 100, totals[key], rank, provinces.Length, version));
            rows.Add(Row(year, key, "F1", "TOTAL", 1, 50, f1, 0, provinces.Length, version));
            rows.Add(Row(year, key, "F2", "TOTAL", 1, 50, f2, 0, provinces.Length, version));
        }

        return new IndexYearScores("PAR", year, rows);
    }

    private static ScoreRow Row(int year, int key, string code, string? parent, int level, double max, double score, int rank, int n, string version) => new()
    {
        Year = year, IndexCode = "PAR", ProvinceKey = key, ProvinceCode = key.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
        ProvinceName = $"P{key}", ProvinceShortName = $"P{key}", CriterionCode = code, CriterionName = code, CriterionNameEn = code,
        ParentCriterionCode = parent, Level = level, MethodologyVersion = version, MaxPoints = max, Score = score, Rank = rank,
        RankSource = "computed", ProvincesRanked = n,
    };
}
