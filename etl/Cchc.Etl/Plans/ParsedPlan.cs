using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Plans;

/// <summary>One row of a plan table, as written (numbers read, text NFC).</summary>
public sealed record PlanRow(
    string CriterionCode,
    string? CriterionName,
    double? MaxPoints,
    double? AppraisedPoints,
    double? PointsLostStated,
    string? Remedy,
    string? LeadAgencies,
    string? CoordinatingAgencies,
    string? Deadline,
    string? Note,
    SourceLocation Source);

/// <summary>What the plan parser got out of a file: whose plan it is, its rows, and rows it could not use.</summary>
public sealed record ParsedPlan(
    Province Province,
    int PlanYear,
    int ResultYear,
    string? PlanNumber,
    DateOnly? PlanDate,
    bool IsSynthetic,
    IReadOnlyList<PlanRow> Rows,
    IReadOnlyList<QuarantineRecord> Rejected);

/// <summary>What the command line can say about a plan when its document does not: <c>--province</c>, <c>--year</c>
/// (the plan year) and <c>--result-year</c> (the PAR year it addresses; default the year before the plan year).</summary>
public sealed record PlanLoadOptions(string? Province = null, int? PlanYear = null, int? ResultYear = null)
{
    public static PlanLoadOptions None { get; } = new();
}
