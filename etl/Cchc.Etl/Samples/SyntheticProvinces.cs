using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Samples;

/// <summary>
/// The shared latent "governance quality" of each province that every synthetic generator (PCI, PAPI, PAR, one-stop)
/// draws from, so that the synthetic indices correlate with each other the way the real ones do. Deterministic:
/// derived from the province key and a fixed seed, never from a clock or Random.Shared.
/// </summary>
public static class SyntheticProvinces
{
    public const int Seed = 20180620; // the date of the seed plan 3770/KH-UBND, for memorability

    /// <summary>Standard-normal latent quality of a province entity (stable across years).</summary>
    public static double Quality(int provinceKey) => Normal(Seed, provinceKey, 0);

    /// <summary>Year-specific standard-normal shock for a province (same for every index in that year).</summary>
    public static double YearShock(int provinceKey, int year) => Normal(Seed, provinceKey, year);

    /// <summary>Post-2025 provinces inherit the mean quality of the provinces they were formed from.</summary>
    public static double QualityOf(Province province) =>
        province.Key > 100 && province.FormedFromCodes.Count > 0
            ? province.FormedFromCodes.Average(c => Quality(int.Parse(c, System.Globalization.CultureInfo.InvariantCulture)))
            : Quality(province.Key);

    /// <summary>A deterministic Random for a named stream (e.g. "pci", "onestop") so generators do not disturb each other.</summary>
    public static Random For(string stream, int salt = 0) => new(HashCode(stream) ^ (salt * 7919) ^ Seed);

    private static double Normal(int seed, int a, int b)
    {
        var rng = new Random(unchecked((seed * 31) + (a * 1_000_003) + (b * 97)));
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static int HashCode(string text)
    {
        unchecked
        {
            var h = 17;
            foreach (var c in text)
            {
                h = (h * 31) + c;
            }

            return h;
        }
    }
}
