using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.WhatIf;

/// <summary>
/// Builds the priority table and the recovery plan for one province and year.
/// <list type="bullet">
/// <item>Each criterion at the chosen level with points lost (max − score) is recovered alone; its rank among the
/// year's peers (other provinces keep their published totals) gives the rank gain and the gain per point.</item>
/// <item>Survey criteria (points source <c>survey</c>) are listed apart: their points measure perceptions and cannot be
/// produced directly, so they are neither on the curve nor in the plan.</item>
/// <item>Priority order: rank gained per point, then points lost (larger first), then code. The what-if curve recovers
/// the actionable criteria cumulatively in that order.</item>
/// <item>Recovery plan for a target rank t: the total must reach the t-th best peer total (competition ranking). Points are
/// recovered <b>cheapest first</b> and partly where that is enough. The price of a point is how rare the level it
/// reaches is among the other provinces: the lost points of a criterion are cut into steps at the other provinces'
/// scores on it, and a step up to level b costs the share of the other provinces scoring below b (per point of the total,
/// i.e. divided by the criterion's factor). Levels most provinces already reach are cheap; points only the best earn are
/// dear. Steps are taken in price order (ties: priority order) until the total needed is met; the last one partly.</item>
/// <item>Besides the frozen peers, the plan's chance of reaching the target when every other province's total moves by
/// one of its own past year-on-year changes (same methodology, drawn at random, <see cref="PeerMoveDraws"/> draws, seeded).</item>
/// </list>
/// </summary>
internal static class PriorityPlanner
{
    public const int PeerMoveDraws = 2000;
    public const int PeerMoveSeed = 20180620;

    public static PriorityReport Build(IndexYear table, int provinceKey, int? level = null, int? targetRank = null,
        PlanAgencies? leadAgencies = null, IReadOnlyList<IndexYear>? history = null)
    {
        var me = table.Province(provinceKey)
            ?? throw new AnalyticsDataException($"The warehouse has no {table.IndexCode} {table.Year} scores for province key {provinceKey}.");
        var total = me.Total ?? throw new AnalyticsDataException($"{me.Province.Name} has no {table.IndexCode} {table.Year} total.");
        var notes = new List<string>();
        var chosenLevel = level ?? DefaultLevel(table, me);
        var peers = table.PeersOf(provinceKey);
        var currentRank = peers.RankOf(total);

        var all = table.AtLevel(chosenLevel)
            .Where(c => c.MaxPoints is not null && me.Score(c.Code) is { } s && s < c.MaxPoints && table.AddsUpToTotal(c.Code))
            .Select(c =>
            {
                var score = me.Score(c.Code)!.Value;
                var lost = c.MaxPoints!.Value - score;
                var gain = table.TotalEffectPerPoint(c.Code) * lost;
                var rankIf = peers.RankOf(total + gain);
                var agency = LeadAgency(table, c.Code, leadAgencies);
                return new PriorityItem(c.Code, c.Name, c.NameEn, c.Level, c.PointsSource, c.MaxPoints.Value, score, lost, gain, rankIf,
                    currentRank - rankIf, Math.Round((currentRank - rankIf) / lost, 4), agency?.Vi, agency?.En);
            })
            .OrderByDescending(i => i.RankGainPerPoint)
            .ThenByDescending(i => i.PointsLost)
            .ThenBy(i => i.Code, CriterionCodeComparer.Instance)
            .ToList();
        var items = all.Where(i => i.IsActionable).ToList();
        var survey = all.Where(i => !i.IsActionable).ToList();
        if (table.AtLevel(chosenLevel).Count > 0 && table.AtLevel(chosenLevel).All(c => c.MaxPoints is null))
        {
            notes.Add($"The {table.IndexCode} catalogue has no max points at level {chosenLevel}, so no points lost can be computed there.");
        }

        if (survey.Count > 0)
        {
            notes.Add($"{survey.Count} criteria lost {survey.Sum(i => i.PointsLost):0.##} points in the sociological survey; they are listed apart, " +
                      "as perceptions the province can act on only indirectly, and left out of the curve and the plan.");
        }

        if (all.Count > 0 && all.All(i => i.PointsSource is null))
        {
            notes.Add($"The {table.IndexCode} catalogue does not say which points come from a survey; every criterion is treated as actionable.");
        }

        if (leadAgencies is null)
        {
            notes.Add("No remediation plan of this methodology version is loaded for this province: lead agencies are not shown.");
        }

        var curve = new List<WhatIfCurvePoint> { new(0, null, 0m, total, currentRank) };
        decimal points = 0m, gained = 0m;
        foreach (var item in items)
        {
            points += item.PointsLost;
            gained += item.TotalGain;
            curve.Add(new WhatIfCurvePoint(curve.Count, item.Code, points, total + gained, peers.RankOf(total + gained)));
        }

        var plan = targetRank is { } t ? Plan(table, me, items, peers, total, currentRank, t, history) : null;
        return new PriorityReport(table.IndexCode, table.Year, me.Province, chosenLevel, total, currentRank, me.PublishedRank,
            table.ProvincesRanked, items, survey, curve, plan,
            leadAgencies is null ? null : new LeadAgencySource(leadAgencies.PlanYear, leadAgencies.ResultYear), notes, table.IsSynthetic);
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

    /// <summary>The lead agency of a criterion in the plan, else of its nearest ancestor that has one.</summary>
    private static AgencyNames? LeadAgency(IndexYear table, string code, PlanAgencies? plan)
    {
        for (var c = code; plan is not null && c is not null && c != Warehouse.IndexCodes.Total; c = table.ParentOf(c))
        {
            if (plan.ByCriterion.TryGetValue(c, out var agency))
            {
                return agency;
            }
        }

        return null;
    }

    private static RecoveryPlan Plan(IndexYear table, ProvinceScores me, IReadOnlyList<PriorityItem> items, CompetitionRank peers, decimal total,
        int currentRank, int target, IReadOnlyList<IndexYear>? history)
    {
        if (target < 1)
        {
            throw new ArgumentException("The target rank starts at 1.");
        }

        var moves = PeerMoves.From(table, me.Province.Key, history);
        var threshold = peers.ScoreNeededFor(target);
        if (currentRank <= target || threshold is null)
        {
            return new RecoveryPlan(target, RecoveryOutcome.AlreadyMet, 0m, [], 0m, 0m, currentRank, moves?.Probability(total, target), moves?.Basis,
                $"Already at rank {currentRank}, which meets the target {target} while the other provinces keep their totals.");
        }

        var need = threshold.Value - total;
        var steps = PriceSteps(table, me, items);
        var available = steps.Sum(s => s.TotalGain);
        if (available < need)
        {
            var best = peers.RankOf(total + available);
            var all = Merge(steps, items);
            return new RecoveryPlan(target, RecoveryOutcome.Unreachable, need, all, all.Sum(s => s.Points), available, best,
                moves?.Probability(total + available, target), moves?.Basis,
                FormattableString.Invariant($"Rank {target} needs {need:0.##} more points on the total; recovering every actionable lost point gives {available:0.##} and rank {best}."));
        }

        var taken = new List<PricedStep>();
        var sum = 0m;
        foreach (var step in steps)
        {
            if (sum >= need)
            {
                break;
            }

            var part = Math.Min(step.TotalGain, need - sum);
            taken.Add(part == step.TotalGain ? step : step with { To = step.From + (part / step.Factor), TotalGain = part });
            sum += part;
        }

        var chosen = Merge(taken, items);
        var rank = peers.RankOf(total + sum);
        return new RecoveryPlan(target, RecoveryOutcome.Reached, need, chosen, chosen.Sum(s => s.Points), sum, rank,
            moves?.Probability(total + sum, target), moves?.Basis,
            FormattableString.Invariant($"Rank {target} needs {need:0.##} more points on the total. The cheapest points first — levels most other provinces already reach — ") +
            FormattableString.Invariant($"give them from {chosen.Count} criteria ({chosen.Count(s => s.To < s.From + items.First(i => i.Code == s.Code).PointsLost)} recovered only partly)."));
    }

    /// <summary>One priced step of a criterion's lost points: from one level to the next other provinces reach.</summary>
    private sealed record PricedStep(string Code, int Order, decimal From, decimal To, decimal Factor, decimal TotalGain, double Price);

    /// <summary>Every actionable lost point, cut at the levels other provinces reach, cheapest (per point of the total) first.</summary>
    private static List<PricedStep> PriceSteps(IndexYear table, ProvinceScores me, IReadOnlyList<PriorityItem> items)
    {
        var others = table.Provinces.Values.Where(p => p.Province.Key != me.Province.Key).ToList();
        var steps = new List<PricedStep>();
        for (var order = 0; order < items.Count; order++)
        {
            var item = items[order];
            var factor = table.TotalEffectPerPoint(item.Code);
            var scores = others.Select(p => p.Score(item.Code)).OfType<decimal>().ToList();
            var levels = scores.Where(s => s > item.Score && s < item.MaxPoints).Append(item.MaxPoints).Distinct().Order().ToList();
            var from = item.Score;
            foreach (var level in levels)
            {
                var price = scores.Count == 0 ? 1.0 : scores.Count(s => s < level) / (double)scores.Count;
                steps.Add(new PricedStep(item.Code, order, from, level, factor, factor * (level - from), price));
                from = level;
            }
        }

        return steps.OrderBy(s => s.Price / (double)s.Factor).ThenBy(s => s.Order).ThenBy(s => s.From).ToList();
    }

    /// <summary>The steps taken per criterion, in priority order: from the score to the highest level reached.</summary>
    private static List<RecoveryStep> Merge(IEnumerable<PricedStep> steps, IReadOnlyList<PriorityItem> items) =>
        steps.GroupBy(s => s.Order).OrderBy(g => g.Key).Select(g =>
        {
            var item = items[g.Key];
            var to = g.Max(s => s.To);
            return new RecoveryStep(item.Code, item.Name, item.NameEn, item.Score, to, to - item.Score, g.Sum(s => s.TotalGain), g.Max(s => s.Price),
                item.LeadAgency, item.LeadAgencyEn);
        }).ToList();
}
