using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>What one evaluation hands the rules: the items, the catalogue, and the stage it runs in.</summary>
public sealed class QualityDataset
{
    private readonly Dictionary<(int Province, int Year, string Code), QualityItem> _results;

    public QualityDataset(string stage, IReadOnlyList<QualityItem> items, CriterionCatalogue catalogue)
    {
        Stage = stage;
        Items = items;
        Catalogue = catalogue;
        _results = items.Where(i => i.Subject == DqSubjects.IndexScore && i.IndexCode == Warehouse.IndexCodes.Par)
            .GroupBy(i => (i.ProvinceKey, i.Year, i.CriterionCode))
            .ToDictionary(g => g.Key, g => g.First());
    }

    public string Stage { get; }

    public IReadOnlyList<QualityItem> Items { get; }

    public CriterionCatalogue Catalogue { get; }

    public IEnumerable<QualityItem> Scores => Items.Where(i => i.Subject == DqSubjects.IndexScore);

    public IEnumerable<QualityItem> PlanRows => Items.Where(i => i.Subject == DqSubjects.RemediationPlan);

    /// <summary>One-stop results reports of the evaluated scope (subject onestop_report).</summary>
    public IReadOnlyList<OneStopReportData> OneStopReports { get; init; } = [];

    /// <summary>The PAR appraisal result for a province, year and criterion, when the dataset holds it.</summary>
    public QualityItem? ParResult(int provinceKey, int year, string criterionCode) =>
        _results.GetValueOrDefault((provinceKey, year, criterionCode));
}
