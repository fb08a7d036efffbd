using Cchc.Reports.Drivers;
using Cchc.Reports.ReportData;

namespace Cchc.Reports.Localization;

/// <summary>How much of the data behind a chart or section is synthetic.</summary>
public enum SyntheticShare
{
    None,
    Some,
    All,
}

/// <summary>Where a remediation-plan task stands in the report year.</summary>
public enum PlanStatus
{
    Recovered,
    Partly,
    NotYet,
    Worse,
    NotComparable,
}

/// <summary>The words of the HTML report around the charts: headline, sections, tables, reasons, provenance.</summary>
public abstract partial class ReportText
{
    // Names.
    public abstract string IndexName(string indexCode);

    public abstract string Publisher(string indexCode);

    public abstract string LevelName(DossierLevel level);

    // Page.
    public abstract string ReportTitle(string indexName, int year, string province);

    public abstract string OverviewTitle(string indexName, int year, int provinces);

    public abstract string SyntheticBanner(string what);

    public abstract string SyntheticShareText(SyntheticShare share);

    public abstract string Footer { get; }

    public abstract string WarehouseLabel(string target);

    // Headline.
    public abstract string ScoreLabel { get; }

    public abstract string RankLabel { get; }

    public abstract string ChangeLabel { get; }

    public abstract string ScoreValue(double score, double? maxPoints);

    public abstract string RankValue(int rank, int provinces);

    public abstract string Change(double scoreChange, int previousRank, int rank, int previousProvinces, int provinces, int previousYear);

    public abstract string NoPreviousYear { get; }

    public abstract string MissingPreviousYear(int previousYear);

    public abstract string MergedProvince(int previousYear, IReadOnlyList<(string Name, int Rank, int Provinces)> constituents);

    // Sections.
    public abstract string RankHistoryHeading { get; }

    public abstract string PointsLostHeading { get; }

    public abstract string WaterfallHeading { get; }

    public abstract string AttributionHeading { get; }

    public abstract string DistributionHeading { get; }

    public abstract string HeatmapHeading { get; }

    public abstract string PrioritiesHeading { get; }

    public abstract string ModelHeading { get; }

    public abstract string OnTimeHeading { get; }

    public abstract string ScatterHeading { get; }

    public abstract string PlanHeading { get; }

    public abstract string DataQualityHeading { get; }

    public abstract string MethodologyHeading { get; }

    public abstract string ProvenanceHeading { get; }

    public abstract string Omitted(string reason);

    public abstract string ChartFailed(string detail);

    // Reasons a section is omitted.
    public abstract string DriverGapReason(DriverGap gap, string? detail);

    public abstract string ViewGapReason(ViewGap gap, string view, string? detail);

    public abstract string NoFieldScores { get; }

    public abstract string NoCriterionScores { get; }

    public abstract string OnlyOneRankedYear { get; }

    public abstract string NoOtherIndices(int year);

    public abstract string NoParThisYear(int year);

    // Priorities.
    public abstract string PrioritiesIntro(int rank, int provinces);

    public abstract IReadOnlyList<string> PriorityHeaders { get; }

    public abstract string NoLeadAgency { get; }

    public abstract string NoPlanLoaded { get; }

    // Plan status.
    public abstract IReadOnlyList<string> PlanHeaders(int year);

    public abstract string PlanStatusText(PlanStatus status);

    public abstract string PlanSummary(int planYear, int tasks, int recovered, int partly, int year);

    // Data quality.
    public abstract IReadOnlyList<string> DataQualityHeaders { get; }

    public abstract string DataQualityIntro(int findings);

    /// <summary>
    /// A finding in this language: the rules store their messages in English, so a language that has its own wording
    /// for the rule shows that wording with the criterion and the offending values (codes, numbers and a few labels).
    /// </summary>
    public string DqFindingText(string? rule, string? criterionCode, string? offendingValues, string message) =>
        rule is not null && DqRuleDescription(rule) is { } description
            ? description + (criterionCode is { Length: > 0 } ? $" ({criterionCode})" : "") + (offendingValues is { Length: > 0 } ? $": {DqValues(offendingValues)}" : "")
            : message;

    /// <summary>The offending values with the rules' few labels ("max points", "score" …) in this language.</summary>
    protected virtual string DqValues(string values) => values;

    /// <summary>The rule in this language's words, or null to show the rule's own (English) message.</summary>
    protected abstract string? DqRuleDescription(string rule);

    /// <summary>A finding's severity in words; unknown values are shown as stored.</summary>
    public string Severity(string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "error" => SeverityError,
        "warning" or "warn" => SeverityWarning,
        "info" or "information" => SeverityInfo,
        _ => raw,
    };

    protected abstract string SeverityError { get; }

    protected abstract string SeverityWarning { get; }

    protected abstract string SeverityInfo { get; }

    // Methodology and provenance.
    public abstract string MethodologyVersion(string indexName, int year, string version, int? previousYear, string? previousVersion);

    public abstract string IllustrativeCriteria(int count, string version);

    public abstract string RankSourceNote(bool published);

    /// <summary>How the rank change is split between the province's own changes and the other provinces' (Owen, two unions).</summary>
    public abstract string SplitNote { get; }

    /// <summary>The methodology part: changed maxima are their own player, never a field's.</summary>
    public abstract string MethodologyNote(string? previousVersion, string version, double? points);

    /// <summary>Across a methodology change no criterion could be compared with one of the other version.</summary>
    public abstract string NoCriterionComparison(string previousVersion, string version);

    /// <summary>What the intervals mean and how they were simulated.</summary>
    public abstract string IntervalNote(int draws, string indexCode);

    /// <summary>How the model is validated and which model the chart shows.</summary>
    public abstract string ModelNote(string model, bool beats, bool forwardChaining);

    /// <summary>The survey criteria listed apart from the priorities.</summary>
    public abstract string SurveyItemsIntro(int count, double points);

    public abstract IReadOnlyList<string> SurveyHeaders { get; }

    /// <summary>Where a criterion's points come from, in one word.</summary>
    public abstract string PointsSourceName(string? source);

    /// <summary>The plan the lead agencies come from (same methodology version).</summary>
    public abstract string LeadAgenciesFrom(int planYear, int resultYear);

    /// <summary>A target-rank plan: cheapest points first, partial recoveries, the rank with frozen peers and the chance
    /// when the other provinces move as they have moved before.</summary>
    public abstract string RecoveryPlanText(int target, string outcome, double? needed, IReadOnlyList<(string Criterion, double From, double To)> steps,
        int rankReached, double? probability);

    /// <summary>The latest plan addresses results of another methodology version: its criteria are not compared.</summary>
    public abstract string PlanOtherMethodology(int planYear, int resultYear, string? planVersion, string? version);

    public abstract string SyntheticRowsNote(int syntheticRows, int rows);

    public abstract string ProvenanceIntro { get; }

    public abstract IReadOnlyList<string> ProvenanceHeaders { get; }

    public abstract string RealOrSynthetic(bool synthetic);

    // Source line under each chart.
    public abstract string SourceLine(IReadOnlyList<(string IndexCode, int FirstYear, int LastYear)> parts, IReadOnlyList<string> files, SyntheticShare share);

    // National overview.
    public abstract IReadOnlyList<string> OverviewHeaders { get; }

    public abstract string OpenReport { get; }

    public abstract string NotComparable { get; }

    protected static string YearSpan(int first, int last) => first == last
        ? first.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{first}–{last}";
}
