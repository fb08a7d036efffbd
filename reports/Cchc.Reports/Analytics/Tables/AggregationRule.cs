using System.Text.Json.Serialization;
namespace Cchc.Reports.Analytics.Tables;

[JsonConverter(typeof(JsonStringEnumConverter<AggregationBasis>))]
public enum AggregationBasis
{
    /// <summary>Parent = Σ children (PAR fields, PAPI dimensions).</summary>
    Sum,

    /// <summary>Parent = Σ weight × child, weights from <c>rpt.criterion</c> (PCI).</summary>
    CatalogueWeights,

    /// <summary>The catalogue has no weights that reproduce the parent, so weights were fitted by least squares
    /// (no intercept) over the year's provinces.</summary>
    FittedWeights,

    /// <summary>Neither a sum, the catalogue weights nor fitted weights reproduce the parent; the gap is reported as a residual.</summary>
    Unexplained,
}

/// <summary>
/// How one parent (a total or a field) is computed from its children in one index-year:
/// parent = Σ factor × child + residual. The residual (published rounding, a methodology detail, a missing child)
/// is never hidden: attribution shows it as its own component.
/// </summary>
public sealed class AggregationRule
{
    private AggregationRule(string parentCode, IReadOnlyDictionary<string, decimal> factors, AggregationBasis basis, decimal medianAbsoluteResidual, int provincesChecked)
    {
        ParentCode = parentCode;
        Factors = factors;
        Basis = basis;
        MedianAbsoluteResidual = medianAbsoluteResidual;
        ProvincesChecked = provincesChecked;
    }

    public string ParentCode { get; }

    public IReadOnlyDictionary<string, decimal> Factors { get; }

    public AggregationBasis Basis { get; }

    /// <summary>Median over provinces of |parent − Σ factor × child|.</summary>
    public decimal MedianAbsoluteResidual { get; }

    public int ProvincesChecked { get; }

    public decimal FactorOf(string childCode) => Factors.TryGetValue(childCode, out var f) ? f : 1m;

    public string Describe() => Basis switch
    {
        AggregationBasis.Sum => $"{ParentCode} = sum of its parts",
        AggregationBasis.CatalogueWeights => $"{ParentCode} = Σ weight × part (catalogue weights)",
        AggregationBasis.FittedWeights =>
            $"{ParentCode} = Σ weight × part with weights fitted by least squares over {ProvincesChecked} provinces (the catalogue's weights do not reproduce it): " +
            string.Join(", ", Factors.Select(f => FormattableString.Invariant($"{f.Key} {f.Value:0.####}"))),
        _ => FormattableString.Invariant($"{ParentCode} is not reproduced by its parts (median gap {MedianAbsoluteResidual:0.###}); the gap is shown as a residual"),
    };

    internal static AggregationRule Infer(IndexYear table, string parentCode)
    {
        var children = table.ChildrenOf(parentCode).Select(c => c.Code).ToList();
        var sum = children.ToDictionary(c => c, _ => 1m, StringComparer.Ordinal);
        if (children.Count == 0)
        {
            return new AggregationRule(parentCode, sum, AggregationBasis.Sum, 0m, 0);
        }

        var complete = table.Provinces.Values
            .Where(p => p.Score(parentCode) is not null && children.All(c => p.Score(c) is not null))
            .Select(p => (Parent: p.Score(parentCode)!.Value, Children: children.Select(c => p.Score(c)!.Value).ToArray()))
            .ToList();
        var hasWeights = children.Any(c => table.Criteria[c].Weight is not null);
        var catalogue = hasWeights
            ? children.ToDictionary(c => c, c => table.Criteria[c].Weight ?? 1m, StringComparer.Ordinal)
            : sum;
        if (complete.Count == 0)
        {
            return new AggregationRule(parentCode, catalogue, hasWeights ? AggregationBasis.CatalogueWeights : AggregationBasis.Sum, 0m, 0);
        }

        var candidates = new List<(IReadOnlyDictionary<string, decimal> Factors, AggregationBasis Basis)>();
        if (hasWeights)
        {
            candidates.Add((catalogue, AggregationBasis.CatalogueWeights));
        }

        candidates.Add((sum, AggregationBasis.Sum));
        foreach (var (factors, basis) in candidates)
        {
            var gap = MedianGap(complete, children, factors);
            if (gap <= Tolerance(complete, factors))
            {
                return new AggregationRule(parentCode, factors, basis, gap, complete.Count);
            }
        }

        if (complete.Count >= children.Count + 3 && FitWeights(complete, children) is { } fitted)
        {
            var gap = MedianGap(complete, children, fitted);
            if (gap <= Tolerance(complete, fitted))
            {
                return new AggregationRule(parentCode, fitted, AggregationBasis.FittedWeights, gap, complete.Count);
            }
        }

        return new AggregationRule(parentCode, catalogue, AggregationBasis.Unexplained, MedianGap(complete, children, catalogue), complete.Count);
    }

    private static decimal MedianGap(List<(decimal Parent, decimal[] Children)> rows, List<string> children, IReadOnlyDictionary<string, decimal> factors)
    {
        var gaps = rows.Select(r => Math.Abs(r.Parent - children.Select((c, i) => factors[c] * r.Children[i]).Sum())).Order().ToList();
        return gaps[gaps.Count / 2];
    }

    /// <summary>Half a unit in the last published decimal per term (scores are published to 2 decimals), or 0.2 %
    /// of the typical parent, whichever is larger.</summary>
    private static decimal Tolerance(List<(decimal Parent, decimal[] Children)> rows, IReadOnlyDictionary<string, decimal> factors)
    {
        var rounding = 0.005m * (1 + factors.Values.Sum(Math.Abs));
        var typical = rows.Select(r => Math.Abs(r.Parent)).Order().ElementAt(rows.Count / 2);
        return Math.Max(rounding, 0.002m * typical);
    }

    /// <summary>Least squares without intercept (normal equations, Gaussian elimination with partial pivoting).</summary>
    private static Dictionary<string, decimal>? FitWeights(List<(decimal Parent, decimal[] Children)> rows, List<string> children)
    {
        var k = children.Count;
        var a = new double[k, k + 1];
        foreach (var (parent, x) in rows)
        {
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    a[i, j] += (double)x[i] * (double)x[j];
                }

                a[i, k] += (double)x[i] * (double)parent;
            }
        }

        var w = LinearSystem.Solve(a);
        return w is null ? null : children.Select((c, i) => (c, w[i])).ToDictionary(t => t.c, t => Math.Round((decimal)t.Item2, 6), StringComparer.Ordinal);
    }
}

/// <summary>Solves a small dense linear system given as an augmented matrix.</summary>
internal static class LinearSystem
{
    public static double[]? Solve(double[,] augmented)
    {
        var n = augmented.GetLength(0);
        var a = (double[,])augmented.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = r;
                }
            }

            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                return null;
            }

            if (pivot != col)
            {
                for (var c = 0; c <= n; c++)
                {
                    (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                }
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = a[r, col] / a[col, col];
                for (var c = col; c <= n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = a[i, n] / a[i, i];
        }

        return x;
    }
}
