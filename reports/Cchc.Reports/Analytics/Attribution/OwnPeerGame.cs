using Cchc.Reports.Analytics.Exact;

namespace Cchc.Reports.Analytics.Attribution;

/// <summary>
/// The rank game with two unions: the province's own changes (its total moves from T₀ by the players' points) and the
/// other provinces' changes (their totals move from P₀ to P₁). A coalition's worth is its rank minus the rank of T₀
/// among P₀. In an Owen value with two unions each union first joins either alone or after the other, with weight ½
/// each, so every own player's value is the average of its value in the game against P₀ and in the game against P₁,
/// and the peers' union gets ½[(r(T₀;P₁) − r(T₀;P₀)) + (r(T₁;P₁) − r(T₁;P₀))]. Neither union goes first.
/// </summary>
internal sealed class OwnPeerGame(decimal previousTotal, decimal total, CompetitionRank peersThen, CompetitionRank peersNow)
{
    /// <summary>The peers' union: its marginal contribution with the province's own scores at T₀ and at T₁, averaged.</summary>
    public Fraction PeerEffect =>
        (Fraction)((peersNow.RankOf(previousTotal) - peersThen.RankOf(previousTotal)) + (peersNow.RankOf(total) - peersThen.RankOf(total))) / 2;

    /// <summary>Owen values of own players grouped in blocks (criteria within fields), averaged over the two peer states.</summary>
    public Fraction[][] Owen(IReadOnlyList<IReadOnlyList<decimal>> blocks)
    {
        var then = SumGameShapley.Owen(blocks, Worth(peersThen));
        var now = SumGameShapley.Owen(blocks, Worth(peersNow));
        return then.Select((block, k) => block.Select((v, i) => (v + now[k][i]) / 2).ToArray()).ToArray();
    }

    /// <summary>Shapley values of own players (one per block), averaged over the two peer states.</summary>
    public Fraction[] Shapley(IReadOnlyList<decimal> players)
    {
        var then = SumGameShapley.Shapley(players, Worth(peersThen));
        var now = SumGameShapley.Shapley(players, Worth(peersNow));
        return then.Select((v, i) => (v + now[i]) / 2).ToArray();
    }

    /// <summary>Worth of the own coalition adding <c>x</c> points, peers fixed at <paramref name="peers"/>, measured
    /// from the start of the game (T₀ among P₀); only differences of worths enter the values.</summary>
    private Func<decimal, long> Worth(CompetitionRank peers)
    {
        var start = peers.RankOf(previousTotal);
        return added => peers.RankOf(previousTotal + added) - start;
    }
}
