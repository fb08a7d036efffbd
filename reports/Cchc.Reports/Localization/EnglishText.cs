using System.Globalization;
using Cchc.Reports.Charts;

namespace Cchc.Reports.Localization;

/// <summary>The English table: complete, never partial (the compiler enforces it).</summary>
internal sealed class EnglishText : ReportText
{
    private static readonly NumberFormatInfo Format = Separators(".", ",");
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public override ReportLanguage Language => ReportLanguage.En;

    public override string Code => "en";

    protected override NumberFormatInfo Numbers => Format;

    // Shared axes and labels.
    public override string YearAxis => "Year";

    public override string PercentOfMaxAxis => "% of maximum points";

    public override string PercentAxis => "Percent (%)";

    public override string PointsAxis => "Points (grey: maximum; colour: earned)";

    public override string PlacesAxis => "Rank places (+ = climbed)";

    public override string OtherProvinces => "Other provinces";

    public override string RankAxis(int provinces) => $"Rank (1 = best, of {provinces} provinces)";

    public override string ProvincesRanked(int provinces) => $"{provinces} provinces ranked";

    public override string AllProvinces(int provinces) => $"All {provinces} provinces";

    public override string IndexPointsAxis(string indexName) => $"{indexName} (points)";

    // 1. Rank history.
    public override string RankHistoryTitle(string province, string indexName, RankPoint latest, RankPoint? previous)
    {
        var head = $"{province}: {indexName} rank {latest.Rank} of {latest.Provinces} in {latest.Year}";
        if (previous is null)
        {
            return head;
        }

        if (previous.Provinces != latest.Provinces)
        {
            return $"{head} ({previous.Rank} of {previous.Provinces} in {previous.Year}; the number of provinces ranked changed)";
        }

        var gained = previous.Rank - latest.Rank;
        var move = gained > 0 ? $"up {Places(gained)}" : gained < 0 ? $"down {Places(-gained)}" : "unchanged";
        return $"{head}, {move} from {previous.Year}";
    }

    public override string RankHistoryReading(IReadOnlyList<RankSummary> series) =>
        "Best and worst positions over the period: " + string.Join("; ", series.Select(s =>
            $"{s.IndexName} best {s.Best.Rank} of {s.Best.Provinces} ({s.Best.Year}), worst {s.Worst.Rank} of {s.Worst.Provinces} ({s.Worst.Year})")) + ".";

    // 2. Points lost.
    public override string ByField => "By field";

    public override string ByCriterion(int count) => $"By criterion (the {count} largest losses)";

    public override string PointsLostTitle(string province, string indexName, int year, double totalLost, PointsItem worstField) =>
        $"{province} lost {Number(totalLost)} {indexName} points in {year}; the most in field {worstField.Code} {worstField.Name} ({WithSign(-worstField.Lost)})";

    public override string PointsLostReading(IReadOnlyList<PointsItem> topCriteria, double criteriaLost, double totalLost) =>
        topCriteria.Count == 0
            ? "No points were lost at criterion level."
            : $"The criteria losing most points are {string.Join(", ", topCriteria.Select(c => $"{c.Code} {c.Name} ({WithSign(-c.Lost)})"))}; "
              + $"together they account for {Percent(topCriteria.Sum(c => c.Lost) / Math.Max(totalLost, 1e-9), 0)} of all points lost.";

    // 3. Waterfall.
    public override string Unallocated => "Not allocated to a field";

    public override string TotalOfYear(int year) => $"Total {year}";

    public override string ScoreAxisTruncated(string indexName, bool truncated) =>
        $"{indexName} points" + (truncated ? " (axis does not start at 0)" : "");

    public override string WaterfallTitle(string province, string indexName, int previousYear, int year, double previousTotal, double total, WaterfallStep? largest)
    {
        var change = total - previousTotal;
        var verb = Number(Math.Abs(change)) == Number(0) ? "was unchanged" : change > 0 ? $"rose by {Number(change)} points" : $"fell by {Number(-change)} points";
        var head = $"{province}: {indexName} score {verb} ({Number(previousTotal)} in {previousYear} → {Number(total)} in {year})";
        return largest is null ? head : $"{head}; largest change: {largest.Name} {WithSign(largest.Change)}";
    }

    public override string WaterfallReading(int rises, double riseSum, int falls, double fallSum, double change) =>
        $"Scores rose in {rises} field(s) ({WithSign(riseSum)} in total) and fell in {falls} ({WithSign(fallSum)}); "
        + $"the parts add up exactly to the change of {WithSign(change)} points.";

    // 4. Attribution.
    public override string PeerEffect => "Other provinces' moves";

    public override string ObservedRankChange(int previousYear, int year) => $"Observed change {previousYear}→{year}";

    public override string AttributionTitle(string province, int previousRank, int rank, int provinces, AttributionItem? strongest, double peerEffect)
    {
        var gained = previousRank - rank;
        var head = gained > 0 ? $"{province} climbed {Places(gained)} ({previousRank} → {rank} of {provinces})"
            : gained < 0 ? $"{province} fell {Places(-gained)} ({previousRank} → {rank} of {provinces})"
            : $"{province} kept rank {rank} of {provinces}";
        var field = strongest is null ? "" : $"; {strongest.Code} {strongest.Name} accounts for {WithSign(strongest.PlacesGained, 1)}";
        return $"{head}{field}; other provinces' moves: {WithSign(peerEffect, 1)}";
    }

    public override string AttributionReading(IReadOnlyList<AttributionItem> gains, IReadOnlyList<AttributionItem> losses, double peerEffect, int observed, int previousYear, int year) =>
        $"From {previousYear} to {year}, fields that lifted the rank: {List(gains)}; fields that lowered it: {List(losses)}; "
        + $"other provinces' moves: {WithSign(peerEffect, 1)} places; together exactly {WithSign(observed, 0)} places.";

    // 5. Distribution.
    public override string DistributionTitle(string province, IReadOnlyList<FieldStanding> standings)
    {
        var above = standings.Count(s => s.GapToMedian > 0);
        var weakest = standings.MaxBy(s => (double)s.Rank / s.Of)!;
        return $"{province} is above the national median in {above} of {standings.Count} fields; weakest relative to others: {weakest.Code} {weakest.Name} (rank {weakest.Rank} of {weakest.Of})";
    }

    public override string DistributionReading(string province, IReadOnlyList<FieldStanding> standings)
    {
        var best = standings.MinBy(s => (double)s.Rank / s.Of)!;
        var worstGap = standings.MinBy(s => s.GapToMedian)!;
        return $"Strongest relative to others: {best.Code} {best.Name} (rank {best.Rank} of {best.Of}, {Number(best.ProvincePercent, 1)}% of maximum, median {Number(best.MedianPercent, 1)}%); "
            + $"furthest below the median: {worstGap.Code} {worstGap.Name} ({WithSign(worstGap.GapToMedian, 1)} percentage points).";
    }

    // 6. Heatmap.
    public override string HeatmapTitle(string province, int rank, int provinces, HeatmapColumn worst, int worstRank) =>
        $"{province} (rank {rank} of {provinces}): its lowest-ranked field is {worst.Code} {worst.Name} ({worstRank} of {provinces})";

    public override string HeatmapReading(string province, int provinces, HeatmapColumn best, double bestPercent, HeatmapColumn worst, double worstPercent) =>
        $"Among {provinces} provinces, {province} ranks best in {best.Code} {best.Name} ({Number(bestPercent, 1)}% of maximum) "
        + $"and worst in {worst.Code} {worst.Name} ({Number(worstPercent, 1)}%).";

    // 7. Model importance.
    public override string ImportancePanelTitle => "Permutation importance";

    public override string ImportanceAxis => "Drop in R² when permuted (mean ± 1 standard error)";

    public override string RSquaredAxis => "Held-out R² (higher is better)";

    public override string MaeAxis(string unit) => $"Mean absolute error ({unit}; lower is better)";

    public override string ImportanceTitle(string target, ModelMetric bestModel, ModelMetric bestBaseline, bool beatsBaselines, FeatureImportance top) =>
        beatsBaselines
            ? $"{bestModel.Name} predicts {target} better than the baselines on held-out years (R² {Number(bestModel.RSquared)} vs {Number(bestBaseline.RSquared)} for {bestBaseline.Name}); most important: {top.Name}"
            : $"{bestModel.Name} does NOT beat the baselines at predicting {target} on held-out years (R² {Number(bestModel.RSquared)} vs {Number(bestBaseline.RSquared)} for {bestBaseline.Name}); do not rely on the importances below";

    public override string ImportanceReading(IReadOnlyList<int> heldOutYears, IReadOnlyList<FeatureImportance> top, bool beatsBaselines) =>
        $"Metrics are measured on years never used for training ({Years(heldOutYears)}); "
        + $"most important features (drop in R² when permuted ± standard error): {string.Join(", ", top.Select(f => $"{f.Name} {Number(f.Mean, 3)} ± {Number(f.StandardError, 3)}"))}"
        + (beatsBaselines ? "." : "; as the model does not beat the baselines, these numbers are descriptive only.");

    // 8. What-if.
    public override string WhatIfLegend => "Rank reached recovering points in priority order";

    public override string TargetRankLegend(int targetRank) => $"Target rank {targetRank}";

    public override string RecoveredPointsAxis(string indexName) => $"{indexName} points recovered (cumulative)";

    public override string WhatIfTitle(string province, int rank, int provinces, WhatIfStep last, int steps, int? targetRank, WhatIfStep? reachingTarget)
    {
        var head = $"Recovering {Number(last.PointsRecovered)} points in {steps} priority criteria would lift {province} from rank {rank} to {last.RankReached} of {provinces}";
        return targetRank is null ? head
            : reachingTarget is null ? $"{head}; target rank {targetRank} is still not reached"
            : $"{head}; target rank {targetRank} is reached after {Number(reachingTarget.PointsRecovered)} points";
    }

    public override string WhatIfReading(IReadOnlyList<WhatIfStep> firstSteps, int rank, int provinces) =>
        $"With other provinces' scores held fixed, the first {firstSteps.Count} step(s) ({string.Join(", ", firstSteps.Select(s => s.CriterionCode))}) "
        + $"recover {Number(firstSteps[^1].PointsRecovered)} points and move the rank from {rank} to {firstSteps[^1].RankReached} of {provinces}.";

    // 9. One-stop on time.
    public override string OnTimeRateLegend => "Dossiers resolved on time (%)";

    public override string ParAppraisedLegend => "PAR 3.4.x appraised (% of maximum)";

    public override string ByLevel => "By level";

    public override string ByMonth => "By month (all levels)";

    public override string MonthAxis => "Month";

    public override string MonthLabel(int year, int month, bool withYear) =>
        withYear ? $"{MonthNames[month - 1]} {year % 100:00}" : MonthNames[month - 1];

    public override string OnTimeTitle(int year, double overallRate, OnTimeLevel weakest) =>
        $"In {year}, {Percent(overallRate)} of one-stop dossiers were resolved on time; lowest: {weakest.Level} ({Percent(weakest.Rate ?? 0)})";

    public override string OnTimeReading(IReadOnlyList<OnTimeLevel> levels, OnTimeMonth? worstMonth) =>
        string.Join("; ", levels.Select(l => $"{l.Level}: {Percent(l.Rate ?? 0)} on time of {Whole(l.Finished)} dossiers"
            + (l.ParPercent is { } p ? $", criterion {l.ParCode} appraised at {Number(p, 0)}% of its maximum" : ", no matching PAR appraisal")))
        + (worstMonth is null ? "." : $"; weakest month: {MonthNames[worstMonth.Month - 1]} {worstMonth.Year} ({Percent(worstMonth.Rate ?? 0)}).");

    // 10. Scatter.
    public override string TrendLine => "Least-squares line";

    public override string ScatterPanelTitle(Correlation correlation) =>
        $"{correlation.YIndexName} vs {correlation.XIndexName}: r = {Number(correlation.R)} (n = {correlation.Provinces})";

    public override string ScatterTitle(int year, IReadOnlyList<Correlation> correlations) =>
        $"In {year}, {correlations[0].YIndexName} " + string.Join(" and ", correlations.Select(c =>
            $"correlates {StrengthWord(c.R)} with {c.XIndexName} (r = {Number(c.R)}, {c.Provinces} provinces)"));

    public override string ScatterReading(string province, IReadOnlyList<(string XIndex, string YIndex, (int XRank, int YRank, int Of)? Ranks)> panels) =>
        string.Join("; ", panels.Where(p => p.Ranks is not null).Select(p =>
            $"{province} ranks {p.Ranks!.Value.YRank} on {p.YIndex} and {p.Ranks.Value.XRank} on {p.XIndex} among the {p.Ranks.Value.Of} provinces with both")) + ".";

    private static string Places(int n) => n == 1 ? "1 place" : $"{n} places";

    private static string StrengthWord(double r) =>
        double.IsNaN(r) ? "in an undefined way" : Strength(r) switch
        {
            3 => r > 0 ? "strongly and positively" : "strongly and negatively",
            2 => r > 0 ? "moderately and positively" : "moderately and negatively",
            1 => r > 0 ? "weakly and positively" : "weakly and negatively",
            _ => "hardly at all",
        };

    private string List(IReadOnlyList<AttributionItem> items) =>
        items.Count == 0 ? "none" : string.Join(", ", items.Select(i => $"{i.Code} {i.Name} ({WithSign(i.PlacesGained, 1)})"));
}
