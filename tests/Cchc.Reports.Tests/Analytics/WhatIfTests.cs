using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Analytics.WhatIf;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

/// <summary>
/// A hand-built 63-province year: 3 fields × 2 criteria (max 10 each). Every province p ≠ 48 scores
/// 10 − (p−1)/10 on all six criteria, so its total is 60 − 0.6(p−1). Province 48 scores 4, 6 | 3, 7 | 5, 6 = 31, which
/// 48 peers beat (p ≤ 49, p ≠ 48): rank 49 of 63.
/// </summary>
public sealed class WhatIfTests
{
    private static readonly Dictionary<string, decimal> Focus = new(StringComparer.Ordinal)
    {
        ["1.1"] = 4, ["1.2"] = 6, ["2.1"] = 3, ["2.2"] = 7, ["3.1"] = 5, ["3.2"] = 6,
    };

    private static IndexYear HandBuilt(IReadOnlyDictionary<string, string>? _ = null)
    {
        var b = new TableBuilder(IndexCodes.Par, 2017).Fields(3, 2);
        for (var p = 1; p <= 63; p++)
        {
            var s = 10m - ((p - 1) / 10m);
            b.Province(p, p == 48 ? Focus : Focus.Keys.ToDictionary(c => c, _ => s));
        }

        return b.Build();
    }

    [Fact]
    public void Setting_criteria_recomputes_fields_total_and_rank()
    {
        var table = HandBuilt();
        Assert.Equal(49, table.Province(48)!.PublishedRank);

        var r = WhatIfSimulator.Apply(table, 48, new Dictionary<string, decimal> { ["2.1"] = 9, ["1.1"] = 7 });

        Assert.Equal(31m, r.OldTotal);
        Assert.Equal(40m, r.NewTotal);
        Assert.Equal(49, r.OldRank);
        Assert.Equal(35, r.NewRank); // 60 − 0.6(p−1) > 40 ⇔ p ≤ 34
        Assert.Equal(14, r.RankGain);
        Assert.Equal(["1.1", "2.1"], r.Changes.Select(c => c.Code));
        Assert.Equal([("TOTAL", 31m, 40m), ("1", 10m, 13m), ("2", 10m, 16m)], r.Recomputed.Select(c => (c.Code, c.OldScore, c.NewScore)));
    }

    [Fact]
    public void Impossible_settings_are_refused_with_a_reason()
    {
        var table = HandBuilt();
        Assert.Contains("between 0 and 10", Assert.Throws<ArgumentException>(() => WhatIfSimulator.Apply(table, 48, new Dictionary<string, decimal> { ["1.1"] = 11 })).Message, StringComparison.Ordinal);
        Assert.Contains("not both", Assert.Throws<ArgumentException>(() => WhatIfSimulator.Apply(table, 48, new Dictionary<string, decimal> { ["1"] = 12, ["1.1"] = 5 })).Message, StringComparison.Ordinal);
        Assert.Contains("no criterion '9.9'", Assert.Throws<ArgumentException>(() => WhatIfSimulator.Apply(table, 48, new Dictionary<string, decimal> { ["9.9"] = 1 })).Message, StringComparison.Ordinal);
        Assert.Contains("not the total", Assert.Throws<ArgumentException>(() => WhatIfSimulator.Apply(table, 48, new Dictionary<string, decimal> { ["TOTAL"] = 90 })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Priority_table_gives_rank_if_recovered_and_rank_per_point_in_priority_order()
    {
        var agencies = new Dictionary<string, string> { ["2"] = "Sở Tư pháp", ["3.1"] = "Sở Nội vụ" };

        var report = PriorityPlanner.Build(HandBuilt(), 48, leadAgencies: agencies);

        Assert.Equal(2, report.Level);
        Assert.Equal(
            [("3.1", 5m, 41, 8, 1.6m), ("2.1", 7m, 38, 11, 1.5714m), ("1.1", 6m, 40, 9, 1.5m), ("1.2", 4m, 43, 6, 1.5m), ("3.2", 4m, 43, 6, 1.5m), ("2.2", 3m, 45, 4, 1.3333m)],
            report.Items.Select(i => (i.Code, i.PointsLost, i.RankIfRecovered, i.RankGain, i.RankGainPerPoint)));
        Assert.Equal("Sở Nội vụ", report.Items[0].LeadAgency);
        Assert.Equal("Sở Tư pháp", report.Items[1].LeadAgency); // 2.1 inherits its field's lead agency
        Assert.Null(report.Items[2].LeadAgency);

        Assert.Equal([49, 41, 30, 20, 13, 6, 1], report.Curve.Select(c => c.Rank)); // totals 31, 36, 43, 49, 53, 57, 60
        Assert.Equal([0m, 5m, 12m, 18m, 22m, 26m, 29m], report.Curve.Select(c => c.CumulativePoints));
    }

    [Theory]
    [InlineData(30, RecoveryOutcome.Reached, new[] { "2.1", "3.1" }, 12, 30)] // needs 42.6 − 31 = 11.6: two criteria; 7 + 5 is the least pair
    [InlineData(10, RecoveryOutcome.Reached, new[] { "2.1", "1.1", "1.2", "3.2", "2.2" }, 24, 10)] // needs 23.6: five criteria, leave out the 5
    [InlineData(1, RecoveryOutcome.Reached, new[] { "3.1", "2.1", "1.1", "1.2", "3.2", "2.2" }, 29, 1)]
    [InlineData(49, RecoveryOutcome.AlreadyMet, new string[0], 0, 49)]
    public void Recovery_plan_for_a_target_rank_is_the_smallest_set(int target, RecoveryOutcome outcome, string[] codes, int points, int rankReached)
    {
        var plan = PriorityPlanner.Build(HandBuilt(), 48, targetRank: target).Plan!;

        Assert.Equal(outcome, plan.Outcome);
        Assert.Equal(codes.Order(), plan.Chosen.Select(c => c.Code).Order());
        Assert.Equal(points, plan.PointsRecovered);
        Assert.Equal(rankReached, plan.RankReached);
    }

    [Fact]
    public void Recovery_plan_says_when_the_target_is_out_of_reach()
    {
        var b = new TableBuilder(IndexCodes.Par, 2017).Fields(1, 2);
        b.Province(1, new Dictionary<string, decimal> { ["1.1"] = 5, ["1.2"] = 5 }).Total(2, 25).Total(3, 15);

        var plan = PriorityPlanner.Build(b.Build(), 1, targetRank: 1).Plan!;

        Assert.Equal(RecoveryOutcome.Unreachable, plan.Outcome);
        Assert.Equal(2, plan.RankReached);
        Assert.Contains("recovering every lost point", plan.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_plan_is_optimal_against_exhaustive_search()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var rng = new Random(seed);
            var b = new TableBuilder(IndexCodes.Par, 2017).Fields(3, 3);
            for (var p = 1; p <= 30; p++)
            {
                b.Province(p, Enumerable.Range(1, 3).SelectMany(f => Enumerable.Range(1, 3).Select(c => ($"{f}.{c}", rng.Next(0, 41) / 4m))).ToDictionary(x => x.Item1, x => x.Item2));
            }

            var table = b.Build();
            var target = 1 + rng.Next(10);
            var report = PriorityPlanner.Build(table, 30, targetRank: target);
            var plan = report.Plan!;
            var items = report.Items;
            var peers = table.PeersOf(30);
            (int Count, decimal Points)? best = null;
            for (var mask = 0; mask < 1 << items.Count; mask++)
            {
                var chosen = items.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                if (peers.RankOf(report.Total + chosen.Sum(c => c.TotalGain)) <= target)
                {
                    var candidate = (chosen.Count, chosen.Sum(c => c.TotalGain));
                    if (best is null || candidate.Count < best.Value.Count || (candidate.Count == best.Value.Count && candidate.Item2 < best.Value.Points))
                    {
                        best = candidate;
                    }
                }
            }

            if (best is null)
            {
                Assert.Equal(RecoveryOutcome.Unreachable, plan.Outcome);
            }
            else if (best.Value.Count == 0)
            {
                Assert.Equal(RecoveryOutcome.AlreadyMet, plan.Outcome);
            }
            else
            {
                Assert.Equal(RecoveryOutcome.Reached, plan.Outcome);
                Assert.Equal(best.Value, (plan.Chosen.Count, plan.TotalGain));
                Assert.True(plan.RankReached <= target);
            }
        }
    }
}
