namespace Cchc.Reports.Analytics.Exact;

/// <summary>
/// Competition ranking ("1224"): a score's rank is 1 + the number of peers with a strictly higher score, so tied
/// provinces share the better rank and the next rank is skipped. This is how RANK() in <c>rpt.index_score</c> and the
/// published tables rank ties. Scores are <see cref="decimal"/> so that sums of published two-decimal scores are exact
/// and a tie stays a tie.
/// </summary>
public sealed class CompetitionRank
{
    private readonly decimal[] _descending;

    public CompetitionRank(IEnumerable<decimal> peerScores)
    {
        _descending = peerScores.OrderByDescending(s => s).ToArray();
    }

    public int PeerCount => _descending.Length;

    /// <summary>Peers' scores, best first.</summary>
    public IReadOnlyList<decimal> PeersDescending => _descending;

    /// <summary>Rank of <paramref name="score"/> among the peers (the province itself is not a peer).</summary>
    public int RankOf(decimal score)
    {
        // Binary search for the number of peers strictly above the score.
        int lo = 0, hi = _descending.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_descending[mid] > score)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo + 1;
    }

    /// <summary>The lowest score that reaches rank <paramref name="targetRank"/> or better; null when any score does
    /// (fewer peers than the target rank).</summary>
    public decimal? ScoreNeededFor(int targetRank)
    {
        if (targetRank < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(targetRank), "A rank starts at 1.");
        }

        // Rank ≤ t ⇔ at most t−1 peers strictly above ⇔ score ≥ the t-th best peer score.
        return targetRank > _descending.Length ? null : _descending[targetRank - 1];
    }
}
