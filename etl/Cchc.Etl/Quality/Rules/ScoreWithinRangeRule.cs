using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>A score lies between 0 and the criterion's max points; points lost are not negative nor above the max.</summary>
internal sealed class ScoreWithinRangeRule : QualityRule
{
    public override string Name => "score-within-range";

    public override DqSeverity Severity => DqSeverity.Error;

    public override string Description => "Every score lies between 0 and the criterion's max points (and so do points lost).";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var item in data.Items)
        {
            var values = $"max points {Num(item.MaxPoints)}; score {Num(item.Score)}; points lost as written {Num(item.StatedPointsLost)}";
            if (item.Score is { } score && score < -Rounding)
            {
                yield return Finding(item, $"{Where(item)}, criterion {item.CriterionCode}: score {Num(score)} is negative", values);
            }
            else if (item is { Score: { } s, MaxPoints: { } max } && s > max + Rounding)
            {
                yield return Finding(item, $"{Where(item)}, criterion {item.CriterionCode}: score {Num(s)} is above the max points {Num(max)}", values);
            }

            if (item.StatedPointsLost is { } lost && (lost < -Rounding || (item.MaxPoints is { } m && lost > m + Rounding)))
            {
                yield return Finding(item, $"{Where(item)}, criterion {item.CriterionCode}: points lost {Num(lost)} lie outside 0 … {Num(item.MaxPoints)}", values);
            }
        }
    }
}
