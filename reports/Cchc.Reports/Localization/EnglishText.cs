using System.Globalization;
using Cchc.Reports.Charts;
using Cchc.Reports.Drivers;
using Cchc.Reports.ReportData;

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

    public override string WaterfallTitle(string province, string indexName, int previousYear, int year, double previousTotal, double total, WaterfallBar? largest)
    {
        var change = total - previousTotal;
        var verb = Number(Math.Abs(change)) == Number(0) ? "was unchanged" : change > 0 ? $"rose by {Number(change)} points" : $"fell by {Number(-change)} points";
        var head = $"{province}: {indexName} score {verb} ({Number(previousTotal)} in {previousYear} → {Number(total)} in {year})";
        return largest is null ? head : $"{head}; largest change: {largest.Name} {WithSign(largest.Change)}";
    }

    public override string WaterfallReading(int rises, double riseSum, int falls, double fallSum, double change, double methodology)
    {
        var parts = new List<string>();
        if (rises > 0)
        {
            parts.Add($"scores rose in {rises} field(s) ({WithSign(riseSum)} in total)");
        }

        if (falls > 0)
        {
            parts.Add($"{(rises > 0 ? "" : "scores ")}fell in {falls} field(s) ({WithSign(fallSum)})");
        }

        var head = parts.Count == 0 ? "No field changed its score" : string.Join(" and ", parts);
        var rescaled = methodology == 0 ? ""
            : $" Of the change, {WithSign(methodology)} points come from changed maximum points alone (narrow grey bars): what the new methodology gives for the same share of each maximum.";
        return $"{char.ToUpperInvariant(head[0])}{head[1..]}; the parts add up exactly to the change of {WithSign(change)} points.{rescaled}";
    }

    // 4. Attribution.
    public override string PeerEffect => "Other provinces' moves";

    public override string PublicationAdjustment => "Published rank vs recomputed";

    public override string MethodologyEffect(string previousVersion, string version) => $"Changed maxima ({previousVersion}→{version})";

    public override string PlacesAxisWithInterval => "Places gained (positive) or lost; whiskers: 90% interval under survey re-measurement";

    public override string ObservedRankChange(int previousYear, int year) => $"Observed change {previousYear}→{year}";

    public override string AttributionTitle(string province, int previousRank, int rank, int provinces, AttributionItem? strongest, double peerEffect, bool? distinguishable)
    {
        var gained = previousRank - rank;
        var head = gained > 0 ? $"{province} climbed {Places(gained)} ({previousRank} → {rank} of {provinces})"
            : gained < 0 ? $"{province} fell {Places(-gained)} ({previousRank} → {rank} of {provinces})"
            : $"{province} kept rank {rank} of {provinces}";
        var noise = distinguishable switch
        {
            true => " — more than sampling noise",
            false when gained != 0 => " — within sampling noise",
            _ => "",
        };
        var field = strongest is null ? "" : $"; {strongest.Code} {strongest.Name} accounts for {WithSign(strongest.PlacesGained, 1)}";
        return $"{head}{noise}{field}; other provinces' moves: {WithSign(peerEffect, 1)}";
    }

    public override string AttributionReading(AttributionInput input)
    {
        var gains = input.Fields.Where(f => f.PlacesGained > 0).OrderByDescending(f => f.PlacesGained).ToList();
        var losses = input.Fields.Where(f => f.PlacesGained < 0).OrderBy(f => f.PlacesGained).ToList();
        var text = $"From {input.PreviousYear} to {input.Year}, the province's own fields that lifted the rank: {List(gains)}; that lowered it: {List(losses)}; "
            + (input.Methodology is { } m ? $"changed maximum points: {WithSign(m.PlacesGained, 1)} places; " : "")
            + $"other provinces' moves: {WithSign(input.Peers.PlacesGained, 1)} places"
            + (input.PublicationAdjustment != 0 ? $"; published rank vs recomputed: {WithSign(input.PublicationAdjustment, 0)}" : "")
            + $"; together exactly {WithSign(input.ObservedChange, 0)} places.";
        return input.ProbabilityRankChanged is { } p && input.Distinguishable is { } d
            ? $"{text} {NoiseVerdict(input.ObservedChange, p, d, 0)}"
            : text;
    }

    public override string NoiseVerdict(int observed, double probability, bool distinguishable, int draws)
    {
        var runs = draws > 0 ? $" of {Whole(draws)}" : "";
        if (observed == 0)
        {
            return $"When the survey points are re-measured, the rank moves in {Percent(probability, 0)}{runs} of the re-measurements: an unchanged rank is itself uncertain.";
        }

        var direction = observed > 0 ? "climbed" : "fell";
        return distinguishable
            ? $"The change can be told apart from sampling noise: with the survey points re-measured, the province {direction} in {Percent(probability, 0)}{runs} of the re-measurements."
            : $"The change cannot be told apart from sampling noise: with the survey points re-measured, the province {direction} in only {Percent(probability, 0)}{runs} of the re-measurements (at least 95% would be needed).";
    }

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
    public override string ImportancePanelTitle(string model) => $"Permutation importance in {model}";

    public override string ImportanceAxis => "Increase in mean absolute error when permuted (mean ± 1 standard error)";

    public override string ImportanceAxisWithInterval => "Increase in MAE when permuted (90% interval over refits)";

    public override string RSquaredAxis => "Held-out R² (higher is better)";

    public override string MaeAxis(string unit) => $"Mean absolute error ({unit}; lower is better)";

    public override string ImportanceTitle(string target, ModelMetric model, ModelMetric bestBaseline, bool beatsBaselines, ImportanceBar top) =>
        beatsBaselines
            ? $"{model.Name} predicts {target} significantly better than every baseline on held-out years (MAE {Number(model.MeanAbsoluteError)} vs {Number(bestBaseline.MeanAbsoluteError)} for {bestBaseline.Name}); most important: {top.Name}"
            : $"{model.Name} does NOT beat the baselines significantly at predicting {target} on held-out years (MAE {Number(model.MeanAbsoluteError)} vs {Number(bestBaseline.MeanAbsoluteError)} for {bestBaseline.Name}); do not rely on the importances below";

    public override string ImportanceReading(IReadOnlyList<int> heldOutYears, IReadOnlyList<ImportanceBar> top, bool beatsBaselines) =>
        $"Metrics are measured on years never used for training ({Years(heldOutYears)}); "
        + $"most important features (increase in mean absolute error when permuted): {string.Join(", ", top.Select(Importance))}"
        + (beatsBaselines ? "." : "; as the model does not beat the baselines, these numbers are descriptive only.");

    public override string ModelName(string englishName) => englishName switch
    {
        "Baseline: previous-year value" => "Baseline: previous year",
        _ => englishName,
    };

    public override string RankTarget(string indexCode) => $"{indexCode} rank";

    public override string PlacesUnit => "places";

    // 8. What-if.
    public override string WhatIfLegend => "Rank reached recovering points in priority order";

    public override string TargetRankLegend(int targetRank) => $"Target rank {targetRank}";

    public override string RecoveredPointsAxis(string indexName) => $"{indexName} points recovered (cumulative)";

    public override string WhatIfTitle(string province, int rank, int provinces, WhatIfStep last, int steps, int? targetRank, WhatIfStep? reachingTarget)
    {
        var head = $"Recovering {Number(last.PointsRecovered)} points in {steps} priority criteria would lift {province} from rank {rank} to {last.RankReached} of {provinces}";
        return targetRank is null ? head
            : rank <= targetRank ? $"{head}; it already holds target rank {targetRank} or better"
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
        $"In {year}, {correlations[0].YIndexName} correlates " + string.Join(" and ", correlations.Select(c =>
            $"{StrengthWord(c.R)} with {c.XIndexName} (r = {Number(c.R)}, {c.Provinces} provinces)"));

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
        items.Count == 0 ? "none" : string.Join(", ", items.Select(i => $"{i.Code} {i.Name} ({WithSign(i.PlacesGained, 1)}{Range(i)})"));

    private string Range(AttributionItem i) => i.Low is { } low && i.High is { } high ? $", 90%: {WithSign(low, 1)} to {WithSign(high, 1)}" : "";

    private string Importance(ImportanceBar f) =>
        f.Low is { } low && f.High is { } high
            ? $"{f.Name} {Number(f.Mean, 3)} (90%: {Number(low, 3)}–{Number(high, 3)})"
            : $"{f.Name} {Number(f.Mean, 3)} ± {Number(f.StandardError, 3)}";

    // ---- Report ----
    public override string IndexName(string indexCode) => indexCode switch
    {
        "PAR" => "PAR Index",
        "PCI" => "PCI",
        "PAPI" => "PAPI",
        _ => indexCode,
    };

    public override string Publisher(string indexCode) => indexCode switch
    {
        "PAR" => "Ministry of Home Affairs",
        "PCI" => "VCCI",
        "PAPI" => "UNDP",
        _ => indexCode,
    };

    public override string LevelName(DossierLevel level) => level switch
    {
        DossierLevel.Province => "Province level",
        DossierLevel.District => "District level",
        _ => "Commune level",
    };

    public override string ReportTitle(string indexName, int year, string province) => $"{province}: {indexName} {year} report";

    public override string OverviewTitle(string indexName, int year, int provinces) => $"{indexName} {year}: overview of {provinces} provinces";

    public override string SyntheticBanner(string what) =>
        $"WARNING: this report uses synthetic data generated by CchcAnalytics, not real figures ({what}). Do not quote these numbers.";

    public override string SyntheticShareText(SyntheticShare share) => share switch
    {
        SyntheticShare.All => "synthetic data",
        SyntheticShare.Some => "partly synthetic data",
        _ => "",
    };

    public override string Footer => "Generated by cchc report (CchcAnalytics). Charts drawn with ScottPlot in the embedded DejaVu Sans font.";

    public override string WarehouseLabel(string target) => $"Warehouse: {target}";

    public override string ScoreLabel => "Score";

    public override string RankLabel => "Rank";

    public override string ChangeLabel => "Change from the previous year";

    public override string ScoreValue(double score, double? maxPoints) => maxPoints is { } max ? $"{Number(score)} of {Number(max, 0)} points" : $"{Number(score)} points";

    public override string RankValue(int rank, int provinces) => $"{rank} of {provinces}";

    public override string Change(double scoreChange, int previousRank, int rank, int previousProvinces, int provinces, int previousYear)
    {
        var places = previousRank - rank;
        var move = previousProvinces != provinces ? $"ranked {previousRank} of {previousProvinces} in {previousYear} (a different number of provinces)"
            : places > 0 ? $"up {Places(places)} from {previousYear} ({previousRank} of {previousProvinces})"
            : places < 0 ? $"down {Places(-places)} from {previousYear} ({previousRank} of {previousProvinces})"
            : $"same rank as in {previousYear}";
        return $"{WithSign(scoreChange)} points; {move}";
    }

    public override string NoPreviousYear => "No earlier year in the warehouse to compare with";

    public override string MissingPreviousYear(int previousYear) => $"The province has no score for {previousYear} in the warehouse";

    public override string MergedProvince(int previousYear, IReadOnlyList<(string Name, int Rank, int Provinces)> constituents) =>
        "Formed by the merger of 1 July 2025, so it has no previous-year rank of its own"
        + (constituents.Count == 0 ? "" : $"; in {previousYear}: " + string.Join(", ", constituents.Select(c => $"{c.Name} {c.Rank} of {c.Provinces}")));

    public override string RankHistoryHeading => "Rank over the years";

    public override string PointsLostHeading => "Points lost by field and criterion";

    public override string WaterfallHeading => "Score change from the previous year, by field";

    public override string AttributionHeading => "Why the rank changed";

    public override string DistributionHeading => "Against all provinces, field by field";

    public override string HeatmapHeading => "Heatmap: provinces × fields";

    public override string PrioritiesHeading => "Priorities and rank simulation";

    public override string ModelHeading => "Machine-learning model: what goes with the rank";

    public override string OnTimeHeading => "One-stop dossiers resolved on time";

    public override string ScatterHeading => "How the PAR Index, PCI and PAPI relate";

    public override string PlanHeading => "Remediation plan progress";

    public override string DataQualityHeading => "Data-quality warnings";

    public override string MethodologyHeading => "Methodology notes";

    public override string ProvenanceHeading => "Data provenance";

    public override string Omitted(string reason) => $"This section is omitted: {reason}.";

    public override string ChartFailed(string detail) => $"the chart could not be drawn because its numbers are inconsistent ({detail})";

    public override string DriverGapReason(DriverGap gap, string? detail) => gap switch
    {
        DriverGap.NoPreviousYear => "there is no earlier year in the warehouse to compare with",
        DriverGap.ProvinceMerged => "the province was formed by the 2025 merger and has no previous-year figures of its own",
        DriverGap.ProvinceMissingPreviousYear => $"the province has no score for {detail}",
        DriverGap.NoFieldScores => "the warehouse has no field scores for the province",
        DriverGap.NothingLost => "the province lost no points on any criterion",
        _ => $"there is not enough data ({detail})",
    };

    public override string ViewGapReason(ViewGap gap, string view, string? detail) => gap switch
    {
        ViewGap.ViewAbsent => $"the warehouse has no rpt.{view} view (its module is not installed or has loaded nothing)",
        _ => $"the rpt.{view} view has no rows for this province and year",
    };

    public override string NoFieldScores => "the warehouse has no field scores for this index and year";

    public override string NoCriterionScores => "the warehouse has no maximum and earned points by field for the province";

    public override string OnlyOneRankedYear => "the province is ranked in one year only";

    public override string NoOtherIndices(int year) => $"the warehouse has neither PCI nor PAPI for {year}";

    public override string NoParThisYear(int year) => $"the warehouse has no PAR Index for {year}";

    public override string PrioritiesIntro(int rank, int provinces) =>
        $"Criteria with points lost, ordered by places gained per point recovered, with the other provinces' scores held fixed. Current rank recomputed from the scores: {rank} of {provinces}.";

    public override IReadOnlyList<string> PriorityHeaders { get; } = ["Priority", "Criterion", "Points source", "Points lost", "Rank if recovered", "Places per point", "Lead agency"];

    public override string NoLeadAgency => "—";

    public override string NoPlanLoaded => "The lead-agency column is empty because no remediation plan of the province for this methodology version is loaded (a plan's criterion codes are those of the results it addresses).";

    public override IReadOnlyList<string> PlanHeaders(int year) =>
        ["Plan year", "Criterion", "Points lost when planned", $"Points lost in {year}", "Status", "Lead agency"];

    public override string PlanStatusText(PlanStatus status) => status switch
    {
        PlanStatus.Recovered => "Fully recovered",
        PlanStatus.Partly => "Partly recovered",
        PlanStatus.NotYet => "Not recovered",
        PlanStatus.Worse => "More points lost",
        _ => "Not comparable",
    };

    public override string PlanSummary(int planYear, int tasks, int recovered, int partly, int year) =>
        $"The {planYear} plan covers {tasks} criteria; by {year}, {recovered} were fully recovered and {partly} partly.";

    protected override string SeverityError => "Error";

    protected override string SeverityWarning => "Warning";

    protected override string SeverityInfo => "Information";

    public override IReadOnlyList<string> DataQualityHeaders { get; } = ["Severity", "Rule", "Year", "Index", "Finding", "File"];

    public override string DataQualityIntro(int findings) => $"{findings} data-quality finding(s) touch this province (errors first, then warnings).";

    protected override string? DqRuleDescription(string rule) => null;

    public override string MethodologyVersion(string indexName, int year, string version, int? previousYear, string? previousVersion) =>
        previousYear is null ? $"{indexName} methodology version in {year}: {version}."
        : previousVersion == version ? $"{indexName} methodology version in {year} and {previousYear}: {version} (directly comparable)."
        : $"{indexName} methodology version in {year}: {version}; in {previousYear}: {previousVersion}. The methodology changed, so field and criterion comparisons between the two years are not like for like.";

    public override string IllustrativeCriteria(int count, string version) =>
        $"{count} criteria of version {version} in the catalogue are illustrative (structurally right, not the official catalogue).";

    public override string RankSourceNote(bool published) =>
        published ? "Ranks are the published ranks." : "The source publishes no ranks: ranks are computed from the scores (equal scores share a rank).";

    public override string SplitNote =>
        "Why the rank changed: the change is split exactly between two groups — the province's own score changes and the other provinces' score changes — "
        + "without letting either go first (an Owen value with two groups): each group's share is the average of what it does when it moves first and when it moves second. "
        + "The province's share is then divided among its fields (and within a field among its criteria) the same way, averaged over every order in which they could change. "
        + "A rank published differently from the rank the published totals give is its own line, the publication adjustment, not part of the other provinces' moves.";

    public override string MethodologyNote(string? previousVersion, string version, double? points) =>
        previousVersion is null || previousVersion == version
            ? $"Both years use methodology {version}, so every change of a field is performance: the maximum points did not change."
            : $"The methodology changed ({previousVersion} → {version}), so maximum points changed. A field's change is split in two: the methodology part, (new max − old max) × old score ÷ old max, "
              + $"is what the field would have gained just by keeping last year's share of its maximum ({WithSign(points ?? 0)} points in all), and the performance part is the change in that share, times the new maximum. "
              + "The two add up to the change exactly; the methodology part is its own line in the attribution, so a changed maximum is never called a driver. "
              + "Criteria are compared across versions only through mappings read from the decisions, never through illustrative ones.";

    public override string NoCriterionComparison(string previousVersion, string version) =>
        $"No criterion of {version} is compared with a criterion of {previousVersion}: no criterion mapping read from the decisions is loaded between the two versions "
        + "(illustrative mappings are not used), so the change is explained field by field only.";

    public override string IntervalNote(int draws, string indexCode) =>
        $"Intervals: survey-based points are estimates from a sample, so they would differ somewhat if the survey were run again. The report re-measures them {Whole(draws)} times for every province in both years "
        + $"and recomputes the totals, ranks and attribution each time; each whisker spans 90% of those re-measurements. A rank change is told apart from noise only when at least 95% of them move the same way. "
        + indexCode switch
        {
            "PCI" => $"PCI: every sub-index rests on VCCI's firm survey and is re-drawn with a standard error of {Number(Analytics.Uncertainty.SamplingModel.PciSubIndexStandardError)} points (an assumption: about 130 firms per province).",
            "PAPI" => "PAPI: every dimension is a citizen-survey mean, re-drawn with the standard error UNDP's 2019 provincial release publishes for it (about 197 respondents per province).",
            _ => $"PAR Index: only the sociological-survey criteria are re-drawn, as shares of their maximum answered by {Analytics.Uncertainty.SamplingModel.ParRespondentsPerCriterion} respondents per province (an assumption); appraisal points are not sampled.",
        };

    public override string ModelNote(string model, bool beats, bool forwardChaining) =>
        $"The model chart shows {model}, the learned model with the lowest held-out error; "
        + (forwardChaining ? "each year is predicted by models trained only on earlier years" : "each year is held out in turn and predicted by models trained on the other years")
        + ". It is compared with four baselines (the mean, the province's own mean, last year's value and mean reversion) "
        + "by a paired test across the held-out years, and called better only when the difference is significant"
        + (beats ? "." : " — here it is not, so its importances are descriptive only.")
        + " The importance intervals come from refitting everything on provinces drawn with replacement, not only from reshuffling.";

    public override string SurveyItemsIntro(int count, double points) =>
        $"{count} criteria lost {Number(points)} points in the sociological survey. They measure how people and officials perceive the province's administration, "
        + "so they are listed apart: they cannot be recovered directly, only through the services people experience.";

    public override IReadOnlyList<string> SurveyHeaders { get; } = ["Criterion", "Points lost", "Rank if recovered"];

    public override string PointsSourceName(string? source) => source switch
    {
        "appraisal" => "appraisal",
        "survey" => "survey",
        "mixed" => "appraisal and survey",
        _ => "—",
    };

    public override string LeadAgenciesFrom(int planYear, int resultYear) =>
        $"Lead agencies from the province's remediation plan of {planYear}, which addresses the {resultYear} results under the same methodology.";

    public override string RecoveryPlanText(int target, string outcome, double? needed, IReadOnlyList<(string Criterion, double From, double To)> steps, int rankReached, double? probability)
    {
        var chance = probability is { } p ? $" If the other provinces move as they have moved before, rank {target} or better is reached with probability {Percent(p, 0)}." : "";
        return outcome switch
        {
            "AlreadyMet" => $"The province already holds rank {target} or better.{chance}",
            "Unreachable" => $"Rank {target} needs {Number(needed ?? 0)} more points on the total; recovering every actionable lost point reaches only rank {rankReached}.{chance}",
            _ => $"Rank {target} needs {Number(needed ?? 0)} more points on the total. Cheapest points first (levels most other provinces already reach), partly where that is enough: "
                 + string.Join("; ", steps.Select(s => $"{s.Criterion} from {Number(s.From)} to {Number(s.To)}"))
                 + $". With the other provinces' totals unchanged that gives rank {rankReached}.{chance}",
        };
    }

    public override string PlanOtherMethodology(int planYear, int resultYear, string? planVersion, string? version) =>
        $"The latest plan ({planYear}) addresses the {resultYear} results under methodology {planVersion ?? "?"}; this year uses {version ?? "?"}, so its criterion codes do not mean the same criteria and are not compared.";

    public override string SyntheticRowsNote(int syntheticRows, int rows) => $"{Whole(syntheticRows)} of the {Whole(rows)} score rows used in this report are synthetic.";

    public override string ProvenanceIntro => "Files loaded into the warehouse that this report uses (from rpt.load_history).";

    public override IReadOnlyList<string> ProvenanceHeaders { get; } = ["File", "Kind", "Run", "Command", "Loaded (UTC)", "Rows", "SHA-256", "Data"];

    public override string RealOrSynthetic(bool synthetic) => synthetic ? "synthetic" : "real";

    public override string SourceLine(IReadOnlyList<(string IndexCode, int FirstYear, int LastYear)> parts, IReadOnlyList<string> files, SyntheticShare share)
    {
        var text = "Source: " + string.Join("; ", parts.Select(p => $"{IndexName(p.IndexCode)} {YearSpan(p.FirstYear, p.LastYear)} ({Publisher(p.IndexCode)})"));
        if (files.Count > 0)
        {
            text += "; file " + string.Join(", ", files.Take(3)) + (files.Count > 3 ? $" and {files.Count - 3} more" : "");
        }

        return share == SyntheticShare.None ? text : $"{text}; {SyntheticShareText(share)}";
    }

    public override IReadOnlyList<string> OverviewHeaders { get; } = ["Rank", "Province", "Score", "Rank change", "Report"];

    public override string OpenReport => "Open report";

    public override string NotComparable => "not comparable";
}
