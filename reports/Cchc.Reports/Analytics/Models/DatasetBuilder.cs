using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Analytics.Models;

/// <summary>
/// Builds the two model datasets. Neither target is a sum of its features: regressing a total on its own parts would
/// only rediscover the methodology.
/// <list type="bullet">
/// <item><see cref="CrossIndexRank"/>: a province's rank in one index from the other indices' level-1 parts
/// (e.g. PAR rank from PCI sub-indices and PAPI dimensions), plus the one-stop on-time rate when it covers the data.</item>
/// <item><see cref="NextYearRankChange"/>: next year's rank change from this year's level-1 profile of the same index.</item>
/// </list>
/// Features are level-1 scores as a share of their max points (raw scores when no max is known), restricted to the
/// codes present in every year used, so a methodology change cannot turn into a spurious feature.
/// </summary>
internal static class DatasetBuilder
{
    /// <summary>Years from the 2025 reform on rank 34 provinces, not 63; ranks of the two eras are not mixed.</summary>
    public const int ReformYear = 2025;

    public const double MinimumOnTimeCoverage = 0.8;

    public static ModelDataset CrossIndexRank(
        IReadOnlyList<IndexYear> tables, string targetIndex, IReadOnlyDictionary<(int ProvinceKey, int Year), double>? onTimeRates = null)
    {
        var notes = new List<string>();
        var target = tables.Where(t => t.IndexCode == targetIndex && t.Year < ReformYear).ToDictionary(t => t.Year);
        var key = $"{targetIndex.ToLowerInvariant()}-rank-from-other-indices";
        var title = $"{targetIndex} rank explained by the other indices";
        if (tables.Any(t => t.IndexCode == targetIndex && t.Year >= ReformYear))
        {
            notes.Add($"{targetIndex} years from {ReformYear} rank 34 provinces, not 63; they are left out.");
        }

        var years = new SortedSet<int>(target.Keys);
        var featureIndices = new List<string>();
        foreach (var index in new[] { IndexCodes.Pci, IndexCodes.Papi, IndexCodes.Par }.Where(i => i != targetIndex))
        {
            var overlap = years.Intersect(tables.Where(t => t.IndexCode == index).Select(t => t.Year)).ToList();
            if (overlap.Count >= 3)
            {
                featureIndices.Add(index);
                years.IntersectWith(overlap);
            }
            else
            {
                notes.Add($"{index} overlaps the {targetIndex} years only in {overlap.Count} year(s); it is not used as a feature.");
            }
        }

        if (featureIndices.Count == 0)
        {
            return new ModelDataset(key, title, $"{targetIndex} rank", [], [], false, [.. notes, $"No other index shares at least 3 years with {targetIndex}."]);
        }

        var byIndexYear = tables.ToDictionary(t => (t.IndexCode, t.Year));
        var features = featureIndices.SelectMany(index => CommonLevel1(years.Select(y => byIndexYear[(index, y)]).ToList(), notes)).ToList();
        var rows = new List<ModelRow>();
        foreach (var year in years)
        {
            var targetTable = target[year];
            target.TryGetValue(year - 1, out var previousTable);
            foreach (var p in targetTable.Provinces.Values.Where(p => p.PublishedRank is not null).OrderBy(p => p.Province.Key))
            {
                var values = features.Select(f => FeatureValue(byIndexYear[(f.Index, year)], p.Province.Key, f.Code)).ToList();
                if (values.All(v => v is not null))
                {
                    var previousRank = previousTable?.Province(p.Province.Key)?.PublishedRank;
                    rows.Add(new ModelRow(p.Province, year, values.Select(v => v!.Value).ToList(), p.PublishedRank!.Value,
                        previousRank, [year], previousRank));
                }
            }
        }

        var names = features.Select(f => f.Name).ToList();
        var namesVi = features.Select(f => f.NameVi).ToList();
        if (onTimeRates is not null && rows.Count > 0)
        {
            var covered = rows.Count(r => onTimeRates.ContainsKey((r.Province.Key, r.Year)));
            if (covered >= MinimumOnTimeCoverage * rows.Count)
            {
                rows = rows.Where(r => onTimeRates.ContainsKey((r.Province.Key, r.Year)))
                    .Select(r => r with { Features = [.. r.Features, onTimeRates[(r.Province.Key, r.Year)]] })
                    .ToList();
                names.Add("One-stop on-time rate");
                namesVi.Add("Tỷ lệ hồ sơ một cửa đúng hạn");
            }
            else
            {
                notes.Add(FormattableString.Invariant($"One-stop on-time rates cover {covered} of {rows.Count} province-years (less than {MinimumOnTimeCoverage * 100:0}%); not used as a feature."));
            }
        }

        var synthetic = years.Any(y => target[y].IsSynthetic || featureIndices.Any(i => byIndexYear[(i, y)].IsSynthetic));
        return new ModelDataset(key, title, $"{targetIndex} rank", names, rows, synthetic, notes, namesVi);
    }

    public static ModelDataset NextYearRankChange(IReadOnlyList<IndexYear> tables, string index)
    {
        var notes = new List<string>();
        var byYear = tables.Where(t => t.IndexCode == index).ToDictionary(t => t.Year);
        var years = byYear.Keys.Where(y => byYear.ContainsKey(y + 1) && (y + 1 < ReformYear || y >= ReformYear)).Order().ToList();
        if (byYear.ContainsKey(ReformYear - 1) && byYear.ContainsKey(ReformYear))
        {
            notes.Add($"{ReformYear - 1}→{ReformYear} spans the reform (63 → 34 provinces); that change is not used.");
        }

        var key = $"{index.ToLowerInvariant()}-next-year-rank-change";
        var title = $"Next year's {index} rank change from this year's {index} profile";
        var targetName = $"{index} rank change next year (negative = climbs)";
        if (years.Count == 0)
        {
            return new ModelDataset(key, title, targetName, [], [], false, [.. notes, $"No two consecutive {index} years are loaded."], null, ValidationScheme.ForwardChaining);
        }

        var features = CommonLevel1(years.Select(y => byYear[y]).ToList(), notes);
        var rows = new List<ModelRow>();
        foreach (var year in years)
        {
            var now = byYear[year];
            var next = byYear[year + 1];
            byYear.TryGetValue(year - 1, out var before);
            foreach (var p in now.Provinces.Values.Where(p => p.PublishedRank is not null).OrderBy(p => p.Province.Key))
            {
                var values = features.Select(f => FeatureValue(now, p.Province.Key, f.Code)).ToList();
                if (next.Province(p.Province.Key)?.PublishedRank is { } nextRank && values.All(v => v is not null))
                {
                    var previousChange = before?.Province(p.Province.Key)?.PublishedRank is { } beforeRank ? p.PublishedRank!.Value - beforeRank : (double?)null;
                    rows.Add(new ModelRow(p.Province, year, values.Select(v => v!.Value).ToList(), nextRank - p.PublishedRank!.Value,
                        previousChange, [year, year + 1], p.PublishedRank!.Value));
                }
            }
        }

        var synthetic = years.Any(y => byYear[y].IsSynthetic || byYear[y + 1].IsSynthetic);
        return new ModelDataset(key, title, targetName, features.Select(f => f.Name).ToList(), rows, synthetic, notes, features.Select(f => f.NameVi).ToList(),
            ValidationScheme.ForwardChaining);
    }

    /// <summary>Level-1 codes present in every table, named "code name" in English and Vietnamese; the others are noted.</summary>
    private static List<(string Index, string Code, string Name, string NameVi)> CommonLevel1(IReadOnlyList<IndexYear> tables, List<string> notes)
    {
        var all = tables.SelectMany(t => t.AtLevel(1)).Select(c => c.Code).Distinct().Order(CriterionCodeComparer.Instance).ToList();
        var common = all.Where(code => tables.All(t => t.Criteria.ContainsKey(code))).ToList();
        if (common.Count < all.Count)
        {
            notes.Add($"{tables[0].IndexCode}: {string.Join(", ", all.Except(common))} not present in every year used; left out.");
        }

        var latest = tables[^1];
        var index = latest.IndexCode;
        string Label(string code) => code.StartsWith(index, StringComparison.Ordinal) ? code : $"{index} {code}";
        return common.Select(code =>
            (index, code, $"{Label(code)} {latest.Criteria[code].NameEn}".Trim(), $"{Label(code)} {latest.Criteria[code].Name}".Trim()))
            .ToList();
    }

    private static double? FeatureValue(IndexYear table, int provinceKey, string code) =>
        table.Province(provinceKey)?.Score(code) is not { } score ? null
        : table.Criteria[code].MaxPoints is { } max && max > 0 ? (double)(score / max)
        : (double)score;
}
