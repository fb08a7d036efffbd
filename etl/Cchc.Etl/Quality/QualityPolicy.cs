using Cchc.Warehouse;

namespace Cchc.Etl.Quality;

/// <summary>Which indices add up: the PAR Index total is the sum of its fields and each field the sum of its criteria
/// (Decision 2948/QĐ-BNV and later), on a 100-point scale. PCI's total is weighted and PAPI's dimensions are on their
/// own scales, so the additive rules leave them alone.</summary>
internal static class QualityPolicy
{
    public static bool IsAdditive(string indexCode) => indexCode == IndexCodes.Par;
}
