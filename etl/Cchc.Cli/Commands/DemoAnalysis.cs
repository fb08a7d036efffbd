using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Report;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>The analysis step of <c>cchc demo</c>: which year to show, why the rank moved, and the report for it.</summary>
internal static class DemoAnalysis
{
    /// <summary>
    /// The newest PAR year in which the province can be compared with the year before (same GSO code, so not a province
    /// formed by the 2025 merger) and PCI is loaded too, so every section of the report has data; else its newest year.
    /// </summary>
    public static int? ChooseYear(IWarehouse warehouse, string provinceCode)
    {
        var years = warehouse.Query<int>(
            "SELECT DISTINCT year FROM rpt.index_score WHERE index_code = @index AND province_code = @provinceCode AND criterion_code = 'TOTAL' ORDER BY year DESC",
            new { index = IndexCodes.Par, provinceCode });
        var pci = warehouse.Query<int>("SELECT DISTINCT year FROM rpt.index_score WHERE index_code = @index", new { index = IndexCodes.Pci }).ToHashSet();
        var provinceKeys = warehouse.Query<(int Year, int Key)>(
            "SELECT DISTINCT year, province_key FROM rpt.index_score WHERE index_code = @index AND province_code = @provinceCode AND criterion_code = 'TOTAL'",
            new { index = IndexCodes.Par, provinceCode }).ToDictionary(r => r.Year, r => r.Key);
        return years.Cast<int?>().FirstOrDefault(y => provinceKeys.TryGetValue(y!.Value - 1, out var before) && before == provinceKeys[y.Value] && pci.Contains(y.Value))
            ?? years.Cast<int?>().FirstOrDefault();
    }

    /// <summary>
    /// Prints the rank change and what moved it: the fields that moved it most, the methodology's part when maxima
    /// changed, the other provinces' moves and the publication adjustment, each its own line (exact Owen values, no
    /// models: those are in the report), and whether the change stands out from the survey's sampling noise.
    /// </summary>
    public static void PrintSummary(TextWriter o, IWarehouse warehouse, string provinceCode, int year)
    {
        var source = new AnalyticsSource(warehouse);
        if (source.Provinces.Values.FirstOrDefault(p => p.Code == provinceCode && p.IsValidAtEndOf(year)) is not { } province)
        {
            return;
        }

        var a = DriversAnalysis.Run(source, new DriversRequest(IndexCodes.Par, year, province.Key, IncludeModels: false)).Attribution;
        o.WriteLine();
        o.WriteLine($"Analysis: {a.Province.Name}, PAR {year}{(a.IsSynthetic ? " [SYNTHETIC DATA]" : string.Empty)}");
        if (a.Status != ComparisonStatus.Compared)
        {
            o.WriteLine($"  {a.Message}");
            return;
        }

        o.WriteLine($"  rank {a.PreviousRank} → {a.Rank} of {a.ProvincesRanked}, score {Numbers.Points(a.PreviousScore)} → {Numbers.Points(a.Score)}");
        foreach (var c in a.Components.OrderByDescending(c => Math.Abs(c.RankEffect.Value)).Take(3))
        {
            o.WriteLine($"  field {c.Code} {c.NameEn}: {Numbers.Signed(c.ScoreChange)} points, {Places(c.RankEffect)}");
        }

        if (a.Methodology is { } m)
        {
            o.WriteLine($"  changed maximum points ({m.PreviousVersion} → {m.Version}): {Numbers.Signed(m.Points)} points, {Places(m.RankEffect)}");
        }

        o.WriteLine($"  other provinces moving: {Places(a.PeerEffect)}");
        if (a.PublicationAdjustment != 0)
        {
            o.WriteLine($"  published rank vs rank recomputed from the totals: {(a.PublicationAdjustment < 0 ? "gained" : "lost")} {Math.Abs(a.PublicationAdjustment)} places");
        }

        if (a.Uncertainty is { } u)
        {
            var direction = a.RankChange < 0 ? "climbed" : a.RankChange > 0 ? "fell" : "moved";
            o.WriteLine($"  {(u.DistinguishableFromNoise ? "more than" : "within")} sampling noise: re-measuring the survey points {u.Draws} times, it {direction} in {Numbers.Percent(a.ProbabilityRankChanged)} of them");
        }

        o.WriteLine($"  (exact Owen values: own changes and other provinces' changes split symmetrically, fields by Shapley value; full table: cchc drivers --province {provinceCode} --year {year})");
    }

    private static string Places(RankEffect effect)
    {
        var places = -effect.Value;
        var interval = effect.Interval is { } i ? $" (90%: {Numbers.Interval(-i.Upper, -i.Lower)})" : string.Empty;
        return $"{(places >= 0 ? "gained" : "lost")} {Math.Abs(places):0.0} places{interval}";
    }

    public static string WriteReport(IWarehouse warehouse, string provinceCode, int year, string outDir) =>
        new ReportRunner(warehouse).WriteProvince(new ReportRequest(provinceCode, year, IndexCodes.Par), outDir);
}
