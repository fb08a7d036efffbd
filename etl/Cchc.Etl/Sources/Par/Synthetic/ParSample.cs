using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>One province's generated PAR result for a year: every node's score, the total's rank and the field ranks.</summary>
internal sealed record ParProvinceResult(
    Province Province,
    IReadOnlyDictionary<string, decimal> Scores,
    int Rank,
    IReadOnlyDictionary<string, int> FieldRanks)
{
    public decimal Total => Scores[ParCodes.Total];
}

/// <summary>One year of the PAR sample: all provinces, ordered by rank, and the real values inside it.</summary>
internal sealed record ParYearSample(
    int Year,
    ParMethodology Methodology,
    IReadOnlyList<ParProvinceResult> Provinces,
    IReadOnlyList<ParProvenanceEntry> RealValues);

/// <summary>The whole PAR sample and what the generator reports about the facts it was given.</summary>
internal sealed record ParSample(IReadOnlyList<ParYearSample> Years, IReadOnlyList<ParFactIssue> Issues);
