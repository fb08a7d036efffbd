using System.Globalization;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>What one province-year's criterion tree must respect. Values are in units of 0.0001 point.</summary>
internal sealed class ParTreeConstraints
{
    /// <summary>Nodes whose score is known (real facts, or implied by them).</summary>
    public Dictionary<string, long> Fixed { get; } = new(StringComparer.Ordinal);

    /// <summary>Fields whose appraisal part is known (the seed appendix's field rows exclude the survey points).</summary>
    public Dictionary<string, long> FixedAppraisal { get; } = new(StringComparer.Ordinal);

    /// <summary>Bounds on a node's score (e.g. to keep a known field rank true for other provinces).</summary>
    public Dictionary<string, (long Lower, long Upper)> Bounds { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Splits a province's total over the methodology tree, top-down: each node's score is shared among its children in
/// proportion to a logistic "propensity" (criterion difficulty plus the province's own tilt towards that node — its
/// persistent strength and this year's shock, see <see cref="Samples.SyntheticProvinces"/>), clamped to what each child's
/// subtree can hold, so scores stay within 0..max and every parent is exactly the sum of its children. Known scores are
/// honoured at any level. Appraisal leaves are scored in hundredths (as appraisal is), percentage-based and survey
/// leaves in ten-thousandths.
/// </summary>
internal sealed class ParTreeAllocator
{
    public const long UnitsPerPoint = 10_000;

    private readonly ParMethodology _methodology;
    private readonly ParTreeConstraints _constraints;
    private readonly Dictionary<string, double> _propensity;
    private readonly Dictionary<string, long> _scores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Lower, long Upper)> _ranges = new(StringComparer.Ordinal);
    private readonly List<string> _roundingNotes = [];

    private ParTreeAllocator(ParMethodology methodology, ParTreeConstraints constraints, Func<ParCriterion, double> tilt)
    {
        _methodology = methodology;
        _constraints = constraints;
        _propensity = methodology.Criteria.ToDictionary(c => c.Code, c => Difficulty(c) + tilt(c), StringComparer.Ordinal);
    }

    /// <summary>Scores of every node, TOTAL included; <paramref name="roundingNotes"/> lists known parts that do not
    /// add up exactly to their known total (rounded publications), which are kept as published.</summary>
    /// <param name="tilt">The province-year's own tilt towards each node, added to the node's difficulty.</param>
    public static Dictionary<string, long> Allocate(
        ParMethodology methodology, long total, ParTreeConstraints constraints, Func<ParCriterion, double> tilt, out IReadOnlyList<string> roundingNotes)
    {
        var allocator = new ParTreeAllocator(methodology, constraints, tilt);
        allocator.Assign(methodology.Total, total);
        roundingNotes = allocator._roundingNotes;
        return allocator._scores;
    }

    /// <summary>The scores a node's subtree can reach, given everything known below it.</summary>
    public static (long Lower, long Upper) Range(ParMethodology methodology, ParTreeConstraints constraints, string code) =>
        new ParTreeAllocator(methodology, constraints, _ => 0).RangeOf(code);

    private void Assign(ParCriterion node, long score)
    {
        _scores[node.Code] = score;
        var children = _methodology.ChildrenOf(node.Code);
        if (children.Count == 0)
        {
            return;
        }

        if (_constraints.FixedAppraisal.TryGetValue(node.Code, out var appraisal))
        {
            Share(node, children.Where(c => c.PointsSource == ParCriterion.Appraisal).ToList(), appraisal);
            Share(node, children.Where(c => c.PointsSource != ParCriterion.Appraisal).ToList(), score - appraisal);
        }
        else
        {
            Share(node, children, score);
        }
    }

    private void Share(ParCriterion parent, IReadOnlyList<ParCriterion> children, long target)
    {
        var known = children.Where(c => _constraints.Fixed.ContainsKey(c.Code)).ToList();
        var free = children.Except(known).ToList();
        foreach (var child in known)
        {
            Assign(child, _constraints.Fixed[child.Code]);
        }

        var residual = target - known.Sum(c => _constraints.Fixed[c.Code]);
        if (free.Count == 0)
        {
            if (residual != 0)
            {
                // Published parts are rounded: tolerate up to half a hundredth per part, and say so.
                if (Math.Abs(residual) > 50L * known.Count)
                {
                    throw new InvalidOperationException($"PAR {_methodology.Version}: the known parts of {parent.Code} add up to {Points(target - residual)}, not {Points(target)}.");
                }

                _roundingNotes.Add($"the known parts of {parent.Code} add up to {Points(target - residual)} while its published value is {Points(target)}");
            }

            return;
        }

        var ranges = free.Select(c => RangeOf(c.Code)).ToList();
        if (residual < ranges.Sum(r => r.Lower) || residual > ranges.Sum(r => r.Upper))
        {
            throw new InvalidOperationException(
                $"PAR {_methodology.Version}: {parent.Code} cannot share {Points(residual)} among {string.Join(", ", free.Select(f => f.Code))} (they can hold {Points(ranges.Sum(r => r.Lower))}–{Points(ranges.Sum(r => r.Upper))}).");
        }

        var values = Spread(free, ranges, residual);
        for (var i = 0; i < free.Count; i++)
        {
            Assign(free[i], values[i]);
        }
    }

    /// <summary>Logistic shares: value_i = lower_i + (upper_i − lower_i)·σ(propensity_i + θ), θ found by bisection.</summary>
    private long[] Spread(IReadOnlyList<ParCriterion> nodes, IReadOnlyList<(long Lower, long Upper)> ranges, long target)
    {
        var propensity = nodes.Select(n => _propensity[n.Code]).ToArray();
        double Total(double theta)
        {
            var sum = 0.0;
            for (var i = 0; i < propensity.Length; i++)
            {
                sum += ranges[i].Lower + ((ranges[i].Upper - ranges[i].Lower) * Sigmoid(propensity[i] + theta));
            }

            return sum;
        }

        double lo = -60, hi = 60;
        for (var i = 0; i < 48; i++)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = Total(mid) < target ? (mid, hi) : (lo, mid);
        }

        var theta = (lo + hi) / 2;
        var values = new long[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            var exact = ranges[i].Lower + ((ranges[i].Upper - ranges[i].Lower) * Sigmoid(propensity[i] + theta));
            var quantum = Quantum(nodes[i]);
            values[i] = Math.Clamp((long)Math.Round(exact / quantum) * quantum, ranges[i].Lower, ranges[i].Upper);
        }

        // Rounding leaves a few units over or short: the finest-grained nodes with room take them.
        var diff = target - values.Sum();
        foreach (var i in Enumerable.Range(0, nodes.Count).OrderBy(i => Quantum(nodes[i])).ThenByDescending(i => ranges[i].Upper - ranges[i].Lower))
        {
            if (diff == 0)
            {
                break;
            }

            var room = diff > 0 ? ranges[i].Upper - values[i] : values[i] - ranges[i].Lower;
            var step = Math.Sign(diff) * Math.Min(Math.Abs(diff), room);
            values[i] += step;
            diff -= step;
        }

        return diff == 0 ? values : throw new InvalidOperationException($"PAR {_methodology.Version}: rounding left {diff} units unplaced.");
    }

    private (long Lower, long Upper) RangeOf(string code)
    {
        if (_ranges.TryGetValue(code, out var cached))
        {
            return cached;
        }

        var node = _methodology.Get(code);
        (long Lower, long Upper) range;
        if (_constraints.Fixed.TryGetValue(code, out var known))
        {
            range = (known, known);
        }
        else
        {
            var children = _methodology.ChildrenOf(code);
            if (children.Count == 0)
            {
                range = (0, Units(node.MaxPoints));
            }
            else if (_constraints.FixedAppraisal.TryGetValue(code, out var appraisal))
            {
                var rest = children.Where(c => c.PointsSource != ParCriterion.Appraisal).Select(c => RangeOf(c.Code)).ToList();
                range = (appraisal + rest.Sum(r => r.Lower), appraisal + rest.Sum(r => r.Upper));
            }
            else
            {
                var parts = children.Select(c => RangeOf(c.Code)).ToList();
                range = (parts.Sum(r => r.Lower), parts.Sum(r => r.Upper));
            }

            if (_constraints.Bounds.TryGetValue(code, out var bounds))
            {
                range = (Math.Max(range.Lower, bounds.Lower), Math.Min(range.Upper, bounds.Upper));
            }
        }

        if (range.Lower > range.Upper)
        {
            throw new InvalidOperationException($"PAR {_methodology.Version}: criterion {code} has no feasible score ({Points(range.Lower)} > {Points(range.Upper)}).");
        }

        _ranges[code] = range;
        return range;
    }

    private long Quantum(ParCriterion node) =>
        !_methodology.IsLeaf(node.Code) || node.IsSurvey || node.NameVi.StartsWith("Tỷ lệ", StringComparison.Ordinal) ? 1 : 100;

    /// <summary>Survey points are harder to earn than appraisal points; each criterion keeps its own fixed tilt.</summary>
    private static double Difficulty(ParCriterion criterion)
    {
        var tilt = ((StableHash(criterion.Code) % 1000) / 1000.0) - 0.5;
        return (criterion.IsSurvey ? 0.4 : 1.4) + tilt;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var h = 23;
            foreach (var c in text)
            {
                h = (h * 31) + c;
            }

            return h & int.MaxValue;
        }
    }

    private static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    public static long Units(decimal points) => (long)Math.Round(points * UnitsPerPoint, MidpointRounding.AwayFromZero);

    private static string Points(long units) => (units / (decimal)UnitsPerPoint).ToString("0.####", CultureInfo.InvariantCulture);
}
