using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>
/// A published rank equals the rank the scores give (1 = highest; equal scores share the best rank, so a published
/// rank anywhere within a tie is accepted).
/// </summary>
internal sealed class RankMatchesScoreRule : QualityRule
{
    public override string Name => "rank-matches-score";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "Published ranks equal the ranks computed from the scores.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        // Ranks are computed among every scored province (a province without a published rank still takes a place).
        var scored = data.Scores.Where(i => i.Score is not null).GroupBy(i => (i.IndexCode, i.Year, i.CriterionCode));
        foreach (var group in scored)
        {
            var items = group.DistinctBy(i => i.ProvinceKey).ToList();
            if (items.Count < 2)
            {
                continue;
            }

            var scores = items.Select(i => i.Score!.Value).Order().ToArray();
            foreach (var item in items.Where(i => i.PublishedRank is not null))
            {
                var score = item.Score!.Value;
                var better = scores.Length - UpperBound(scores, score);
                var tied = UpperBound(scores, score) - LowerBound(scores, score);
                var best = better + 1;
                var worst = better + tied;
                if (item.PublishedRank < best || item.PublishedRank > worst)
                {
                    var computed = best == worst ? $"{best}" : $"{best}–{worst} (tied)";
                    yield return Finding(
                        item,
                        $"{Where(item)}, {item.CriterionCode}: published rank {item.PublishedRank}, but score {Num(item.Score)} ranks {computed} of {items.Count}",
                        $"score {Num(item.Score)}; published rank {item.PublishedRank}; computed rank {computed}");
                }
            }
        }
    }

    /// <summary>First index whose value is not below <paramref name="value"/> (the array is sorted ascending).</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>First index whose value is above <paramref name="value"/>.</summary>
    private static int UpperBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
