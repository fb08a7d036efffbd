namespace Cchc.Warehouse.Plans;

/// <summary>
/// A province's remediation plan (kế hoạch khắc phục) as the warehouse stores it: one plan per province and plan year,
/// each row of its appendix a <see cref="RemediationTask"/>.
/// </summary>
/// <param name="PlanYear">The year the plan is for (3770/KH-UBND: 2018).</param>
/// <param name="ResultYear">The PAR Index year whose lost points the plan addresses (3770/KH-UBND: 2017).</param>
public sealed record RemediationPlan(
    int ProvinceKey,
    int PlanYear,
    int ResultYear,
    string? PlanNumber,
    DateOnly? PlanDate,
    bool IsSynthetic,
    IReadOnlyList<RemediationTask> Tasks);

/// <summary>One row of a plan: a field, criterion or sub-criterion with its points and, where the plan gives one, the remedy.</summary>
public sealed record RemediationTask(
    int Sequence,
    string CriterionCode,
    string? ParentCriterionCode,
    int Level,
    string? CriterionName,
    double? MaxPoints,
    double? AppraisedPoints,
    double? PointsLostStated,
    double? PointsLostComputed,
    string? Remedy,
    string? LeadAgenciesText,
    string? CoordinatingAgenciesText,
    RemediationDeadline Deadline,
    string? Note,
    IReadOnlyList<AgencyAssignment> Agencies,
    SourceLocation Source);

/// <summary>The deadline as written and what could be read from it.</summary>
/// <param name="Kind">date | periodic | continuous | unparsed | none (see <see cref="DeadlineKinds"/>).</param>
public sealed record RemediationDeadline(string? Text, DateOnly? Date, string Kind, bool IsOngoing);

public static class DeadlineKinds
{
    public const string Date = "date";
    public const string Periodic = "periodic";
    public const string Continuous = "continuous";
    public const string Unparsed = "unparsed";
    public const string None = "none";
}

/// <summary>An agency named on a plan row, in a role, at a position of the list as written.</summary>
public sealed record AgencyAssignment(AgencyRecord Agency, string Role, int Ordinal, string AsWritten);

public static class AgencyRoles
{
    public const string Lead = "lead";
    public const string Coordinating = "coordinating";
}

/// <summary>A member of the conformed agency dimension (its province is the plan's, unless it is national).</summary>
public sealed record AgencyRecord(
    string Name,
    string NormalizedName,
    string? Abbreviation,
    string? NameEn,
    string AgencyType,
    bool IsCollective,
    bool IsCatalogued,
    bool IsNational);
