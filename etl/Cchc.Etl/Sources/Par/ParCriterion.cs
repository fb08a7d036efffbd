namespace Cchc.Etl.Sources.Par;

/// <summary>One row of the PAR methodology catalogue (<c>Seeds/criteria-par.csv</c>): the total, a field ("1"), a
/// criterion ("1.1") or a sub-criterion ("1.1.2") of one methodology version.</summary>
/// <param name="PointsSource">'appraisal' or 'survey' for criteria and sub-criteria; 'mixed' for a field or total
/// that holds both.</param>
/// <param name="IsIllustrative">True when the row is not known from a public source: structurally right, not official.</param>
internal sealed record ParCriterion(
    string Version,
    string Code,
    string? ParentCode,
    int Level,
    string NameVi,
    string NameEn,
    decimal MaxPoints,
    string PointsSource,
    int ValidFromYear,
    int? ValidToYear,
    bool IsIllustrative)
{
    public const string Appraisal = "appraisal";
    public const string Survey = "survey";

    public bool IsSurvey => PointsSource == Survey;
}
