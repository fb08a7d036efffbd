using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.Attribution;

/// <summary>Which entity of the previous year a province continues (across the 1 July 2025 reform keys change).</summary>
internal static class ProvinceLineage
{
    /// <summary>
    /// The previous year's entities that <paramref name="provinceKey"/> was formed from, and the codes it was formed
    /// from that have no score that year. One entity = a continuation (the same key, or a post-2025 entity formed from
    /// one province); several = a merger.
    /// </summary>
    public static (IReadOnlyList<ProvinceScores> Found, IReadOnlyList<string> FormedFrom) Predecessors(
        int provinceKey, IndexYear previous, IReadOnlyDictionary<int, ProvinceInfo> provinces)
    {
        if (previous.Province(provinceKey) is { } same)
        {
            return ([same], [same.Province.Code]);
        }

        if (!provinces.TryGetValue(provinceKey, out var info))
        {
            return ([], []);
        }

        var found = previous.Provinces.Values
            .Where(p => info.FormedFromCodes.Contains(p.Province.Code))
            .OrderBy(p => p.Province.Code, StringComparer.Ordinal)
            .ToList();
        return (found, info.FormedFromCodes);
    }
}
