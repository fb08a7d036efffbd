using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Models;
using Cchc.Warehouse;

namespace Cchc.Reports.Analytics;

/// <summary>What to explain: one province's rank in one index and year (compared with the year before).</summary>
/// <param name="Uncertainty">Re-measurements of the survey-based points to simulate (null: the defaults; zero draws: none).</param>
public sealed record DriversRequest(
    string IndexCode, int Year, int ProvinceKey, bool IncludeModels = true, ModelOptions? ModelOptions = null, UncertaintyOptions? Uncertainty = null);

/// <summary>Everything <c>cchc drivers</c> and the report show about why a rank moved.</summary>
/// <param name="Waterfall">Null when there is no previous year to start from (or a merged province).</param>
/// <param name="Models">Cross-index rank model and next-year rank-change model, each with baselines (empty when
/// models were not requested).</param>
public sealed record DriversReport(RankAttribution Attribution, ScoreWaterfall? Waterfall, IReadOnlyList<ModelReport> Models, IReadOnlyList<string> Notes);

/// <summary>Composes the exact attribution, the waterfall and the models for one province-year.</summary>
public static class DriversAnalysis
{
    public static DriversReport Run(AnalyticsSource source, DriversRequest request)
    {
        var current = source.Table(request.IndexCode, request.Year)
            ?? throw new AnalyticsDataException(MissingYear(source, request.IndexCode, request.Year));
        var previous = source.Table(request.IndexCode, request.Year - 1);
        var mapping = previous is not null && previous.MethodologyVersion != current.MethodologyVersion
            ? source.CriterionMapping(request.IndexCode)
            : CriterionMapping.Empty;
        var attribution = RankAttributor.Attribute(current, previous, request.ProvinceKey, source.Provinces, mapping, request.Uncertainty ?? new UncertaintyOptions());
        var models = new List<ModelReport>();
        if (request.IncludeModels)
        {
            var options = request.ModelOptions ?? new ModelOptions();
            var tables = new[] { IndexCodes.Par, IndexCodes.Pci, IndexCodes.Papi }.SelectMany(source.Level1Tables).ToList();
            models.Add(ModelEvaluator.Evaluate(
                DatasetBuilder.CrossIndexRank(tables, request.IndexCode, source.OnTimeRates()),
                options with { FocusProvinceKey = request.ProvinceKey, FocusYear = request.Year }));

            // The focus row of the next-year model is last year's profile predicting the change into this year,
            // i.e. the same change the attribution explains.
            models.Add(ModelEvaluator.Evaluate(
                DatasetBuilder.NextYearRankChange(tables, request.IndexCode),
                options with { FocusProvinceKey = attribution.PreviousEntity?.Key ?? request.ProvinceKey, FocusYear = request.Year - 1 }));
        }

        return new DriversReport(attribution, ScoreWaterfall.From(attribution), models, source.Notes.Distinct().ToList());
    }

    internal static string MissingYear(AnalyticsSource source, string indexCode, int year)
    {
        var years = source.Years(indexCode);
        return years.Count == 0
            ? $"The warehouse has no {indexCode} data at all. Load it first (cchc load {indexCode.ToLowerInvariant()} …) or run cchc demo."
            : $"The warehouse has no {indexCode} data for {year}; loaded years: {string.Join(", ", years)}.";
    }
}
