using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Drivers;
using Cchc.Reports.Localization;
using Cchc.Reports.ReportData;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Reports.Report;

/// <summary>
/// Everything one province report is built from: the request, the scores of the year and of the comparison year, the
/// drivers, and a record of every score row used (for the synthetic banner and the provenance table).
/// </summary>
internal sealed class ReportContext
{
    private readonly HashSet<ScoreRow> _used = [];
    private readonly List<string> _otherSynthetic = [];

    public ReportContext(ReportRequest request, ReportReader reader, ReportDrivers drivers, Province province, IndexYear current)
    {
        Request = request;
        Text = ReportText.For(request.Language);
        Reader = reader;
        Drivers = drivers;
        Province = province;
        Current = current;
        PreviousYear = reader.Years(request.IndexCode).Where(y => y < request.Year).Cast<int?>().LastOrDefault();
        Previous = PreviousYear is { } py ? reader.IndexYear(request.IndexCode, py) : null;
        PreviousKey = Previous is null ? null : SameTerritoryIn(Previous);
        var total = current.Row(province.Key, IndexCodes.Total) ?? throw new InvalidOperationException($"No total for province key {province.Key}.");
        ProvinceName = total.ProvinceName;
        Query = new DriversQuery(reader.Source, request.IndexCode, request.Year, province.Key, current, Previous, PreviousKey, request.TargetRank);
        Use([total]);
    }

    public ReportRequest Request { get; }

    public ReportText Text { get; }

    public ReportReader Reader { get; }

    public ReportDrivers Drivers { get; }

    public Province Province { get; }

    public string ProvinceName { get; }

    public IndexYear Current { get; }

    public int? PreviousYear { get; }

    public IndexYear? Previous { get; }

    public bool English => Text.Language == ReportLanguage.En;

    /// <summary>The province's own total row this year.</summary>
    public ScoreRow Total => Current.Row(Province.Key, IndexCodes.Total)!;

    /// <summary>The same territory's entity in the comparison year; null after a merger.</summary>
    public int? PreviousKey { get; }

    public DriversQuery Query { get; }

    public string IndexName => Text.IndexName(Request.IndexCode);

    public IReadOnlyCollection<ScoreRow> UsedRows => _used;

    /// <summary>Province entities whose history continues this one's: itself, and the same code with the same territory.</summary>
    public IReadOnlyCollection<int> HistoryKeys() =>
        ProvinceCatalog.Default.All
            .Where(p => p.Key == Province.Key || (p.GsoCode == Province.GsoCode && IsSingle(p) && IsSingle(Province)))
            .Select(p => p.Key).ToHashSet();

    /// <summary>Synthetic data used besides index scores (e.g. one-stop logs), named for the banner.</summary>
    public IReadOnlyList<string> OtherSynthetic => _otherSynthetic;

    public void Use(IEnumerable<ScoreRow> rows) => _used.UnionWith(rows);

    public void UseSynthetic(string what) => _otherSynthetic.Add(what);

    /// <summary>The source line for a chart drawn from <paramref name="rows"/> (which are recorded as used).</summary>
    public string Source(IReadOnlyCollection<ScoreRow> rows)
    {
        Use(rows);
        var parts = rows.GroupBy(r => r.IndexCode).OrderBy(g => g.Key == Request.IndexCode ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Min(r => r.Year), g.Max(r => r.Year))).ToList();
        var files = rows.Select(r => r.SourceFile).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        return Text.SourceLine(parts, files, Share(rows));
    }

    public static SyntheticShare Share(IReadOnlyCollection<ScoreRow> rows) =>
        rows.Count == 0 || rows.All(r => !r.IsSynthetic) ? SyntheticShare.None
        : rows.All(r => r.IsSynthetic) ? SyntheticShare.All
        : SyntheticShare.Some;

    private static bool IsSingle(Province p) => p.FormedFromCodes.Count == 1 && p.FormedFromCodes[0] == p.GsoCode;

    private int? SameTerritoryIn(IndexYear previous)
    {
        if (previous.Province(Province.Key)?.Total is not null)
        {
            return Province.Key;
        }

        if (!IsSingle(Province))
        {
            return null;
        }

        var before = ProvinceCatalog.Default.ByCode(Province.GsoCode, previous.Year);
        return before is not null && IsSingle(before) ? before.Key : null;
    }
}
