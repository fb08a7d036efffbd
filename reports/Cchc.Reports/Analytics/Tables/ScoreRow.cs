namespace Cchc.Reports.Analytics.Tables;

/// <summary>
/// One row of <c>rpt.index_score</c> (plus the criterion's weight and points source from <c>rpt.criterion</c>): the one
/// read model the analytics, the report and the CLI share. Scores are decimals: published scores have few decimals and
/// sums of them must be exact.
/// </summary>
/// <param name="ProvinceName">The province's short name (<c>province_short_name</c>), as tables and charts print it.</param>
/// <param name="Rank">As published, or as <c>rpt.index_score</c> ranks the scores when none is published (see <paramref name="RankSource"/>).</param>
/// <param name="PointsSource">Where the points come from: <c>appraisal</c>, <c>survey</c> or <c>mixed</c> (null when the catalogue does not say).</param>
/// <param name="RankSource"><c>published</c> or <c>computed</c>.</param>
/// <param name="ProvincesRanked">How many provinces have a score for the criterion that year.</param>
/// <param name="RunId">The load run that wrote the row (provenance).</param>
public sealed record ScoreRow(
    string IndexCode,
    int Year,
    int ProvinceKey,
    string ProvinceCode,
    string ProvinceName,
    string CriterionCode,
    string? ParentCode,
    int Level,
    string MethodologyVersion,
    string CriterionName,
    string CriterionNameEn,
    decimal? MaxPoints,
    decimal? Weight,
    decimal? Score,
    int? Rank,
    bool IsSynthetic,
    string? SourceFile = null,
    string? PointsSource = null,
    string RankSource = "computed",
    int ProvincesRanked = 0,
    long RunId = 0);

/// <summary>A criterion of one index in one year (one methodology version).</summary>
/// <param name="PointsSource"><c>appraisal</c> (documents appraised by the ministry), <c>survey</c> (the sociological
/// survey), <c>mixed</c> (a parent of both), or null when the catalogue does not say (PCI).</param>
public sealed record CriterionInfo(
    string Code,
    string? ParentCode,
    int Level,
    string Name,
    string NameEn,
    string Version,
    decimal? MaxPoints,
    decimal? Weight,
    string? PointsSource = null)
{
    public const string Appraisal = "appraisal";
    public const string Survey = "survey";

    public bool IsSurvey => PointsSource == Survey;

    /// <summary>The name in English or Vietnamese (the code when no English name is known).</summary>
    public string NameIn(bool english) => english ? (NameEn.Length > 0 ? NameEn : Code) : Name;
}

/// <summary>A province entity as <c>rpt.province</c> describes it.</summary>
/// <param name="Key">GSO code before 1 July 2025; 100 + code for the 34 provinces after it.</param>
/// <param name="FormedFromCodes">GSO codes of the provinces it was formed from (itself when unchanged).</param>
public sealed record ProvinceInfo(int Key, string Code, string ShortName, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> FormedFromCodes)
{
    public bool IsValidAtEndOf(int year) =>
        ValidFrom <= new DateOnly(year, 12, 31) && (ValidTo is null || ValidTo >= new DateOnly(year, 12, 31));
}

/// <summary>A province as results name it.</summary>
public sealed record ProvinceRef(int Key, string Code, string Name);
