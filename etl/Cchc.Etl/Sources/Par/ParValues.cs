using System.Globalization;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Par;

/// <summary>Scores and ranks read so far, keyed by province and criterion; the same value on two sheets must agree.</summary>
internal sealed class ParValues
{
    private const double Tolerance = 1e-6;

    private readonly Dictionary<(int ProvinceKey, string Code), (double Value, SourceLocation Where)> _scores = [];
    private readonly Dictionary<(int ProvinceKey, string Code), (int Value, SourceLocation Where)> _ranks = [];

    public IEnumerable<(int ProvinceKey, string Code)> Keys => _scores.Keys.Union(_ranks.Keys);

    public (double Value, SourceLocation Where)? Score((int, string) key) => _scores.TryGetValue(key, out var v) ? v : null;

    public (int Value, SourceLocation Where)? Rank((int, string) key) => _ranks.TryGetValue(key, out var v) ? v : null;

    public void AddScore((int ProvinceKey, string Code) key, double value, SourceLocation where, List<QuarantineRecord> rejected)
    {
        if (_scores.TryGetValue(key, out var first))
        {
            if (Math.Abs(first.Value - value) > Tolerance)
            {
                rejected.Add(new QuarantineRecord(where,
                    string.Create(CultureInfo.InvariantCulture, $"criterion {key.Code} score {value} differs from {first.Value} at {first.Where}; the first is kept"),
                    value.ToString(CultureInfo.InvariantCulture)));
            }

            return;
        }

        _scores[key] = (value, where);
    }

    public void AddRank((int ProvinceKey, string Code) key, int value, SourceLocation where, List<QuarantineRecord> rejected)
    {
        if (_ranks.TryGetValue(key, out var first))
        {
            if (first.Value != value)
            {
                rejected.Add(new QuarantineRecord(where,
                    $"criterion {key.Code} rank {value} differs from {first.Value} at {first.Where}; the first is kept",
                    value.ToString(CultureInfo.InvariantCulture)));
            }

            return;
        }

        _ranks[key] = (value, where);
    }

    /// <summary>The appraisal part of a field: the sum of its appraisal criteria, or null when one is missing.</summary>
    public double? AppraisalPart(int provinceKey, string fieldCode, ParMethodology methodology)
    {
        var parts = methodology.ChildrenOf(fieldCode).Where(c => c.PointsSource == ParCriterion.Appraisal).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var sum = 0.0;
        foreach (var part in parts)
        {
            if (Score((provinceKey, part.Code)) is not { } score)
            {
                return null;
            }

            sum += score.Value;
        }

        return sum;
    }
}
