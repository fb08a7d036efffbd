using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>Agencies on a plan row are in the agency catalogue (an unknown name may be a typo or a new alias).</summary>
internal sealed class AgencyCataloguedRule : QualityRule
{
    public override string Name => "agency-catalogued";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "Every agency a plan names is a known agency or alias (else it is kept as written).";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var row in data.PlanRows.Where(r => r.UncataloguedAgencies.Count > 0))
        {
            yield return Finding(
                row,
                $"{Where(row)}, criterion {row.CriterionCode}: not in the agency catalogue, kept as written: {string.Join("; ", row.UncataloguedAgencies)}",
                string.Join("; ", row.UncataloguedAgencies));
        }
    }
}
