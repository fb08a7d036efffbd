using System.Globalization;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Pci;

/// <summary>One row of the PCI criterion catalogue (the embedded seed <c>criteria-pci.csv</c>).</summary>
internal sealed record PciCriterion(
    string Code,
    string VersionCode,
    int Level,
    string NameVi,
    string NameEn,
    double MaxPoints,
    double? Weight,
    int ValidFrom,
    int? ValidTo)
{
    public bool IsValidIn(int year) => ValidFrom <= year && (ValidTo is null || year <= ValidTo);
}

/// <summary>
/// The PCI catalogue as the parser and the sample writer see it: which sub-indices a year has, their names and
/// weights. Read from the same seed the warehouse loads into dw.dim_criterion, so the two never disagree.
/// </summary>
internal static class PciCatalogue
{
    public const string SeedName = "criteria-pci.csv";

    private static readonly Lazy<IReadOnlyList<PciCriterion>> Rows = new(Load);

    public static IReadOnlyList<PciCriterion> All => Rows.Value;

    public static int FirstYear => All.Min(c => c.ValidFrom);

    /// <summary>The weighted total's row for the year, or null when the catalogue has no PCI methodology that year.</summary>
    public static PciCriterion? TotalFor(int year) =>
        All.FirstOrDefault(c => c.Level == 0 && c.IsValidIn(year));

    /// <summary>The sub-indices (level 1) of the year's methodology, in catalogue order.</summary>
    public static IReadOnlyList<PciCriterion> SubIndicesIn(int year) =>
        All.Where(c => c.Level == 1 && c.IsValidIn(year)).ToList();

    public static PciCriterion? Find(string code, int year) =>
        All.FirstOrDefault(c => c.Code == code && c.IsValidIn(year));

    private static IReadOnlyList<PciCriterion> Load() =>
        SeedData.ReadCsv(SeedName)
            .Where(r => r["index_code"] == IndexCodes.Pci)
            .Select(r => new PciCriterion(
                r["criterion_code"],
                r["version_code"],
                int.Parse(r["level"], CultureInfo.InvariantCulture),
                r["name_vi"],
                r["name_en"],
                double.Parse(r["max_points"], CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(r["weight"]) ? null : double.Parse(r["weight"], CultureInfo.InvariantCulture),
                int.Parse(r["valid_from_year"], CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(r["valid_to_year"]) ? null : int.Parse(r["valid_to_year"], CultureInfo.InvariantCulture)))
            .ToList();
}
