using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.WhatIf;

/// <summary>
/// Builds the priority table and the recovery plan for one province and year.
/// <list type="bullet">
/// <item>Each criterion at the chosen level with points lost (max − score) is recovered alone; its rank among the
/// year's peers (other provinces keep their published totals) gives the rank gain and the gain per point.</item>
/// <item>Priority order: rank gained per point, then points lost (larger first), then code.</item>
/// <item>The what-if curve recovers criteria cumulatively in that order.</item>
/// <item>Recovery plan for a target rank t: the total must reach the t-th best peer total (competition ranking).
/// The fewest criteria k* is found greedily — the k largest recoveries are the largest sum any k criteria can give,
/// so if they fall short no k-set reaches the target. Among k*-sets, a dynamic programme over exactly reachable
/// (decimal) sums finds the set with the fewest points. Both steps are exact, so the plan is optimal for
/// (number of criteria, points recovered) in that order. Recoveries are all-or-nothing per criterion.</item>
/// </list>
/// </summary>
public static class PriorityPlanner
{
    public static PriorityReport Build(IndexYear table, int provinceKey, int? level = null, int? targetRank = null,
        IReadOnlyDictionary<string, string>? leadAgencies = null)
    {
        var me = table.Province(provinceKey)
            ?? throw new AnalyticsDataException($"The warehouse has no {table.IndexCode} {table.Year} scores for province key {provinceKey}.");
        var total = me.Total ?? throw new AnalyticsDataException($"{me.Province.Name} has no {table.IndexCode} {table.Year} total.");
        var notes = new List<string>();
        var chosenLevel = level ?? DefaultLevel(table, me);
        var peers = table.PeersOf(provinceKey);
        var currentRank = peers.RankOf(total);

        var items = table.AtLevel(chosenLevel)
            .Where(c => c.MaxPoints is not null && me.Score(c.Code) is { } s && s < c.MaxPoints && table.AddsUpToTotal(c.Code))
            .Select(c =>
            {
                var score = me.Score(c.Code)!.Value;
                var lost = c.MaxPoints!.Value - score;
                var gain = table.TotalEffectPerPoint(c.Code) * lost;
                var rankIf = peers.RankOf(total + gain);
                return new PriorityItem(c.Code, c.Name, c.NameEn, c.Level, c.MaxPoints.Value, score, lost, gain, rankIf,
                    currentRank - rankIf, Math.Round((currentRank - rankIf) / lost, 4), LeadAgency(table, c.Code, leadAgencies));
            })
            .OrderByDescending(i => i.RankGainPerPoint)
            .ThenByDescending(i => i.PointsLost)
            .ThenBy(i => i.Code, CriterionCodeComparer.Instance)
            .ToList();
        if (table.AtLevel(chosenLevel).Count > 0 && table.AtLevel(chosenLevel).All(c => c.MaxPoints is null))
        {
            notes.Add($"The {table.IndexCode} catalogue has no max points at level {chosenLevel}, so no points lost can be computed there.");
        }

        if (leadAgencies is null)
        {
            notes.Add("No remediation plan is loaded for this province: lead agencies are not shown.");
        }

        var curve = new List<WhatIfCurvePoint> { new(0, null, 0m, total, currentRank) };
        decimal points = 0m, gained = 0m;
        foreach (var item in items)
        {
            points += item.PointsLost;
            gained += item.TotalGain;
            curve.Add(new WhatIfCurvePoint(curve.Count, item.Code, points, total + gained, peers.RankOf(total + gained)));
        }

        var plan = targetRank is { } t ? Plan(items, peers, total, currentRank, t) : null;
        return new PriorityReport(table.IndexCode, table.Year, me.Province, chosenLevel, total, currentRank, me.PublishedRank,
            table.ProvincesRanked, items, curve, plan, notes, table.IsSynthetic);
    }

    /// <summary>The deepest level up to 2 (criteria) at which the province has scores with max points.</summary>
    private static int DefaultLevel(IndexYear table, ProvinceScores me)
    {
        for (var level = 2; level >= 1; level--)
        {
            if (table.AtLevel(level).Any(c => c.MaxPoints is not null && me.Score(c.Code) is not null && table.AddsUpToTotal(c.Code)))
            {
                return level;
            }
        }

        return 1;
    }

    private static string? LeadAgency(IndexYear table, string code, IReadOnlyDictionary<string, string>? agencies)
    {
        for (var c = code; agencies is not null && c is not null && c != Warehouse.IndexCodes.Total; c = table.ParentOf(c))
        {
            if (agencies.TryGetValue(c, out var agency))
            {
                return agency;
            }
        }

        return null;
    }

    private static RecoveryPlan Plan(IReadOnlyList<PriorityItem> items, Exact.CompetitionRank peers, decimal total, int currentRank, int target)
    {
        if (target < 1)
        {
            throw new ArgumentException("The target rank starts at 1.");
        }

        var threshold = peers.ScoreNeededFor(target);
        if (currentRank <= target || threshold is null)
        {
            return new RecoveryPlan(target, RecoveryOutcome.AlreadyMet, 0m, [], 0m, 0m, currentRank,
                $"Already at rank {currentRank}, which meets the target {target}.");
        }

        var need = threshold.Value - total;
        var byGain = items.OrderByDescending(i => i.TotalGain).ToList();
        if (byGain.Sum(i => i.TotalGain) < need)
        {
            var best = peers.RankOf(total + byGain.Sum(i => i.TotalGain));
            return new RecoveryPlan(target, RecoveryOutcome.Unreachable, need, [], byGain.Sum(i => i.PointsLost), byGain.Sum(i => i.TotalGain), best,
                FormattableString.Invariant($"Rank {target} needs {need:0.##} more points on the total; recovering every lost point gives {byGain.Sum(i => i.TotalGain):0.##} and rank {best}."));
        }

        var fewest = 0;
        for (var sum = 0m; sum < need; fewest++)
        {
            sum += byGain[fewest].TotalGain;
        }

        var chosen = LeastPointsOfSize(items, fewest, need);
        var gain = chosen.Sum(i => i.TotalGain);
        return new RecoveryPlan(target, RecoveryOutcome.Reached, need, chosen, chosen.Sum(i => i.PointsLost), gain, peers.RankOf(total + gain),
            FormattableString.Invariant($"Rank {target} needs {need:0.##} more points on the total. ") + (fewest == 1
                ? "One criterion is enough; of those that are, this one recovers the fewest points."
                : FormattableString.Invariant($"No set of fewer than {fewest} criteria reaches it (the {fewest - 1} largest recoveries give ") +
                  FormattableString.Invariant($"{byGain.Take(fewest - 1).Sum(i => i.TotalGain):0.##}); of the sets of {fewest}, this one recovers the fewest points.")));
    }

    /// <summary>Exact: among sets of exactly <paramref name="size"/> items whose gains reach <paramref name="need"/>,
    /// the one with the least gain. States are (count, sum below need) with the first set found in priority order.</summary>
    private static IReadOnlyList<PriorityItem> LeastPointsOfSize(IReadOnlyList<PriorityItem> items, int size, decimal need)
    {
        var states = Enumerable.Range(0, size).Select(_ => new Dictionary<decimal, int[]>()).ToArray();
        states[0][0m] = [];
        (decimal Sum, int[] Set)? best = null;
        for (var i = 0; i < items.Count; i++)
        {
            for (var count = Math.Min(size - 1, i); count >= 0; count--)
            {
                foreach (var (sum, set) in states[count].ToList())
                {
                    var next = sum + items[i].TotalGain;
                    int[] nextSet = [.. set, i];
                    if (count + 1 == size)
                    {
                        if (next >= need && (best is null || next < best.Value.Sum))
                        {
                            best = (next, nextSet);
                        }
                    }
                    else if (next < need)
                    {
                        states[count + 1].TryAdd(next, nextSet);
                    }
                }
            }
        }

        return best!.Value.Set.Select(i => items[i]).ToList();
    }
}
