using System.Globalization;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Par;

/// <summary>
/// The versioned PAR methodology catalogue, read from the warehouse seed <c>criteria-par.csv</c> (the same rows the
/// warehouse syncs into dw.dim_criterion), so that parser, generator and warehouse agree on codes and max points.
/// </summary>
internal sealed class ParCatalogue
{
    public const string SeedName = "criteria-par.csv";

    private static readonly Lazy<ParCatalogue> Shared = new(() => Parse(SeedData.ReadCsv(SeedName)));

    private ParCatalogue(IReadOnlyList<ParMethodology> versions) => Versions = versions;

    public static ParCatalogue Default => Shared.Value;

    /// <summary>Versions in order of their first year.</summary>
    public IReadOnlyList<ParMethodology> Versions { get; }

    public ParMethodology? TryFor(int year) => Versions.FirstOrDefault(v => v.Covers(year));

    public ParMethodology For(int year) =>
        TryFor(year) ?? throw new InvalidOperationException($"The PAR catalogue has no methodology version for {year}.");

    public ParMethodology Version(string version) =>
        Versions.FirstOrDefault(v => v.Version == version)
        ?? throw new KeyNotFoundException($"The PAR catalogue has no version '{version}'.");

    public static ParCatalogue Parse(IReadOnlyList<IReadOnlyDictionary<string, string>> rows)
    {
        var criteria = rows
            .Where(r => r["index_code"] == "PAR")
            .Select(r => new ParCriterion(
                r["version_code"],
                r["criterion_code"],
                string.IsNullOrEmpty(r["parent_code"]) ? null : r["parent_code"],
                int.Parse(r["level"], CultureInfo.InvariantCulture),
                r["name_vi"],
                r["name_en"],
                decimal.Parse(r["max_points"], NumberStyles.Float, CultureInfo.InvariantCulture),
                r["points_source"],
                int.Parse(r["valid_from_year"], CultureInfo.InvariantCulture),
                string.IsNullOrEmpty(r["valid_to_year"]) ? null : int.Parse(r["valid_to_year"], CultureInfo.InvariantCulture),
                r["is_illustrative"] is "true" or "1"))
            .ToList();
        var versions = criteria
            .GroupBy(c => c.Version, StringComparer.Ordinal)
            .Select(g => new ParMethodology(g.Key, g.ToList()))
            .OrderBy(v => v.FromYear)
            .ToList();
        return new ParCatalogue(versions);
    }
}
