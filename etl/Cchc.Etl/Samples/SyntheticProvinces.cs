using System.Globalization;
using Cchc.Etl.Sources.Par.Synthetic;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Samples;

/// <summary>
/// The synthetic world every sample generator (PAR, PCI, PAPI, one-stop) draws from, with a known truth that the
/// analytics are tested against. The generating process (all draws standard normal, deterministic from the province key,
/// the index, the part and the year with a fixed seed — never from a clock or <c>Random.Shared</c>):
/// <list type="bullet">
/// <item><b>Persistent province quality</b> q_p: what makes a province good at governance in every index and year. For a
/// province with real PAR ranks (<c>par-index-known-facts.csv</c>) q_p is the mean normal score Φ⁻¹(1 − (rank − ½)/n)
/// of those ranks, so that its other indices agree with the facts.</item>
/// <item><b>Persistent province × part strengths</b> s_{p,I,d} for every part d of index I (PAR field, PCI sub-index, PAPI
/// dimension, PAR criterion): why a province is relatively better in some fields than in others, year after year.</item>
/// <item><b>Shocks per index and year</b> e_{p,I,y} (one per province, index and year, so a good PAR year is not a good
/// PCI year) and <b>per part and year</b> e_{p,I,d,y}.</item>
/// <item><b>Planted shocks</b> (<see cref="Planted"/>): a few part-year shocks written down here, the story the demo tells.</item>
/// </list>
/// Each generator states its own loadings and noise levels on these (see <see cref="ParFieldLatent"/>, the PCI and
/// PAPI sample writers). PAR totals are ordered by <see cref="ParLatent"/>; a province with real ranks follows a path
/// interpolated between its real ranks instead (<see cref="ParPinnedPath"/>, placed by <see cref="ParAnchoredRank"/>),
/// so it never swings 30 places around a fact.
/// </summary>
internal static class SyntheticProvinces
{
    public const int Seed = 20180620; // the date of the seed plan 3770/KH-UBND, for memorability

    /// <summary>PAR field latent: z = <see cref="ParQualityLoading"/>·q + <see cref="ParStrengthLoading"/>·s_field +
    /// <see cref="ParYearLoading"/>·e_year + <see cref="ParFieldShockLoading"/>·(e_field,year + planted).</summary>
    public const double ParQualityLoading = 0.6;

    public const double ParStrengthLoading = 0.5;

    public const double ParYearLoading = 0.4;

    public const double ParFieldShockLoading = 0.35;

    /// <summary>Year-to-year wobble of a province with real ranks around its interpolated path (in normal-score units).</summary>
    public const double PinnedWobble = 0.15;

    public const string Par = "PAR";
    public const string Pci = "PCI";
    public const string Papi = "PAPI";
    public const string OneStop = "ONESTOP";

    /// <summary>
    /// The planted shocks, in standard deviations of the part's yearly shock: Lâm Đồng's 2024 PAR result improved in
    /// administrative procedures (field 3, with the one-stop logs behind 3.3–3.4) and in the civil service (field 5).
    /// Nothing else is planted: every other move of any province is the world's own persistent strengths and shocks.
    /// </summary>
    public static IReadOnlyList<PlantedShock> Planted { get; } =
    [
        new("68", Par, "3", 2024, 5.0),
        new("68", Par, "5", 2024, 5.0),
    ];

    private static readonly Lazy<IReadOnlyDictionary<int, IReadOnlyList<(int Year, double Score)>>> Pins = new(LoadPins);

    /// <summary>Persistent standard-normal quality of a province entity; for a province with real PAR ranks, the mean of
    /// their normal scores.</summary>
    public static double Quality(int provinceKey) =>
        Pins.Value.TryGetValue(provinceKey, out var pins) ? pins.Average(p => p.Score) : Normal(provinceKey, "quality", "", 0);

    /// <summary>Post-2025 provinces inherit the mean quality of the provinces they were formed from.</summary>
    public static double QualityOf(Province province) =>
        province.Key > 100 && province.FormedFromCodes.Count > 0
            ? province.FormedFromCodes.Average(c => Quality(int.Parse(c, CultureInfo.InvariantCulture)))
            : Quality(province.Key);

    /// <summary>Persistent strength of a province in one part of an index (s_{p,I,d}).</summary>
    public static double Strength(int provinceKey, string index, string part) => Normal(provinceKey, index, part, 0);

    /// <summary>The province's shock of one index in one year (e_{p,I,y}); other indices have their own.</summary>
    public static double YearShock(int provinceKey, string index, int year) => Normal(provinceKey, index, "", year);

    /// <summary>The shock of one part of an index in one year (e_{p,I,d,y}), planted shocks included.</summary>
    public static double PartShock(int provinceKey, string index, string part, int year) =>
        Normal(provinceKey, index, part, year) + PlantedShift(provinceKey, index, part, year);

    /// <summary>The planted shift of a part-year (0 where nothing is planted).</summary>
    public static double PlantedShift(int provinceKey, string index, string part, int year) =>
        Planted.Where(p => p.Index == index && p.Part == part && p.Year == year && Key(p.ProvinceCode, year) == provinceKey).Sum(p => p.Size);

    /// <summary>A PAR field's latent for a province-year (the loadings above).</summary>
    public static double ParFieldLatent(int provinceKey, string field, int year) =>
        (ParQualityLoading * Quality(provinceKey)) + (ParStrengthLoading * Strength(provinceKey, Par, field))
        + (ParYearLoading * YearShock(provinceKey, Par, year)) + (ParFieldShockLoading * PartShock(provinceKey, Par, field, year));

    /// <summary>The part of a field's latent that is the field's own (strength and shock), i.e. what decides how a
    /// province's total is shared among its fields.</summary>
    public static double ParFieldOwn(int provinceKey, string field, int year) =>
        (ParStrengthLoading * Strength(provinceKey, Par, field)) + (ParFieldShockLoading * PartShock(provinceKey, Par, field, year));

    /// <summary>
    /// The latent that orders a year's PAR totals: the fields' latents weighted by their max points, rescaled to unit
    /// variance; for a province with real ranks, its pinned path plus a small wobble and the planted shifts.
    /// </summary>
    public static double ParLatent(Province province, int year, IReadOnlyList<(string Field, double MaxPoints)> fields)
    {
        var total = fields.Sum(f => f.MaxPoints);
        var weights = fields.Select(f => f.MaxPoints / total).ToList();
        var sumSquares = weights.Sum(w => w * w);
        var scale = 1 / Math.Sqrt((ParQualityLoading * ParQualityLoading) + (ParYearLoading * ParYearLoading)
            + (((ParStrengthLoading * ParStrengthLoading) + (ParFieldShockLoading * ParFieldShockLoading)) * sumSquares));
        var planted = scale * fields.Select((f, i) => weights[i] * ParFieldShockLoading * PlantedShift(province.Key, Par, f.Field, year)).Sum();
        return ParPinnedPath(province, year) is { } path
            ? path + (PinnedWobble * YearShock(province.Key, Par, year)) + planted
            : scale * fields.Select((f, i) => weights[i] * ParFieldLatent(province.Key, f.Field, year)).Sum();
    }

    /// <summary>
    /// For a province with real PAR ranks: the normal score of its rank interpolated linearly between the years with a
    /// real rank (and held flat before the first and after the last); null for the others.
    /// </summary>
    public static double? ParPinnedPath(Province province, int year)
    {
        if (!Pins.Value.TryGetValue(province.Key, out var pins))
        {
            return null;
        }

        var before = pins.LastOrDefault(p => p.Year <= year);
        var after = pins.FirstOrDefault(p => p.Year >= year);
        return before == default ? after.Score
            : after == default || after.Year == before.Year ? before.Score
            : before.Score + ((after.Score - before.Score) * (year - before.Year) / (after.Year - before.Year));
    }

    /// <summary>
    /// Where a province with real PAR ranks stands in a year without one: the rank its pinned path (plus the wobble and the
    /// planted shifts) implies among <paramref name="provinces"/>, n·(1 − Φ(latent)) + ½. The planner gives it the free
    /// rank nearest to that, so the many provinces that have facts near the top cannot crowd each other down the table.
    /// Null for a province without real ranks.
    /// </summary>
    public static double? ParAnchoredRank(Province province, int year, int provinces, IReadOnlyList<(string Field, double MaxPoints)> fields) =>
        ParPinnedPath(province, year) is null ? null : (provinces * (1 - NormalCdf(ParLatent(province, year, fields)))) + 0.5;

    /// <summary>Φ(x) by the Abramowitz–Stegun 7.1.26 approximation of erf (|error| &lt; 1.5e-7).</summary>
    internal static double NormalCdf(double x)
    {
        var t = 1 / (1 + (0.3275911 * Math.Abs(x) / Math.Sqrt(2)));
        var poly = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        var erf = 1 - (poly * Math.Exp(-(x * x) / 2));
        return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }

    /// <summary>A deterministic Random for a named stream (e.g. "pci", "onestop") so generators do not disturb each other.</summary>
    public static Random For(string stream, int salt = 0) => new(HashCode(stream) ^ (salt * 7919) ^ Seed);

    /// <summary>Normal score of a rank among n: Φ⁻¹(1 − (rank − ½)/n).</summary>
    public static double RankScore(int rank, int provinces) => ParTotalsPlanner.Probit(1 - ((rank - 0.5) / provinces));

    private static IReadOnlyDictionary<int, IReadOnlyList<(int Year, double Score)>> LoadPins() =>
        ParKnownFacts.Load().Totals
            .Where(f => f.Rank is not null && f.Year < ParSampleGenerator.LastYear)
            .GroupBy(f => f.Province.Key)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, double)>)g.OrderBy(f => f.Year)
                .Select(f => (f.Year, RankScore(f.Rank!.Value, ProvinceCatalog.Default.ValidAtEndOf(f.Year).Count))).ToList());

    private static int? Key(string code, int year) => ProvinceCatalog.Default.ByCode(code, year)?.Key;

    private static double Normal(int provinceKey, string index, string part, int year)
    {
        var rng = new Random(unchecked((Seed * 31) + (provinceKey * 1_000_003) + (year * 97) + (HashCode(index) * 7) + (HashCode(part) * 13)));
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

/// <summary>A shock written into the synthetic world on purpose, in standard deviations of the part's yearly shock.</summary>
internal sealed record PlantedShock(string ProvinceCode, string Index, string Part, int Year, double Size);
