using System.Numerics;

namespace Cchc.Reports.Analytics.Exact;

/// <summary>
/// Exact Shapley and Owen values of a "sum game": each player brings a score change <c>d_j</c>, and a coalition S is
/// worth <c>value(Σ_{j∈S} d_j)</c> (for rank attribution, value(x) = rank with x points added − rank with none).
/// Every coalition is enumerated (2^n) and weights are kept as integers over a common denominator, so the values are
/// exact fractions and add up to value(Σ d) exactly (efficiency).
/// </summary>
internal static class SumGameShapley
{
    /// <summary>Largest number of players (or blocks, or members of one block) enumerated exhaustively.</summary>
    public const int MaxPlayers = 20;

    /// <summary>
    /// Shapley value φ_i = Σ_{S⊆N∖{i}} |S|!(n−|S|−1)!/n! · (v(S∪{i}) − v(S)), i.e. the marginal effect averaged
    /// over all n! orders in which the players could join.
    /// </summary>
    public static Fraction[] Shapley(IReadOnlyList<decimal> deltas, Func<decimal, long> value)
    {
        var n = deltas.Count;
        Guard(n, "players");
        if (n == 0)
        {
            return [];
        }

        var worth = CoalitionWorth(deltas, value);
        var result = new Fraction[n];
        for (var i = 0; i < n; i++)
        {
            // Marginal contributions summed per coalition size; the size's weight is applied once at the end.
            var bySize = new long[n];
            var bit = 1 << i;
            for (var mask = 0; mask < worth.Length; mask++)
            {
                if ((mask & bit) == 0)
                {
                    bySize[BitOperations.PopCount((uint)mask)] += worth[mask | bit] - worth[mask];
                }
            }

            result[i] = Weighted(bySize, n);
        }

        return result;
    }

    /// <summary>
    /// Owen value for players grouped in blocks (criteria within fields): blocks first join in every order, and within
    /// its block a player joins in every order. Each block's members add up exactly to the block's Shapley value in the
    /// game between blocks, so criterion attributions add up to their field's attribution.
    /// φ_i = Σ_{R⊆M∖{k}} Σ_{T⊆B_k∖{i}} |R|!(m−|R|−1)!/m! · |T|!(b−|T|−1)!/b! · (v(Q_R∪T∪{i}) − v(Q_R∪T)).
    /// </summary>
    public static Fraction[][] Owen(IReadOnlyList<IReadOnlyList<decimal>> blocks, Func<decimal, long> value)
    {
        var m = blocks.Count;
        Guard(m, "blocks");
        var blockTotals = blocks.Select(b => b.Sum()).ToArray();
        var result = new Fraction[m][];
        for (var k = 0; k < m; k++)
        {
            var members = blocks[k];
            var b = members.Count;
            Guard(b, "members of one block");
            var others = Enumerable.Range(0, m).Where(j => j != k).Select(j => blockTotals[j]).ToArray();
            var otherSums = SubsetSums(others);
            result[k] = new Fraction[b];
            for (var i = 0; i < b; i++)
            {
                var rest = members.Where((_, j) => j != i).ToArray();
                var restSums = SubsetSums(rest);
                var counts = new long[m, b];
                for (var r = 0; r < otherSums.Length; r++)
                {
                    var rSize = BitOperations.PopCount((uint)r);
                    for (var t = 0; t < restSums.Length; t++)
                    {
                        var without = otherSums[r] + restSums[t];
                        counts[rSize, BitOperations.PopCount((uint)t)] += value(without + members[i]) - value(without);
                    }
                }

                var numerator = BigInteger.Zero;
                for (var rs = 0; rs < m; rs++)
                {
                    for (var ts = 0; ts < b; ts++)
                    {
                        if (counts[rs, ts] != 0)
                        {
                            numerator += Factorial(rs) * Factorial(m - rs - 1) * Factorial(ts) * Factorial(b - ts - 1) * counts[rs, ts];
                        }
                    }
                }

                result[k][i] = new Fraction(numerator, Factorial(m) * Factorial(b));
            }
        }

        return result;
    }

    private static long[] CoalitionWorth(IReadOnlyList<decimal> deltas, Func<decimal, long> value)
    {
        var sums = SubsetSums(deltas.ToArray());
        var worth = new long[sums.Length];
        for (var mask = 0; mask < sums.Length; mask++)
        {
            worth[mask] = value(sums[mask]);
        }

        return worth;
    }

    /// <summary>Σ of the members of every subset, indexed by bit mask (exact decimal sums).</summary>
    private static decimal[] SubsetSums(decimal[] items)
    {
        var sums = new decimal[1 << items.Length];
        for (var mask = 1; mask < sums.Length; mask++)
        {
            var low = BitOperations.TrailingZeroCount(mask);
            sums[mask] = sums[mask & (mask - 1)] + items[low];
        }

        return sums;
    }

    private static Fraction Weighted(long[] marginalsBySize, int n)
    {
        var numerator = BigInteger.Zero;
        for (var s = 0; s < n; s++)
        {
            if (marginalsBySize[s] != 0)
            {
                numerator += Factorial(s) * Factorial(n - s - 1) * marginalsBySize[s];
            }
        }

        return new Fraction(numerator, Factorial(n));
    }

    private static BigInteger Factorial(int n)
    {
        var f = BigInteger.One;
        for (var i = 2; i <= n; i++)
        {
            f *= i;
        }

        return f;
    }

    private static void Guard(int count, string what)
    {
        if (count > MaxPlayers)
        {
            throw new ArgumentException($"{count} {what} is more than the {MaxPlayers} an exact enumeration of coalitions handles.");
        }
    }
}
