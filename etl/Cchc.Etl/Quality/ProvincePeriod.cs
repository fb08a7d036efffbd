using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Quality;

/// <summary>
/// The provinces an annual index of a year must list, each once: the 63 provinces before 2025, the 34 from 2025
/// (provinces that exist at the end of the year), and Hà Tây as a 64th in PCI 2006–2008 (VCCI surveyed it until the
/// merger into Hà Nội on 1 August 2008).
/// </summary>
internal static class ProvincePeriod
{
    private const int HaTayKey = 28;

    public static IReadOnlyList<Province> Expected(string indexCode, int year)
    {
        var provinces = ProvinceCatalog.Default.ValidAtEndOf(year).ToList();
        if (indexCode == IndexCodes.Pci && year is >= 2006 and <= 2008 && provinces.All(p => p.Key != HaTayKey))
        {
            provinces.Add(ProvinceCatalog.Default.ByKey(HaTayKey));
        }

        return provinces;
    }
}
