using Cchc.Reports.Analytics.Data;
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
        var agencies = new PlanAgencies(2018, 2017, "V1", new Dictionary<string, AgencyNames>
        {
            ["2"] = new("Sở Tư pháp", "Department of Justice"), ["3.1"] = new("Sở Nội vụ", null),
        });

        var report = PriorityPlanner.Build(HandBuilt(), 48, leadAgencies: agencies);

        Assert.Equal(2, report.Level);
        Assert.Equal(
            [("3.1", 5m, 41, 8, 1.6m), ("2.1", 7m, 38, 11, 1.5714m), ("1.1", 6m, 40, 9, 1.5m), ("1.2", 4m, 43, 6, 1.5m), ("3.2", 4m, 43, 6, 1.5m), ("2.2", 3m, 45, 4, 1.3333m)],
            report.Items.Select(i => (i.Code, i.PointsLost, i.RankIfRecovered, i.RankGain, i.RankGainPerPoint)));
        Assert.Equal("Sở Nội vụ", report.Items[0].LeadAgency);
        Assert.Equal(("Sở Tư pháp", "Department of Justice"), (report.Items[1].LeadAgency, report.Items[1].LeadAgencyEn)); // 2.1 inherits its field's
        Assert.Null(report.Items[2].LeadAgency);
        Assert.Equal(new LeadAgencySource(2018, 2017), report.LeadAgencyPlan);

        Assert.Equal([49, 41, 30, 20, 13, 6, 1], report.Curve.Select(c => c.Rank)); // totals 31, 36, 43, 49, 53, 57, 60
        Assert.Equal([0m, 5m, 12m, 18m, 22m, 26m, 29m], report.Curve.Select(c => c.CumulativePoints));
    }

    /// <summary>
    /// Worked by hand. One field, two criteria (max 10). Province 1 scores 4 and 8 (12); the others score (6, 9) = 15,
    /// (9, 2) = 11 and (5, 10) = 15. Rank 1 needs 15, i.e. 3 points. The price of a step up to level b is the share of
    /// the other three provinces below b: 1.1 from 4 to 5 costs 0 (nobody is below 5), 5 → 6 costs 1/3, 6 → 9 costs 2/3,
    /// 9 → 10 costs 1; 1.2 from 8 to 9 costs 1/3 (only the 2 is below 9), 9 → 10 costs 2/3. Cheapest first: 4 → 5, then
    /// the two steps at 1/3 — exactly 3 points: 1.1 from 4 to 6 (partly) and 1.2 from 8 to 9 (partly).
    /// </summary>
    [Fact]
    public void Recovery_plan_takes_the_cheapest_points_first_and_recovers_criteria_partly()
    {
        var table = new TableBuilder(IndexCodes.Par, 2017).Fields(1, 2)
            .Province(1, new Dictionary<string, decimal> { ["1.1"] = 4, ["1.2"] = 8 })
            .Province(2, new Dictionary<string, decimal> { ["1.1"] = 6, ["1.2"] = 9 })
            .Province(3, new Dictionary<string, decimal> { ["1.1"] = 9, ["1.2"] = 2 })
            .Province(4, new Dictionary<string, decimal> { ["1.1"] = 5, ["1.2"] = 10 })
            .Build();

        var plan = PriorityPlanner.Build(table, 1, targetRank: 1).Plan!;

        Assert.Equal(RecoveryOutcome.Reached, plan.Outcome);
        Assert.Equal(3m, plan.TotalNeeded);
        Assert.Equal([("1.1", 4m, 6m, 1.0 / 3), ("1.2", 8m, 9m, 1.0 / 3)], plan.Steps.Select(s => (s.Code, s.From, s.To, s.Price)));
        Assert.Equal((3m, 3m, 1), (plan.PointsRecovered, plan.TotalGain, plan.RankReached));
        Assert.Null(plan.ProbabilityWithPeerMoves); // no history given
    }

    [Fact]
    public void The_plan_says_how_likely_the_target_is_when_the_others_move_as_they_have_before()
    {
        // The same year as above; the year before, province 2 stood at 13 or 17 points (two earlier years), provinces 3
        // and 4 one point lower and unchanged. So province 2 moves +2 or −2, 3 moves +1, 4 stays: with the plan's 15 points
        // the province is first unless province 2 rises to 17 — half the draws.
        TableBuilder Year(int year) => new TableBuilder(IndexCodes.Par, year).Fields(1, 2);
        var now = Year(2017)
            .Province(1, new Dictionary<string, decimal> { ["1.1"] = 4, ["1.2"] = 8 })
            .Province(2, new Dictionary<string, decimal> { ["1.1"] = 6, ["1.2"] = 9 })
            .Province(3, new Dictionary<string, decimal> { ["1.1"] = 9, ["1.2"] = 2 })
            .Province(4, new Dictionary<string, decimal> { ["1.1"] = 5, ["1.2"] = 10 })
            .Build();
        IndexYear Earlier(int year, decimal second) => Year(year).Total(1, 10).Total(2, second).Total(3, 10).Total(4, 15).Build();
        var history = new[] { Earlier(2015, 15), Earlier(2016, 13), now };

        var plan = PriorityPlanner.Build(now, 1, targetRank: 1, history: history).Plan!;

        Assert.Equal(1, plan.RankReached);
        Assert.InRange(plan.ProbabilityWithPeerMoves!.Value, 0.45, 0.55);
        Assert.Contains("2015–2017", plan.PeerMovesBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Survey_criteria_are_listed_apart_and_left_out_of_the_curve_and_the_plan()
    {
        var b = new TableBuilder(IndexCodes.Par, 2017).Criterion("1", null, 20)
            .Criterion("1.1", "1", 10, pointsSource: CriterionInfo.Appraisal).Criterion("1.2", "1", 10, pointsSource: CriterionInfo.Survey);
        b.Province(1, new Dictionary<string, decimal> { ["1.1"] = 6, ["1.2"] = 2 });
        b.Province(2, new Dictionary<string, decimal> { ["1.1"] = 9, ["1.2"] = 9 });
        b.Province(3, new Dictionary<string, decimal> { ["1.1"] = 7, ["1.2"] = 5 });

        var report = PriorityPlanner.Build(b.Build(), 1, targetRank: 1);

        Assert.Equal(["1.1"], report.Items.Select(i => i.Code));
        Assert.Equal(CriterionInfo.Appraisal, report.Items[0].PointsSource);
        var survey = Assert.Single(report.SurveyItems);
        Assert.Equal(("1.2", CriterionInfo.Survey, false), (survey.Code, survey.PointsSource, survey.IsActionable));
        Assert.Equal([null, "1.1"], report.Curve.Select(c => c.Code));
        Assert.Equal(RecoveryOutcome.Unreachable, report.Plan!.Outcome); // 12 appraisal points at most, the leader has 18
        Assert.Contains(report.Notes, n => n.Contains("sociological survey", StringComparison.Ordinal));
    }

    [Fact]
    public void Recovery_plan_says_when_the_target_is_out_of_reach()
    {
        var b = new TableBuilder(IndexCodes.Par, 2017).Fields(1, 2);
        b.Province(1, new Dictionary<string, decimal> { ["1.1"] = 5, ["1.2"] = 5 }).Total(2, 25).Total(3, 15);

        var plan = PriorityPlanner.Build(b.Build(), 1, targetRank: 1).Plan!;

        Assert.Equal(RecoveryOutcome.Unreachable, plan.Outcome);
        Assert.Equal(2, plan.RankReached);
        Assert.Contains("recovering every actionable lost point", plan.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Recovery_plans_meet_the_need_exactly_with_no_dearer_point_taken_before_a_cheaper_one()
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
            var peers = table.PeersOf(30);
            if (peers.RankOf(report.Total) <= target)
            {
                Assert.Equal(RecoveryOutcome.AlreadyMet, plan.Outcome);
                continue;
            }

            var all = report.Items.Sum(i => i.TotalGain);
            if (peers.RankOf(report.Total + all) > target)
            {
                Assert.Equal(RecoveryOutcome.Unreachable, plan.Outcome);
                continue;
            }

            Assert.Equal(RecoveryOutcome.Reached, plan.Outcome);
            Assert.Equal(plan.TotalNeeded, plan.TotalGain); // exactly what is needed, not a point more
            Assert.True(plan.RankReached <= target);
            var dearest = plan.Steps.Max(s => s.Price);
            foreach (var item in report.Items)
            {
                var step = plan.Steps.SingleOrDefault(s => s.Code == item.Code);
                var reached = step?.To ?? item.Score;
                var others = table.Provinces.Values.Where(p => p.Province.Key != 30).Select(p => p.Score(item.Code)!.Value).ToList();
                var nextLevel = others.Where(s => s > reached && s < item.MaxPoints).Append(item.MaxPoints).Min();
                if (reached < item.MaxPoints && nextLevel > reached)
                {
                    // The next step of this criterion costs at least as much as the dearest step taken.
                    Assert.True(others.Count(s => s < nextLevel) / (double)others.Count >= dearest - 1e-12, $"seed {seed}: {item.Code}");
                }
            }
        }
    }
}
