using Cchc.Reports.Analytics.Exact;

namespace Cchc.Reports.Tests.Analytics;

/// <summary>The exact coalition formulas against the definitions: average marginal effect over every ordering of the
/// players (Shapley) and over every ordering that keeps each block together (Owen).</summary>
public sealed class SumGameShapleyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Shapley_equals_the_average_over_all_orderings(int seed)
    {
        var rng = new Random(seed);
        var n = 2 + rng.Next(4);
        var deltas = Enumerable.Range(0, n).Select(_ => (decimal)rng.Next(-8, 9) / 2).ToList();
        var peers = new CompetitionRank(Enumerable.Range(0, 12).Select(_ => (decimal)rng.Next(-10, 11) / 2));
        long Worth(decimal x) => peers.RankOf(x) - peers.RankOf(0m);

        var exact = SumGameShapley.Shapley(deltas, Worth);

        var orderings = Permutations(Enumerable.Range(0, n).ToList()).ToList();
        for (var i = 0; i < n; i++)
        {
            var sum = Fraction.Zero;
            foreach (var order in orderings)
            {
                var before = order.TakeWhile(j => j != i).Sum(j => deltas[j]);
                sum += Worth(before + deltas[i]) - Worth(before);
            }

            Assert.Equal(new Fraction(sum.Numerator, orderings.Count), exact[i]);
        }

        Assert.Equal((Fraction)Worth(deltas.Sum()), Fraction.Sum(exact));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Owen_equals_the_average_over_orderings_that_keep_blocks_together(int seed)
    {
        var rng = new Random(seed);
        var blocks = Enumerable.Range(0, 3).Select(_ => (IReadOnlyList<decimal>)Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => (decimal)rng.Next(-6, 7)).ToList()).ToList();
        var peers = new CompetitionRank(Enumerable.Range(0, 15).Select(_ => (decimal)rng.Next(-12, 13)));
        long Worth(decimal x) => peers.RankOf(x) - peers.RankOf(0m);

        var owen = SumGameShapley.Owen(blocks, Worth);
        var shapleyOfBlocks = SumGameShapley.Shapley(blocks.Select(b => b.Sum()).ToList(), Worth);

        var players = blocks.SelectMany((b, k) => b.Select((d, i) => (Block: k, Index: i, Delta: d))).ToList();
        var orders = Permutations(Enumerable.Range(0, blocks.Count).ToList())
            .SelectMany(blockOrder => blockOrder.Aggregate(
                (IEnumerable<List<(int Block, int Index, decimal Delta)>>)[[]],
                (acc, k) => acc.SelectMany(prefix => Permutations(players.Where(p => p.Block == k).ToList()).Select(inner => prefix.Concat(inner).ToList()))))
            .ToList();
        foreach (var p in players)
        {
            var sum = Fraction.Zero;
            foreach (var order in orders)
            {
                var before = order.TakeWhile(q => q != p).Sum(q => q.Delta);
                sum += Worth(before + p.Delta) - Worth(before);
            }

            Assert.Equal(new Fraction(sum.Numerator, orders.Count), owen[p.Block][p.Index]);
        }

        for (var k = 0; k < blocks.Count; k++)
        {
            Assert.Equal(shapleyOfBlocks[k], Fraction.Sum(owen[k]));
        }
    }

    [Fact]
    public void Competition_rank_shares_ties_and_skips()
    {
        var peers = new CompetitionRank([90m, 80m, 80m, 70m]);
        Assert.Equal(1, peers.RankOf(95m));
        Assert.Equal(1, peers.RankOf(90m));
        Assert.Equal(2, peers.RankOf(80m));
        Assert.Equal(4, peers.RankOf(79.99m));
        Assert.Equal(5, peers.RankOf(10m));
        Assert.Equal(80m, peers.ScoreNeededFor(2));
        Assert.Equal(80m, peers.ScoreNeededFor(3));
        Assert.Null(peers.ScoreNeededFor(5));
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }
}
