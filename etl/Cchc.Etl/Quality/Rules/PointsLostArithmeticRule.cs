using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>Points lost = max points − score, within rounding (plans write all three; PAR results when they do).</summary>
internal sealed class PointsLostArithmeticRule : QualityRule
{
    public override string Name => "points-lost-arithmetic";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "Points lost as written equal max points minus the score, within rounding.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var item in data.Items)
        {
            if (item is { MaxPoints: { } max, Score: { } score, StatedPointsLost: { } lost } && Differs(lost, max - score))
            {
                yield return Finding(
                    item,
                    $"{Where(item)}, criterion {item.CriterionCode}: points lost are written as {Num(lost)}, but max points − score = {Num(max)} − {Num(score)} = {Num(max - score)}",
                    $"max points {Num(max)}; score {Num(score)}; points lost as written {Num(lost)}; max − score {Num(max - score)}");
            }
        }
    }
}
