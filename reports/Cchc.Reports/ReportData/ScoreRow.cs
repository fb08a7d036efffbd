namespace Cchc.Reports.ReportData;

/// <summary>One row of <c>rpt.index_score</c>, as the report reads it.</summary>
public sealed class ScoreRow
{
    public int Year { get; init; }

    public string IndexCode { get; init; } = "";

    public string ProvinceCode { get; init; } = "";

    public string ProvinceName { get; init; } = "";

    public string ProvinceShortName { get; init; } = "";

    public int ProvinceKey { get; init; }

    public string CriterionCode { get; init; } = "";

    public string CriterionName { get; init; } = "";

    public string CriterionNameEn { get; init; } = "";

    public string? ParentCriterionCode { get; init; }

    public int Level { get; init; }

    public string MethodologyVersion { get; init; } = "";

    public double? MaxPoints { get; init; }

    public double? Score { get; init; }

    public int Rank { get; init; }

    public string RankSource { get; init; } = "";

    public int ProvincesRanked { get; init; }

    public bool IsSynthetic { get; init; }

    public string? SourceFile { get; init; }

    public long RunId { get; init; }

    /// <summary>The SELECT list that maps <c>rpt.index_score</c> onto this class.</summary>
    internal const string Columns =
        """
        year AS Year, index_code AS IndexCode, province_code AS ProvinceCode, province_name AS ProvinceName,
        province_short_name AS ProvinceShortName, province_key AS ProvinceKey, criterion_code AS CriterionCode,
        criterion_name AS CriterionName, criterion_name_en AS CriterionNameEn, parent_criterion_code AS ParentCriterionCode,
        level AS Level, methodology_version AS MethodologyVersion, max_points AS MaxPoints, score AS Score, rank AS Rank,
        rank_source AS RankSource, provinces_ranked AS ProvincesRanked, is_synthetic AS IsSynthetic, source_file AS SourceFile,
        run_id AS RunId
        """;
}
