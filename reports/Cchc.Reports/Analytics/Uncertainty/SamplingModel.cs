using System.Globalization;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Analytics.Uncertainty;

/// <summary>One criterion whose points come from a sample survey, and the standard error of its points.</summary>
/// <param name="FieldCode">The level-1 part it adds up into (its change shows in that field).</param>
/// <param name="FactorToTotal">Points of the total per point of the criterion (1 for sums, 10 × weight for PCI).</param>
/// <param name="FixedStandardError">A standard error in the criterion's points that does not depend on the score
/// (PCI, PAPI); null for proportions, whose error follows from the score and <paramref name="SampleSize"/>.</param>
public sealed record NoisyCriterion(string Code, string FieldCode, decimal FactorToTotal, decimal MaxPoints, double? FixedStandardError, int? SampleSize)
{
    /// <summary>Standard error of the criterion's points at <paramref name="score"/>: fixed, or the binomial
    /// max·√(p(1−p)/n) of a share p = score/max answered by n respondents (p kept within 2–98 %).</summary>
    public double StandardError(decimal score)
    {
        if (FixedStandardError is { } fixedError)
        {
            return fixedError;
        }

        var p = Math.Clamp(MaxPoints > 0 ? (double)(score / MaxPoints) : 0.5, 0.02, 0.98);
        return (double)MaxPoints * Math.Sqrt(p * (1 - p) / (SampleSize ?? SamplingModel.ParRespondentsPerCriterion));
    }
}

/// <summary>
/// The written sampling model for survey-based points: which points of each index come from a sample survey, and how
/// much they would move if the survey were run again on another sample. Appraisal points (the ministry's appraisal of
/// documents and reports) are not sampled and carry no noise.
/// <list type="bullet">
/// <item><b>PAR Index</b>: the criteria whose points source is the sociological survey (<c>rpt.criterion.points_source =
/// 'survey'</c>; 7 criteria, about 30 of the 100 points). Each is a share p of its maximum, answered by about
/// <see cref="ParRespondentsPerCriterion"/> respondents of the province (leaders, civil servants, citizens and
/// organisations; an assumption — the ministry publishes the national sample, not each criterion's): σ = max·√(p(1−p)/n).</item>
/// <item><b>PCI</b>: every sub-index rests mainly on VCCI's firm survey; σ = <see cref="PciSubIndexStandardError"/> points
/// on the 10-point sub-index scale (an assumption: about 130 firms per province, a firm-level spread near 1.4 points).</item>
/// <item><b>PAPI</b>: every dimension is a mean over the citizen survey; σ per dimension as UNDP's 2019 provincial release
/// publishes it (median over the 63 provinces of its "Variance (Dimension k)", about 197 respondents each).</item>
/// </list>
/// Draws are independent across criteria, provinces and years, normal, and clamped to 0…max.
/// </summary>
public static class SamplingModel
{
    /// <summary>Respondents behind one PAR survey criterion in one province (assumed; see the class remarks).</summary>
    public const int ParRespondentsPerCriterion = 150;

    /// <summary>Standard error of a PCI sub-index on its 10-point scale (assumed; see the class remarks).</summary>
    public const double PciSubIndexStandardError = 0.12;

    /// <summary>Respondents per dimension in PAPI's 2019 provincial release (median over provinces).</summary>
    public const int PapiRespondentsPerDimension = 197;

    /// <summary>Standard error per PAPI dimension: √(median variance) over the 63 provinces of the 2019 provincial release
    /// (<c>2019_PAPI_Provincial_indicators2019_VIE_ENG.xlsx</c>, columns "Variance (Dimension k)").</summary>
    public static IReadOnlyDictionary<string, double> PapiDimensionStandardErrors { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["PAPI.D1"] = 0.1005, ["PAPI.D2"] = 0.0869, ["PAPI.D3"] = 0.1219, ["PAPI.D4"] = 0.1492,
        ["PAPI.D5"] = 0.0454, ["PAPI.D6"] = 0.0500, ["PAPI.D7"] = 0.1329, ["PAPI.D8"] = 0.1301,
    };

    /// <summary>The PAPI standard error used for a dimension the 2019 release does not cover: their median.</summary>
    public const double PapiDefaultStandardError = 0.11;

    /// <summary>The survey-based criteria of one index-year, each counted once (a survey criterion's survey children are
    /// inside it) and only where a change can be carried up to the total.</summary>
    public static IReadOnlyList<NoisyCriterion> Criteria(IndexYear table)
    {
        bool Carried(CriterionInfo c) => table.AddsUpToTotal(c.Code) && c.MaxPoints is > 0;
        var candidates = table.IndexCode switch
        {
            IndexCodes.Pci or IndexCodes.Papi => table.Fields.Where(Carried),
            _ => table.Criteria.Values.Where(c => c.IsSurvey && c.Code != IndexCodes.Total && Carried(c)
                && !(table.ParentOf(c.Code) is { } parent && table.Criteria.TryGetValue(parent, out var p) && p.IsSurvey)),
        };
        return candidates.OrderBy(c => c.Code, CriterionCodeComparer.Instance)
            .Select(c => new NoisyCriterion(c.Code, FieldOf(table, c.Code), table.TotalEffectPerPoint(c.Code), c.MaxPoints!.Value,
                table.IndexCode switch
                {
                    IndexCodes.Pci => PciSubIndexStandardError,
                    IndexCodes.Papi => PapiDimensionStandardErrors.GetValueOrDefault(c.Code, PapiDefaultStandardError),
                    _ => null,
                },
                table.IndexCode switch
                {
                    IndexCodes.Papi => PapiRespondentsPerDimension,
                    IndexCodes.Pci => null,
                    _ => ParRespondentsPerCriterion,
                }))
            .ToList();
    }

    /// <summary>The model in one sentence, for JSON and notes.</summary>
    public static string Describe(string indexCode) => indexCode switch
    {
        IndexCodes.Pci => FormattableString.Invariant(
            $"PCI sub-indices rest on VCCI's firm survey: each re-drawn with a standard error of {PciSubIndexStandardError} points (assumed: ~130 firms per province); weights as published."),
        IndexCodes.Papi => "PAPI dimensions are citizen-survey means: each re-drawn with the standard error UNDP's 2019 provincial release gives it " +
                           string.Join(", ", PapiDimensionStandardErrors.Select(e => FormattableString.Invariant($"{e.Key} {e.Value:0.###}"))) + ".",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"PAR sociological-survey criteria (points source 'survey') re-drawn as shares of their maximum answered by {ParRespondentsPerCriterion} respondents per province (assumed): σ = max·√(p(1−p)/n); appraisal points are not sampled."),
    };

    private static string FieldOf(IndexYear table, string code)
    {
        var field = code;
        while (table.ParentOf(field) is { } parent && parent != IndexCodes.Total)
        {
            field = parent;
        }

        return field;
    }
}
