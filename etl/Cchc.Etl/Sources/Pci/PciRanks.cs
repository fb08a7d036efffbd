using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// The published rank of each province's weighted PCI, from the first source a workbook offers: a rank column in
/// the summary ("Xếp hạng", "Rank", 2007+); a separate ranking sheet whose totals agree with the summary (2005);
/// or the running number of a table sorted by the total ("Thứ tự" in 2008, the unlabelled first column of 2006).
/// Null when none applies; the warehouse view then computes a rank.
/// </summary>
internal static class PciRanks
{
    private const double TotalTolerance = 0.005;

    public static IReadOnlyDictionary<string, int> From(PciTableValues summary, IEnumerable<PciTableValues> rankingTables, List<QuarantineRecord> rejected)
    {
        var ranks = Of(summary, PciColumnKind.Rank);
        if (ranks.Count > 0)
        {
            return ranks.ToDictionary(r => r.Key, r => (int)r.Value, StringComparer.Ordinal);
        }

        var totals = Of(summary, PciColumnKind.Total);
        foreach (var other in rankingTables)
        {
            var otherRanks = Of(other, PciColumnKind.Rank);
            var otherTotals = Of(other, PciColumnKind.Total);
            if (otherRanks.Count == 0)
            {
                continue;
            }

            var agreed = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (code, rank) in otherRanks)
            {
                var where = other.Values.First(v => v.Province.GsoCode == code && v.Role.Kind == PciColumnKind.Rank).Where;
                if (totals.TryGetValue(code, out var total) && otherTotals.TryGetValue(code, out var otherTotal) && Math.Abs(total - otherTotal) <= TotalTolerance)
                {
                    agreed[code] = (int)rank;
                }
                else
                {
                    rejected.Add(new QuarantineRecord(where,
                        $"rank not used: the weighted PCI beside it ({Show(otherTotals, code)}) differs from the summary sheet's ({Show(totals, code)})",
                        $"{code};rank;{rank}"));
                }
            }

            return agreed;
        }

        return FromOrder(summary, totals);
    }

    private static Dictionary<string, int> FromOrder(PciTableValues summary, Dictionary<string, double> totals)
    {
        var order = Of(summary, PciColumnKind.Order);
        if (order.Count == 0 || order.Count != totals.Count)
        {
            return [];
        }

        var byOrder = order.OrderBy(o => o.Value).Select(o => totals.GetValueOrDefault(o.Key, double.NaN)).ToList();
        var sorted = byOrder.Zip(byOrder.Skip(1)).All(p => p.First >= p.Second);
        return sorted ? order.ToDictionary(o => o.Key, o => (int)o.Value, StringComparer.Ordinal) : [];
    }

    private static Dictionary<string, double> Of(PciTableValues values, PciColumnKind kind) =>
        values.Values.Where(v => v.Role.Kind == kind).ToDictionary(v => v.Province.GsoCode, v => v.Value, StringComparer.Ordinal);

    private static string Show(Dictionary<string, double> values, string code) =>
        values.TryGetValue(code, out var v) ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "none";
}
