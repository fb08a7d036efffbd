using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>A province's planned total (in hundredths of a percent point) and rank for one year.</summary>
internal sealed record ParPlannedTotal(Province Province, int Hundredths, int Rank);

/// <summary>
/// Plans one year's ranking: a realistic curve of totals by rank (normal quantiles around the year's average) bent
/// to every real fact — pinned ranks, known totals, group bands, the national average, the count above average,
/// risers and fallers against last year — with the remaining provinces ordered by their shared latent quality so that
/// the PAR sample correlates with the synthetic PCI and PAPI. Totals are whole hundredths, strictly decreasing by
/// rank, so ranks follow from totals without ties. If the facts leave no room the planner throws: a silent
/// compromise would present a broken fact as real.
/// </summary>
internal sealed class ParTotalsPlanner
{
    private readonly int _n;
    private readonly int[] _lower;
    private readonly int[] _upper;
    private readonly Province?[] _slot;
    private readonly int?[] _fixed;
    private readonly double[] _curve;
    private int[] _values = [];

    private ParTotalsPlanner(int n, double mean, double sd, Random rng)
    {
        _n = n;
        _lower = new int[n];
        _upper = Enumerable.Repeat(10_000, n).ToArray();
        _slot = new Province?[n];
        _fixed = new int?[n];
        _curve = new double[n];
        for (var k = 0; k < n; k++)
        {
            _curve[k] = (mean + (sd * Probit((n - k - 0.5) / n))) * 100;
        }

        // Real rankings are not a smooth curve: shake each point by up to half the gap to its neighbours.
        for (var k = 1; k < n - 1; k++)
        {
            _curve[k] += (rng.NextDouble() - 0.5) * Math.Min(_curve[k - 1] - _curve[k], _curve[k] - _curve[k + 1]);
        }
    }

    public static IReadOnlyList<ParPlannedTotal> Plan(
        IReadOnlyList<Province> provinces,
        IReadOnlyList<ParTotalFact> facts,
        ParYearConstraints constraints,
        IReadOnlyDictionary<int, int>? previous,
        (double Mean, double Sd) shape,
        Func<Province, double> latent,
        Random rng,
        Func<Province, double?>? anchoredRank = null)
    {
        var planner = new ParTotalsPlanner(provinces.Count, (double?)constraints.Mean ?? shape.Mean, shape.Sd, rng);
        planner.ApplyBands(constraints);
        planner.PinFacts(facts);
        var target = constraints.Mean is { } mean ? (int)(mean * 100) * provinces.Count : (int?)null;
        planner.Solve(target);
        var movable = planner.FillByLatent(provinces, latent, anchoredRank ?? (_ => null));
        if (previous is not null && (constraints.Rose is not null || constraints.Fell is not null))
        {
            planner.MeetChanges(constraints, previous, movable, target);
        }

        return Enumerable.Range(0, planner._n).Select(k => new ParPlannedTotal(planner._slot[k]!, planner._values[k], k + 1)).ToList();
    }

    private void ApplyBands(ParYearConstraints constraints)
    {
        // Synthetic totals keep a hundredth away from every band edge, so "above 80%" holds whatever the convention.
        foreach (var band in constraints.Bands)
        {
            for (var k = band.FromRank - 1; k < band.ToRank; k++)
            {
                if (band.Lower is { } lower)
                {
                    _lower[k] = Math.Max(_lower[k], ToHundredths(lower) + 1);
                }

                if (band.Upper is { } upper)
                {
                    _upper[k] = Math.Min(_upper[k], ToHundredths(upper) - 1);
                }
            }
        }
    }

    private void PinFacts(IReadOnlyList<ParTotalFact> facts)
    {
        foreach (var fact in facts.Where(f => f.Rank is not null))
        {
            var k = fact.Rank!.Value - 1;
            if (k >= _n || _slot[k] is not null)
            {
                throw new InvalidOperationException($"PAR {fact.Year}: rank {fact.Rank} of {fact.Province.ShortName} cannot be placed among {_n} provinces.");
            }

            _slot[k] = fact.Province;
            _fixed[k] = fact.Score is { } s ? ToHundredths(s) : null;
        }

        // A total without a rank takes the free rank where the curve is closest to it, between the totals known above and below.
        foreach (var fact in facts.Where(f => f.Rank is null && f.Score is not null).OrderByDescending(f => f.Score))
        {
            var value = ToHundredths(fact.Score!.Value);
            var (lower, upper) = Bounds();
            var projected = Project(0, lower, upper);
            var best = Enumerable.Range(0, _n)
                .Where(k => _slot[k] is null && _fixed[k] is null && lower[k] <= value && value <= upper[k])
                .OrderBy(k => Math.Abs(projected[k] - value)).ThenBy(k => k)
                .Select(k => (int?)k).FirstOrDefault()
                ?? throw new InvalidOperationException($"PAR {fact.Year}: no rank fits {fact.Describe()} beside the other facts.");
            _slot[best] = fact.Province;
            _fixed[best] = value;
        }
    }

    /// <summary>Totals for every rank: fixed where known, the curve elsewhere, meeting the target sum (average) exactly.</summary>
    private void Solve(int? targetSum)
    {
        var (lower, upper) = Bounds();
        if (targetSum is not { } target)
        {
            _values = Project(0, lower, upper);
            return;
        }

        double lo = -5_000, hi = 5_000;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (Project(mid, lower, upper).Sum() < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        _values = Project(hi, lower, upper);
        var sum = _values.Sum();
        while (sum != target)
        {
            var step = sum < target ? 1 : -1;
            var changed = false;
            var order = step > 0 ? Enumerable.Range(0, _n) : Enumerable.Range(0, _n).Reverse();
            foreach (var k in order)
            {
                var next = _values[k] + step;
                var room = _fixed[k] is null && next >= lower[k] && next <= upper[k]
                    && (k == 0 || next < _values[k - 1]) && (k == _n - 1 || next > _values[k + 1]);
                if (room)
                {
                    _values[k] = next;
                    sum += step;
                    changed = true;
                    if (sum == target)
                    {
                        break;
                    }
                }
            }

            if (!changed)
            {
                throw new InvalidOperationException($"PAR: the national average cannot be met within the bounds the facts set (sum {sum}, target {target}).");
            }
        }
    }

    /// <summary>Bounds per rank after the strict ordering is propagated (a total is at least a hundredth above the next).</summary>
    private (int[] Lower, int[] Upper) Bounds()
    {
        var lower = new int[_n];
        var upper = new int[_n];
        for (var k = 0; k < _n; k++)
        {
            (lower[k], upper[k]) = _fixed[k] is { } f ? (f, f) : (_lower[k], _upper[k]);
        }

        for (var k = _n - 2; k >= 0; k--)
        {
            lower[k] = Math.Max(lower[k], lower[k + 1] + 1);
        }

        for (var k = 1; k < _n; k++)
        {
            upper[k] = Math.Min(upper[k], upper[k - 1] - 1);
        }

        for (var k = 0; k < _n; k++)
        {
            if (lower[k] > upper[k])
            {
                throw new InvalidOperationException($"PAR: the facts leave no total for rank {k + 1} (needs {lower[k] / 100.0:0.00}–{upper[k] / 100.0:0.00}).");
            }
        }

        return (lower, upper);
    }

    private int[] Project(double shift, int[] lower, int[] upper)
    {
        var v = new int[_n];
        for (var k = 0; k < _n; k++)
        {
            v[k] = _fixed[k] ?? Math.Clamp((int)Math.Round(_curve[k] + shift), lower[k], upper[k]);
            if (k > 0 && _fixed[k] is null)
            {
                v[k] = Math.Min(v[k], v[k - 1] - 1);
            }
        }

        return v;
    }

    /// <summary>
    /// Fills the ranks no fact took: first each province with an anchored rank (one with real ranks in other years,
    /// see <see cref="Samples.SyntheticProvinces.ParAnchoredRank"/>) takes the free rank nearest its anchor, in the
    /// anchors' order; then the other provinces fill the remaining ranks in the order of their latent.
    /// </summary>
    private HashSet<int> FillByLatent(IReadOnlyList<Province> provinces, Func<Province, double> latent, Func<Province, double?> anchoredRank)
    {
        var placed = _slot.OfType<Province>().Select(p => p.Key).ToHashSet();
        var free = provinces.Where(p => !placed.Contains(p.Key)).ToList();
        var anchored = free.Select(p => (Province: p, Rank: anchoredRank(p))).Where(x => x.Rank is not null)
            .OrderBy(x => x.Rank).ThenBy(x => x.Province.Key).ToList();
        foreach (var (province, rank) in anchored)
        {
            var slot = Enumerable.Range(0, _n).Where(k => _slot[k] is null)
                .OrderBy(k => Math.Abs(k + 1 - rank!.Value)).ThenBy(k => k).First();
            _slot[slot] = province;
        }

        var rest = free.Except(anchored.Select(a => a.Province)).OrderByDescending(latent).ThenBy(p => p.Key).ToList();
        var slots = Enumerable.Range(0, _n).Where(k => _slot[k] is null).ToList();
        for (var i = 0; i < slots.Count; i++)
        {
            _slot[slots[i]] = rest[i];
        }

        return free.Select(p => p.Key).ToHashSet();
    }

    /// <summary>Meets "N rose, M fell" by fixing the unchanged ones to last year's total and swapping free provinces.</summary>
    private void MeetChanges(ParYearConstraints c, IReadOnlyDictionary<int, int> previous, HashSet<int> movable, int? targetSum)
    {
        int Status(int k) => Math.Sign(_values[k] - previous[_slot[k]!.Key]);
        int Objective()
        {
            var statuses = Enumerable.Range(0, _n).Select(Status).ToList();
            return Math.Abs((c.Rose ?? statuses.Count(s => s > 0)) - statuses.Count(s => s > 0))
                + Math.Abs((c.Fell ?? statuses.Count(s => s < 0)) - statuses.Count(s => s < 0))
                + Math.Abs((c.Unchanged ?? statuses.Count(s => s == 0)) - statuses.Count(s => s == 0));
        }

        for (var wanted = c.Unchanged ?? 0; Enumerable.Range(0, _n).Count(k => Status(k) == 0) < wanted;)
        {
            KeepOneUnchanged(previous, movable);
            Solve(targetSum);
        }

        var objective = Objective();
        while (objective > 0)
        {
            var best = (Objective: objective, A: -1, B: -1);
            for (var a = 0; a < _n; a++)
            {
                for (var b = a + 1; b < _n; b++)
                {
                    if (!movable.Contains(_slot[a]!.Key) || !movable.Contains(_slot[b]!.Key))
                    {
                        continue;
                    }

                    (_slot[a], _slot[b]) = (_slot[b], _slot[a]);
                    var candidate = Objective();
                    (_slot[a], _slot[b]) = (_slot[b], _slot[a]);
                    if (candidate < best.Objective || (candidate == best.Objective && best.A >= 0 && b - a < best.B - best.A))
                    {
                        best = (candidate, a, b);
                    }
                }
            }

            if (best.A < 0 || best.Objective >= objective)
            {
                throw new InvalidOperationException($"PAR {c.Year}: cannot meet '{c.Rose} rose, {c.Fell} fell' ({c.ChangeSource}) with the free provinces.");
            }

            (_slot[best.A], _slot[best.B]) = (_slot[best.B], _slot[best.A]);
            objective = best.Objective;
        }
    }

    private void KeepOneUnchanged(IReadOnlyDictionary<int, int> previous, HashSet<int> movable)
    {
        var (lower, upper) = Bounds();
        var choice = (from k in Enumerable.Range(0, _n)
                      where _fixed[k] is null && movable.Contains(_slot[k]!.Key)
                      from p in movable
                      let old = previous[p]
                      where old >= lower[k] && old <= upper[k] && (k == 0 || old < _values[k - 1]) && (k == _n - 1 || old > _values[k + 1])
                      orderby Math.Abs(_values[k] - old), k, p
                      select (Slot: k, Province: p, Value: old)).FirstOrDefault();
        if (choice == default)
        {
            throw new InvalidOperationException("PAR: no free province can keep last year's total at a free rank.");
        }

        var from = Array.FindIndex(_slot, s => s!.Key == choice.Province);
        (_slot[from], _slot[choice.Slot]) = (_slot[choice.Slot], _slot[from]);
        _fixed[choice.Slot] = choice.Value;
        movable.Remove(choice.Province);
    }

    private static int ToHundredths(decimal percent) => (int)Math.Round(percent * 100, MidpointRounding.AwayFromZero);

    /// <summary>Inverse of the standard normal CDF (Acklam's rational approximation; |error| &lt; 1.2e-9).</summary>
    internal static double Probit(double p)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
