using Cchc.Warehouse.Plans;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>A plan row's "Thời gian thực hiện" names a date, a period or a continuous duty that can be read.</summary>
internal sealed class DeadlineReadableRule : QualityRule
{
    public override string Name => "deadline-readable";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "Plan deadlines name a date, quarter, month, year or a continuous duty.";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var row in data.PlanRows.Where(r => r.DeadlineKind == DeadlineKinds.Unparsed))
        {
            yield return Finding(row, $"{Where(row)}, criterion {row.CriterionCode}: the deadline '{row.DeadlineText}' names no date or period", $"deadline '{row.DeadlineText}'");
        }
    }
}
