using Cchc.Etl.Sources;
using Cchc.Warehouse;
using Cchc.Warehouse.Plans;
using Cchc.Warehouse.Quality;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Quality;

/// <summary>Turns canonical records of a file (before they are loaded) into the items the rules read.</summary>
internal static class QualityInputs
{
    /// <summary>Scores of a parsed index file; max points and parents come from the catalogue, unknown provinces and
    /// criteria are left to the loader's quarantine.</summary>
    public static IReadOnlyList<QualityItem> FromScores(ParsedScores parsed, CriterionCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(catalogue);
        var items = new List<QualityItem>();
        var provinces = new Dictionary<(string Code, int Year), Province?>();
        foreach (var s in parsed.Scores)
        {
            if (!provinces.TryGetValue((s.ProvinceCode, s.Year), out var province))
            {
                provinces[(s.ProvinceCode, s.Year)] = province = ProvinceCatalog.Default.ByCode(s.ProvinceCode, s.Year);
            }

            if (province is null
                || catalogue.Find(s.IndexCode, s.CriterionCode, s.Year) is not { } criterion)
            {
                continue;
            }

            items.Add(new QualityItem(DqSubjects.IndexScore, s.IndexCode, s.Year, province.Key, s.CriterionCode)
            {
                ParentCode = criterion.ParentCode,
                MaxPoints = criterion.MaxPoints,
                Score = s.Score,
                PublishedRank = s.Rank,
                Source = s.Source,
            });
        }

        return items;
    }

    /// <summary>The rows of a plan, with its own max points and points lost as written.</summary>
    public static IReadOnlyList<QualityItem> FromPlan(RemediationPlan plan, long? fileId = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Tasks.Select(t => new QualityItem(DqSubjects.RemediationPlan, IndexCodes.Par, plan.ResultYear, plan.ProvinceKey, t.CriterionCode)
        {
            ParentCode = t.ParentCriterionCode,
            MaxPoints = t.MaxPoints,
            Score = t.AppraisedPoints,
            StatedPointsLost = t.PointsLostStated,
            PlanYear = plan.PlanYear,
            DeadlineText = t.Deadline.Text,
            DeadlineKind = t.Deadline.Kind,
            UncataloguedAgencies = t.Agencies.Where(a => !a.Agency.IsCatalogued).Select(a => a.AsWritten).Distinct().ToList(),
            Source = t.Source,
            FileId = fileId,
        }).ToList();
    }
}
