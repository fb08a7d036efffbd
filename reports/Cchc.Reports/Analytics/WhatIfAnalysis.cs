using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.WhatIf;

namespace Cchc.Reports.Analytics;

/// <summary>A what-if: criterion scores to set (may be empty), the level of the priority table and a target rank.</summary>
public sealed record WhatIfRequest(string IndexCode, int Year, int ProvinceKey, IReadOnlyDictionary<string, decimal> Set, int? Level = null, int? TargetRank = null);

/// <summary>The simulated scores (when any were set) and the priorities for the province-year.</summary>
public sealed record WhatIfReport(WhatIfResult? Simulation, PriorityReport Priorities, IReadOnlyList<string> Notes);

public static class WhatIfAnalysis
{
    public static WhatIfReport Run(AnalyticsSource source, WhatIfRequest request)
    {
        var table = source.Table(request.IndexCode, request.Year)
            ?? throw new AnalyticsDataException(DriversAnalysis.MissingYear(source, request.IndexCode, request.Year));
        var province = table.Province(request.ProvinceKey)?.Province
            ?? throw new AnalyticsDataException($"The warehouse has no {request.IndexCode} {request.Year} scores for this province.");
        var simulation = request.Set.Count > 0 ? WhatIfSimulator.Apply(table, request.ProvinceKey, request.Set) : null;
        var priorities = PriorityPlanner.Build(table, request.ProvinceKey, request.Level, request.TargetRank,
            source.LeadAgencies(province, request.IndexCode, request.Year), source.Level1Tables(request.IndexCode));
        return new WhatIfReport(simulation, priorities, source.Notes.Distinct().ToList());
    }
}
