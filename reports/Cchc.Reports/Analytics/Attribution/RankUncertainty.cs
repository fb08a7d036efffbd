using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Analytics.Uncertainty;

namespace Cchc.Reports.Analytics.Attribution;

/// <summary>How many re-measurements to simulate, and the seed that makes them reproducible.</summary>
public sealed record UncertaintyOptions(int Draws = UncertaintyOptions.DefaultDraws, int Seed = UncertaintyOptions.DefaultSeed)
{
    public const int DefaultDraws = 200;
    public const int DefaultSeed = 20180620;
}

/// <summary>
/// The attribution's uncertainty under the <see cref="SamplingModel"/>: every province's survey-based points in both
/// years are re-drawn (the survey run again on other samples), totals and ranks recomputed, and the province's rank
/// change attributed again, field by field (Shapley values within the own union, averaged over the two peer states,
/// exactly as the observed attribution). The 90 % interval of each part is the 5th–95th percentile of its values over
/// the draws. Deterministic: draw d uses <c>Random(seed, d)</c>, whatever else runs.
/// </summary>
internal sealed class RankUncertainty
{
    private readonly List<double>[] _components;
    private readonly List<double> _methodology = [];
    private readonly List<double> _peers = [];
    private readonly List<int> _rankChanges = [];
    private readonly UncertaintyOptions _options;
    private readonly string _model;
    private readonly int _noisy;

    private RankUncertainty(int components, UncertaintyOptions options, string model, int noisy)
    {
        _components = Enumerable.Range(0, components).Select(_ => new List<double>()).ToArray();
        _options = options;
        _model = model;
        _noisy = noisy;
    }

    public EffectInterval?[] Components => _components.Select(Interval).ToArray();

    public EffectInterval? Methodology => Interval(_methodology);

    public EffectInterval? Peers => Interval(_peers);

    public static RankUncertainty Simulate(
        IndexYear current, IndexYear previous, ProvinceScores me, ProvinceScores before, IReadOnlyList<Component> components,
        bool withMethodology, UncertaintyOptions options)
    {
        var noisyNow = SamplingModel.Criteria(current);
        var noisyThen = SamplingModel.Criteria(previous);
        var result = new RankUncertainty(components.Count, options, SamplingModel.Describe(current.IndexCode), noisyNow.Count + noisyThen.Count);
        var index = components.Select((c, i) => (c.Code, i)).Where(x => x.Code != "RESIDUAL").ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var residual = components.Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Self.Kind == ComponentKind.Residual && x.c.Code == "RESIDUAL").i;
        var hasResidual = components.Any(c => c.Code == "RESIDUAL");
        for (var draw = 0; draw < options.Draws; draw++)
        {
            var rng = new Random(unchecked((options.Seed * 7919) + (draw * 104_729) + (current.Year * 31) + me.Province.Key));
            var (totalsNow, ownNow) = Redraw(current, me.Province.Key, noisyNow, rng);
            var (totalsThen, ownThen) = Redraw(previous, before.Province.Key, noisyThen, rng);
            var peersNow = new CompetitionRank(totalsNow.Where(t => t.Key != me.Province.Key).Select(t => t.Value));
            var peersThen = new CompetitionRank(totalsThen.Where(t => t.Key != before.Province.Key).Select(t => t.Value));
            var t0 = totalsThen[before.Province.Key];
            var t1 = totalsNow[me.Province.Key];

            // Players as in the observed attribution: each component's performance part, then the methodology player.
            var players = components.Select(c => c.Self).ToArray();
            var unplaced = 0m;
            foreach (var (field, shift) in ownThen)
            {
                if (index.TryGetValue(field, out var i))
                {
                    players[i] = players[i] with { Previous = players[i].Previous + shift, Delta = players[i].Delta - shift };
                }
                else
                {
                    unplaced -= shift;
                }
            }

            foreach (var (field, shift) in ownNow)
            {
                if (index.TryGetValue(field, out var i))
                {
                    players[i] = players[i] with { Current = players[i].Current + shift, Delta = players[i].Delta + shift };
                }
                else
                {
                    unplaced += shift;
                }
            }

            players = players.Select(p => withMethodology ? p.WithMethodologySplit() : p).ToArray();
            var deltas = players.Select(p => p.Performance).ToList();
            if (hasResidual)
            {
                deltas[residual] += unplaced;
            }
            else
            {
                deltas.Add(unplaced);
            }

            if (withMethodology)
            {
                deltas.Add(players.Sum(p => p.Methodology));
            }

            var game = new OwnPeerGame(t0, t1, peersThen, peersNow);
            var values = game.Shapley(deltas);
            for (var i = 0; i < components.Count; i++)
            {
                result._components[i].Add(values[i].ToDouble());
            }

            if (withMethodology)
            {
                result._methodology.Add(values[^1].ToDouble());
            }

            result._peers.Add(game.PeerEffect.ToDouble());
            result._rankChanges.Add(peersNow.RankOf(t1) - peersThen.RankOf(t0));
        }

        return result;
    }

    /// <summary>Share of draws in which the rank moved in the observed direction (for no observed change: moved at all).</summary>
    public double? ProbabilityRankChanged(int observedChange) =>
        _rankChanges.Count == 0 ? null
        : observedChange == 0 ? _rankChanges.Count(c => c != 0) / (double)_rankChanges.Count
        : _rankChanges.Count(c => Math.Sign(c) == Math.Sign(observedChange)) / (double)_rankChanges.Count;

    public UncertaintySummary? Summary(int observedChange) =>
        Interval(_rankChanges.Select(c => (double)c).ToList()) is { } interval
            ? new UncertaintySummary(_options.Draws, _options.Seed, _model, _noisy, interval,
                observedChange != 0 && ProbabilityRankChanged(observedChange) >= DistinguishableProbability)
            : null;

    /// <summary>The observed direction must hold in this share of draws to be told apart from sampling noise.</summary>
    public const double DistinguishableProbability = 0.95;

    /// <summary>
    /// Re-draws every province's survey-based points once: each province's new total, and the focus province's shift per
    /// field (in contribution points).
    /// </summary>
    private static (Dictionary<int, decimal> Totals, Dictionary<string, decimal> Own) Redraw(
        IndexYear table, int focusKey, IReadOnlyList<NoisyCriterion> noisy, Random rng)
    {
        var totals = new Dictionary<int, decimal>();
        var own = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var province in table.Provinces.Values.OrderBy(p => p.Province.Key))
        {
            if (province.Total is not { } total)
            {
                continue;
            }

            foreach (var c in noisy)
            {
                if (province.Score(c.Code) is not { } score)
                {
                    continue;
                }

                var drawn = Math.Clamp((double)score + (c.StandardError(score) * Gaussian(rng)), 0, (double)c.MaxPoints);
                var shift = c.FactorToTotal * (Math.Round((decimal)drawn, 4) - score);
                total += shift;
                if (province.Province.Key == focusKey)
                {
                    own[c.FieldCode] = own.GetValueOrDefault(c.FieldCode) + shift;
                }
            }

            totals[province.Province.Key] = total;
        }

        return (totals, own);
    }

    private static double Gaussian(Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>5th and 95th percentiles (linear interpolation between order statistics); null without draws.</summary>
    internal static EffectInterval? Interval(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return new EffectInterval(Percentile(sorted, 0.05), Percentile(sorted, 0.95));
    }

    internal static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
