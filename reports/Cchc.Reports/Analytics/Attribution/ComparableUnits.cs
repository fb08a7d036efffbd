using Cchc.Reports.Analytics.Tables;

namespace Cchc.Reports.Analytics.Attribution;

/// <summary>A group of criteria that can be compared across two years: one code when the methodology is the same;
/// a connected group of the version mapping otherwise (e.g. 3.2 and 3.3 of the old version → 3.2 of the new).</summary>
internal sealed record ComparableUnit(IReadOnlyList<string> PreviousCodes, IReadOnlyList<string> CurrentCodes)
{
    public string Label =>
        PreviousCodes.SequenceEqual(CurrentCodes) ? string.Join("+", CurrentCodes)
        : $"{string.Join("+", PreviousCodes)} → {string.Join("+", CurrentCodes)}";
}

/// <summary>
/// Decides which criteria two years have in common.
/// <list type="bullet">
/// <item>Same methodology version: the same code is the same criterion.</item>
/// <item>Different versions and no mapping between them — or only illustrative rows, which show the shape of a mapping
/// but were not read from the decisions: nothing is compared (codes may have been renumbered), and every criterion is
/// listed as not comparable, with the reason.</item>
/// <item>Different versions with a mapping: criteria linked by the mapping form connected groups (splits and merges
/// become one unit). A code the mapping does not mention but both versions have is taken as unchanged (the mapping
/// lists changes); a code mapped to nothing, or present in one version only, is not comparable.</item>
/// </list>
/// </summary>
internal static class ComparableUnits
{
    public static (IReadOnlyList<ComparableUnit> Units, IReadOnlyList<(string Code, bool InCurrent, string Reason)> NotComparable) Build(
        IReadOnlyCollection<string> previousCodes, string previousVersion,
        IReadOnlyCollection<string> currentCodes, string currentVersion,
        ICriterionMapping mapping)
    {
        var prev = new SortedSet<string>(previousCodes, CriterionCodeComparer.Instance);
        var cur = new SortedSet<string>(currentCodes, CriterionCodeComparer.Instance);
        var notComparable = new List<(string, bool, string)>();
        if (previousVersion == currentVersion)
        {
            AddOneSided(prev, cur, notComparable, "no score in the other year");
            return (cur.Where(prev.Contains).Select(c => new ComparableUnit([c], [c])).ToList(), notComparable);
        }

        var all = mapping.Between(previousVersion, currentVersion);
        // A row linking the totals says nothing about the criteria below them.
        var pairs = all.Where(p => !p.IsIllustrative && p.FromCode != Warehouse.IndexCodes.Total && p.ToCode != Warehouse.IndexCodes.Total).ToList();
        if (pairs.Count == 0)
        {
            var reason = !all.Any(p => p.FromCode != Warehouse.IndexCodes.Total)
                ? $"methodology changed ({previousVersion} → {currentVersion}) and no criterion mapping between them is loaded"
                : $"methodology changed ({previousVersion} → {currentVersion}) and the {all.Count(p => p.IsIllustrative)} loaded mapping rows between them are illustrative, not read from the decisions";
            notComparable.AddRange(prev.Select(c => (c, false, reason)));
            notComparable.AddRange(cur.Select(c => (c, true, reason)));
            return ([], notComparable);
        }

        var mentionedPrev = pairs.Where(p => p.FromCode is not null).Select(p => p.FromCode!).ToHashSet(StringComparer.Ordinal);
        var mentionedCur = pairs.Where(p => p.ToCode is not null).Select(p => p.ToCode!).ToHashSet(StringComparer.Ordinal);
        var links = pairs.Where(p => p.FromCode is not null && p.ToCode is not null && prev.Contains(p.FromCode) && cur.Contains(p.ToCode)).ToList();

        // Union-find over "P:code" and "C:code" nodes.
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }

            return x;
        }

        void Union(string a, string b)
        {
            parent.TryAdd(a, a);
            parent.TryAdd(b, b);
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                parent[rb] = ra;
            }
        }

        foreach (var link in links)
        {
            Union("P:" + link.FromCode, "C:" + link.ToCode);
        }

        foreach (var code in cur.Where(c => prev.Contains(c) && !mentionedPrev.Contains(c) && !mentionedCur.Contains(c)))
        {
            Union("P:" + code, "C:" + code);
        }

        var units = parent.Keys.ToList().GroupBy(Find)
            .Select(g => new ComparableUnit(
                g.Where(n => n.StartsWith("P:", StringComparison.Ordinal)).Select(n => n[2..]).Order(CriterionCodeComparer.Instance).ToList(),
                g.Where(n => n.StartsWith("C:", StringComparison.Ordinal)).Select(n => n[2..]).Order(CriterionCodeComparer.Instance).ToList()))
            .OrderBy(u => u.CurrentCodes[0], CriterionCodeComparer.Instance)
            .ToList();
        var inUnits = parent.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var code in prev.Where(c => !inUnits.Contains("P:" + c)))
        {
            notComparable.Add((code, false, mentionedPrev.Contains(code)
                ? $"has no counterpart in {currentVersion} (mapping)"
                : $"not in {currentVersion} and not in the mapping"));
        }

        foreach (var code in cur.Where(c => !inUnits.Contains("C:" + c)))
        {
            notComparable.Add((code, true, mentionedCur.Contains(code)
                ? $"has no counterpart in {previousVersion} (mapping)"
                : $"not in {previousVersion} and not in the mapping"));
        }

        return (units, notComparable);
    }

    private static void AddOneSided(SortedSet<string> prev, SortedSet<string> cur, List<(string, bool, string)> into, string reason)
    {
        into.AddRange(prev.Where(c => !cur.Contains(c)).Select(c => (c, false, reason)));
        into.AddRange(cur.Where(c => !prev.Contains(c)).Select(c => (c, true, reason)));
    }
}
