using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>
/// Criteria add up to their field and fields to the total. For results of an additive index the children's scores must
/// equal the parent's when every child of the catalogue is present. A plan lists only the criteria that lost points,
/// so there the points lost of the rows under a parent must equal the parent's, and their max points and scores may
/// not exceed it.
/// </summary>
internal sealed class ChildrenSumToParentRule : QualityRule
{
    public override string Name => "children-sum-to-parent";

    public override DqSeverity Severity => DqSeverity.Warning;

    public override string Description => "Sub-criteria add up to their criterion, criteria to their field, fields to the total (plans: points lost).";

    public override IEnumerable<DqFinding> Check(QualityDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var groups = data.Items.GroupBy(i => (i.Subject, i.IndexCode, i.Year, i.ProvinceKey, i.PlanYear));
        foreach (var group in groups)
        {
            var items = group.ToList();
            var byParent = items.Where(i => i.ParentCode is not null).ToLookup(i => i.ParentCode!, StringComparer.Ordinal);
            foreach (var parent in items.DistinctBy(i => i.CriterionCode))
            {
                var children = byParent[parent.CriterionCode].DistinctBy(i => i.CriterionCode).ToList();
                if (children.Count == 0)
                {
                    continue;
                }

                var findings = group.Key.Subject == DqSubjects.RemediationPlan
                    ? CheckPlan(parent, children)
                    : CheckScores(data.Catalogue, parent, children);
                foreach (var finding in findings)
                {
                    yield return finding;
                }
            }
        }
    }

    private IEnumerable<DqFinding> CheckScores(CriterionCatalogue catalogue, QualityItem parent, List<QualityItem> children)
    {
        if (!QualityPolicy.IsAdditive(parent.IndexCode) || parent.Score is not { } total || children.Any(c => c.Score is null))
        {
            yield break;
        }

        var expected = catalogue.ChildrenOf(parent.IndexCode, parent.CriterionCode, parent.Year);
        if (expected.Count == 0 || expected.Any(e => children.All(c => c.CriterionCode != e.CriterionCode)))
        {
            yield break; // only a complete set of children can be compared with the parent
        }

        var sum = children.Sum(c => c.Score!.Value);
        if (Differs(sum, total, Rounding * children.Count))
        {
            yield return Finding(
                parent,
                $"{Where(parent)}: {Label(parent)} scores {Num(total)}, but its {children.Count} children add up to {Num(sum)}",
                $"{parent.CriterionCode} = {Num(total)}; " + string.Join(" + ", children.Select(c => $"{c.CriterionCode} {Num(c.Score)}")) + $" = {Num(sum)}");
        }
    }

    private IEnumerable<DqFinding> CheckPlan(QualityItem parent, List<QualityItem> children)
    {
        var tolerance = Rounding * children.Count;
        if (Lost(parent) is { } parentLost && children.All(c => Lost(c) is not null))
        {
            var sum = children.Sum(c => Lost(c)!.Value);
            if (Differs(sum, parentLost, tolerance))
            {
                var verdict = sum > parentLost ? "more than" : "less than";
                yield return Finding(
                    parent,
                    $"{Where(parent)}: {Label(parent)} loses {Num(parentLost)} points, but the rows under it lose {Num(sum)} as written ({verdict} the parent)",
                    $"{parent.CriterionCode} points lost {Num(parentLost)}; " + string.Join(" + ", children.Select(c => $"{c.CriterionCode} {Num(Lost(c))}")) + $" = {Num(sum)}");
            }
        }

        if (parent.MaxPoints is { } max && children.All(c => c.MaxPoints is not null) && children.Sum(c => c.MaxPoints!.Value) is var maxSum && maxSum > max + tolerance)
        {
            yield return Finding(
                parent,
                $"{Where(parent)}: the rows under {Label(parent)} have {Num(maxSum)} max points, more than its {Num(max)}",
                $"{parent.CriterionCode} max {Num(max)}; " + string.Join(" + ", children.Select(c => $"{c.CriterionCode} {Num(c.MaxPoints)}")) + $" = {Num(maxSum)}");
        }

        if (parent.Score is { } score && children.All(c => c.Score is not null) && children.Sum(c => c.Score!.Value) is var scoreSum && scoreSum > score + tolerance)
        {
            yield return Finding(
                parent,
                $"{Where(parent)}: the rows under {Label(parent)} score {Num(scoreSum)}, more than its {Num(score)}",
                $"{parent.CriterionCode} score {Num(score)}; " + string.Join(" + ", children.Select(c => $"{c.CriterionCode} {Num(c.Score)}")) + $" = {Num(scoreSum)}");
        }
    }

    /// <summary>Points lost as the plan writes them, else as computed.</summary>
    private static double? Lost(QualityItem item) =>
        item.StatedPointsLost ?? (item is { MaxPoints: { } max, Score: { } score } ? max - score : null);

    private static string Label(QualityItem item) =>
        item.CriterionCode == Warehouse.IndexCodes.Total ? "the total" : $"criterion {item.CriterionCode}";
}
