using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.WhatIf;

/// <summary>
/// How the other provinces have moved before: each one's year-on-year changes of the total, over consecutive years of the
/// same methodology version and the same set of provinces (before or after the 2025 reform), up to the plan's year. A
/// province without its own history draws from everyone's changes. The chance of a rank is then simulated: every other
/// province's total moves by one of its past changes, drawn at random; the province's own total is the plan's.
/// </summary>
internal sealed class PeerMoves
{
    private readonly IReadOnlyList<(decimal Total, decimal[] Changes)> _peers;

    private PeerMoves(IReadOnlyList<(decimal Total, decimal[] Changes)> peers, string basis)
    {
        _peers = peers;
        Basis = basis;
    }

    public string Basis { get; }

    /// <summary>The peers' histories up to <paramref name="table"/>'s year, or null when there are no two comparable years.</summary>
    public static PeerMoves? From(IndexYear table, int provinceKey, IReadOnlyList<IndexYear>? history)
    {
        var years = (history ?? []).Where(t => t.IndexCode == table.IndexCode && t.Year <= table.Year).ToDictionary(t => t.Year);
        var pairs = years.Keys.Where(y => years.TryGetValue(y - 1, out var before) && before.MethodologyVersion == years[y].MethodologyVersion
                && SameEra(y - 1, y))
            .Order().ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        var changes = table.Provinces.Values.Where(p => p.Province.Key != provinceKey && p.Total is not null).OrderBy(p => p.Province.Key)
            .Select(p => (p.Total!.Value, pairs.Select(y => (years[y].Province(p.Province.Key)?.Total - years[y - 1].Province(p.Province.Key)?.Total))
                .OfType<decimal>().ToArray()))
            .ToList();
        var pooled = changes.SelectMany(c => c.Item2).ToArray();
        if (pooled.Length == 0)
        {
            return null;
        }

        var peers = changes.Select(c => (c.Item1, c.Item2.Length > 0 ? c.Item2 : pooled)).ToList();
        var first = pairs[0] - 1;
        return new PeerMoves(peers, $"each other province's total moves by one of its own {table.IndexCode} changes of {first}–{pairs[^1]} " +
                                    $"({pairs.Count} year-on-year changes of the same methodology), {PriorityPlanner.PeerMoveDraws} draws");
    }

    /// <summary>Share of the draws in which <paramref name="ownTotal"/> ranks <paramref name="target"/> or better.</summary>
    public double Probability(decimal ownTotal, int target)
    {
        var rng = new Random(PriorityPlanner.PeerMoveSeed);
        var hits = 0;
        for (var d = 0; d < PriorityPlanner.PeerMoveDraws; d++)
        {
            var above = 0;
            foreach (var (total, changes) in _peers)
            {
                if (total + changes[rng.Next(changes.Length)] > ownTotal)
                {
                    above++;
                }
            }

            hits += above + 1 <= target ? 1 : 0;
        }

        return hits / (double)PriorityPlanner.PeerMoveDraws;
    }

    private static bool SameEra(int a, int b) => (a < Models.DatasetBuilder.ReformYear) == (b < Models.DatasetBuilder.ReformYear);
}
