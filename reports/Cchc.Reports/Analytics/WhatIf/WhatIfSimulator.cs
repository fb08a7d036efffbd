using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Analytics.WhatIf;

/// <summary>A criterion's score before and after (set by the user, or recomputed because a child changed).</summary>
public sealed record CriterionChange(string Code, string Name, int Level, decimal? MaxPoints, decimal OldScore, decimal NewScore)
{
    public decimal Delta => NewScore - OldScore;
}

/// <summary>The outcome of setting some criterion scores: recomputed parents, new total and rank among that year's peers.</summary>
/// <param name="OldRank">Rank recomputed from the published total (competition ranking) — the baseline the new rank compares with.</param>
/// <param name="PublishedRank">As published (or as <c>rpt.index_score</c> ranks it), for reference.</param>
public sealed record WhatIfResult(
    string IndexCode,
    int Year,
    ProvinceRef Province,
    IReadOnlyList<CriterionChange> Changes,
    IReadOnlyList<CriterionChange> Recomputed,
    decimal OldTotal,
    decimal NewTotal,
    int? PublishedRank,
    int OldRank,
    int NewRank,
    int ProvincesRanked,
    bool IsSynthetic)
{
    public int RankGain => OldRank - NewRank;
}

/// <summary>
/// Sets criterion scores and recomputes every ancestor up to the total. A change propagates as a delta
/// (parent += factor × Δchild, factor = 1 for sums, the weight for PCI), so with no change the published total is
/// reproduced exactly, rounding included. Other provinces keep their published totals.
/// </summary>
internal static class WhatIfSimulator
{
    public static WhatIfResult Apply(IndexYear table, int provinceKey, IReadOnlyDictionary<string, decimal> newScores)
    {
        var me = table.Province(provinceKey)
            ?? throw new AnalyticsDataException($"The warehouse has no {table.IndexCode} {table.Year} scores for province key {provinceKey}.");
        var total = me.Total ?? throw new AnalyticsDataException($"{me.Province.Name} has no {table.IndexCode} {table.Year} total.");
        Validate(table, me, newScores);

        var newValues = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (code, value) in newScores)
        {
            var delta = value - me.Score(code)!.Value;
            var factor = 1m;
            for (var (child, parent) = (code, table.ParentOf(code)); parent is not null; (child, parent) = (parent, table.ParentOf(parent)))
            {
                factor *= table.RuleFor(parent).FactorOf(child);
                var old = newValues.TryGetValue(parent, out var v) ? v : me.Score(parent)
                    ?? throw new AnalyticsDataException($"{me.Province.Name} has no {table.Year} score for {parent}, the parent of {child}.");
                newValues[parent] = old + (factor * delta);
            }
        }

        CriterionChange Change(string code, decimal value)
        {
            var c = table.Criteria[code];
            return new CriterionChange(code, c.Name, c.Level, c.MaxPoints, me.Score(code)!.Value, value);
        }

        var newTotal = newValues.GetValueOrDefault(IndexCodes.Total, total);
        var peers = table.PeersOf(provinceKey);
        return new WhatIfResult(
            table.IndexCode, table.Year, me.Province,
            newScores.OrderBy(s => s.Key, CriterionCodeComparer.Instance).Select(s => Change(s.Key, s.Value)).ToList(),
            newValues.OrderBy(s => s.Key, CriterionCodeComparer.Instance).Select(s => Change(s.Key, s.Value)).ToList(),
            total, newTotal, me.PublishedRank, peers.RankOf(total), peers.RankOf(newTotal), table.ProvincesRanked, table.IsSynthetic);
    }

    private static void Validate(IndexYear table, ProvinceScores me, IReadOnlyDictionary<string, decimal> newScores)
    {
        if (newScores.Count == 0)
        {
            throw new ArgumentException("Set at least one criterion score (e.g. 1.2=3).");
        }

        foreach (var (code, value) in newScores)
        {
            if (code == IndexCodes.Total)
            {
                throw new ArgumentException("Set criteria, not the total: the total is recomputed from them.");
            }

            if (!table.Criteria.TryGetValue(code, out var criterion))
            {
                throw new ArgumentException($"{table.IndexCode} {table.Year} ({table.MethodologyVersion}) has no criterion '{code}'.");
            }

            if (!table.AddsUpToTotal(code))
            {
                throw new ArgumentException($"{code} cannot be carried up to the total: a parent of it is not a sum or weighted sum of its parts in {table.IndexCode} {table.Year}.");
            }

            if (me.Score(code) is null)
            {
                throw new ArgumentException($"{me.Province.Name} has no {table.Year} score for {code}; there is nothing to change.");
            }

            if (value < 0 || (criterion.MaxPoints is { } max && value > max))
            {
                throw new ArgumentException(FormattableString.Invariant($"{code} must be between 0 and {criterion.MaxPoints?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "its maximum"}, not {value}."));
            }

            for (var parent = table.ParentOf(code); parent is not null; parent = table.ParentOf(parent))
            {
                if (newScores.ContainsKey(parent))
                {
                    throw new ArgumentException($"Set either {parent} or its part {code}, not both.");
                }
            }
        }
    }
}
