namespace Cchc.Reports.Analytics.Tables;

/// <summary>
/// One row of <c>rpt.index_score</c> as the analytics use it (plus the criterion's weight from <c>rpt.criterion</c>).
/// Scores are decimals: published scores have few decimals and sums of them must be exact.
/// </summary>
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
    string? SourceFile = null);

/// <summary>A criterion of one index in one year (one methodology version).</summary>
public sealed record CriterionInfo(
    string Code,
    string? ParentCode,
    int Level,
    string Name,
    string NameEn,
    string Version,
    decimal? MaxPoints,
    decimal? Weight);

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
