using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>
/// Runs every rule over the warehouse for a scope, one index-year at a time, and stores the findings: the scope's
/// earlier findings are superseded, so <c>cchc dq</c> shows what is true now while the history stays queryable. Over the
/// whole warehouse (<c>cchc dq</c>, the nightly step) the structural rules (<see cref="QualityRules.Warehouse"/>) run too.
/// </summary>
public static class WarehouseQuality
{
    /// <param name="loadedSubjects">After a successful load: the subjects (dq subjects) it replaced, whose findings from
    /// earlier blocked files are superseded too. Empty for <c>cchc dq</c>: blocked files stay on record.</param>
    public static IReadOnlyList<DqFinding> Evaluate(ISqlRunner sql, long runId, long? fileId, string stage, QualityScope scope, IReadOnlyCollection<string> loadedSubjects)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(scope);
        var catalogue = CriterionCatalogue.Load(sql);
        var all = new List<DqFinding>();
        foreach (var (index, year) in WarehouseQualityReader.Partitions(sql, scope))
        {
            var data = WarehouseQualityReader.Read(sql, stage, index, year, catalogue);
            var findings = QualityRules.Run(data)
                .Where(f => scope.ProvinceKey is null || f.ProvinceKey == scope.ProvinceKey)
                .ToList();
            DqFindingStore.Supersede(sql, runId, index, year, scope.ProvinceKey, loadedSubjects);
            DqFindingStore.Save(sql, runId, fileId, stage, findings);
            all.AddRange(findings);
        }

        if (scope.ProvinceKey is null && stage is DqStages.Command or DqStages.Nightly)
        {
            var structural = QualityRules.Warehouse.SelectMany(rule => rule.Check(sql)).ToList();
            DqFindingStore.SupersedeRules(sql, runId, QualityRules.Warehouse.Select(r => r.Name).ToList());
            DqFindingStore.Save(sql, runId, fileId, stage, structural);
            all.AddRange(structural);
        }

        if (scope.IndexCode is null)
        {
            all.AddRange(EvaluateOneStopReports(sql, runId, fileId, stage, scope.Years, scope.ProvinceKey));
        }

        return all;
    }

    /// <summary>
    /// Runs the rules over the one-stop results reports (they belong to no index), one province and year (of the period's
    /// end) at a time, and stores their findings, superseding the earlier findings of that province and year.
    /// </summary>
    public static IReadOnlyList<DqFinding> EvaluateOneStopReports(ISqlRunner sql, long runId, long? fileId, string stage, IReadOnlyCollection<int>? years, int? provinceKey)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var all = new List<DqFinding>();
        foreach (var (province, year) in OneStopReportQualityReader.Partitions(sql)
                     .Where(p => (years is null || years.Contains(p.Year)) && (provinceKey is null || p.ProvinceKey == provinceKey)))
        {
            var data = new QualityDataset(stage, [], CriterionCatalogue.Empty) { OneStopReports = OneStopReportQualityReader.Read(sql, province, year) };
            var findings = QualityRules.Run(data);
            DqFindingStore.SupersedeSubject(sql, runId, DqSubjects.OneStopReport, year, province);
            DqFindingStore.Save(sql, runId, fileId, stage, findings);
            all.AddRange(findings);
        }

        return all;
    }
}
