namespace Cchc.Reports.Analytics.Data;

/// <summary>A task's lead agencies as the plan names them, and in English where the agency catalogue knows them.</summary>
public sealed record AgencyNames(string Vi, string? En)
{
    public string In(bool english) => english ? En ?? Vi : Vi;
}

/// <summary>
/// The lead agency per criterion code of one remediation plan of a province, and which results the plan addresses: a
/// plan's criterion codes are those of the methodology of the result year it addresses, so agencies are only matched to
/// criteria of that same methodology version.
/// </summary>
public sealed record PlanAgencies(int PlanYear, int ResultYear, string? MethodologyVersion, IReadOnlyDictionary<string, AgencyNames> ByCriterion);
