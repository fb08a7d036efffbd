using Cchc.Warehouse;
using Cchc.Warehouse.Plans;

namespace Cchc.Etl.Plans;

/// <summary>
/// Turns the rows as written into the warehouse's plan: criterion hierarchy from the codes, points lost recomputed
/// next to the written ones, agency lists split into the conformed agencies with their roles, deadlines read.
/// </summary>
internal sealed class RemediationPlanBuilder(AgencySplitter splitter)
{
    public static RemediationPlanBuilder Default { get; } = new(AgencySplitter.Default);

    public RemediationPlan Build(ParsedPlan parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var tasks = parsed.Rows.Select((row, i) => Task(row, i + 1, parsed.PlanYear)).ToList();
        return new RemediationPlan(parsed.Province.Key, parsed.PlanYear, parsed.ResultYear, parsed.PlanNumber, parsed.PlanDate, parsed.IsSynthetic, tasks);
    }

    private RemediationTask Task(PlanRow row, int sequence, int planYear)
    {
        var agencies = new List<AgencyAssignment>();
        foreach (var (role, text) in new[] { (AgencyRoles.Lead, row.LeadAgencies), (AgencyRoles.Coordinating, row.CoordinatingAgencies) })
        {
            var ordinal = 1;
            foreach (var (agency, asWritten) in splitter.Split(text))
            {
                agencies.Add(new AgencyAssignment(agency, role, ordinal++, asWritten));
            }
        }

        double? computed = row.MaxPoints is { } max && row.AppraisedPoints is { } score ? Math.Round(max - score, 6) : null;
        return new RemediationTask(
            sequence, row.CriterionCode, ParentOf(row.CriterionCode), LevelOf(row.CriterionCode), row.CriterionName,
            row.MaxPoints, row.AppraisedPoints, row.PointsLostStated, computed, row.Remedy, row.LeadAgencies,
            row.CoordinatingAgencies, DeadlineParser.Parse(row.Deadline, planYear), row.Note, agencies, row.Source);
    }

    /// <summary>'1.1.2' → '1.1'; '1' → 'TOTAL'; 'TOTAL' → null.</summary>
    public static string? ParentOf(string code) =>
        code == IndexCodes.Total ? null
        : code.LastIndexOf('.') is var dot and > 0 ? code[..dot]
        : IndexCodes.Total;

    /// <summary>0 for the total, 1 for a field ('3'), 2 for a criterion ('3.4'), 3 for a sub-criterion ('3.4.1').</summary>
    public static int LevelOf(string code) => code == IndexCodes.Total ? 0 : code.Count(c => c == '.') + 1;
}
