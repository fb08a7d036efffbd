using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

/// <summary>Builds in-memory index-years for tests. Parents are sums of their children unless scores are given;
/// ranks are competition ranks of the totals (as rpt.index_score computes them) unless published ranks are given.</summary>
internal sealed class TableBuilder(string indexCode, int year, string version = "V1")
{
    private readonly List<CriterionInfo> _criteria = [new(IndexCodes.Total, null, 0, "Tổng", "Total", version, null, null)];
    private readonly List<(ProvinceRef Province, Dictionary<string, decimal> Scores, int? Rank)> _provinces = [];

    public TableBuilder Criterion(string code, string? parent, decimal? max = null, decimal? weight = null, string? pointsSource = null)
    {
        var level = parent is null ? 1 : _criteria.Single(c => c.Code == parent).Level + 1;
        _criteria.Add(new CriterionInfo(code, parent ?? IndexCodes.Total, level, $"Tiêu chí {code}", $"Criterion {code}", version, max, weight, pointsSource));
        return this;
    }

    /// <summary>Level-1 fields "1".."n", each with criteria "f.1".."f.m".</summary>
    public TableBuilder Fields(int fields, int criteriaPerField, decimal criterionMax = 10m)
    {
        for (var f = 1; f <= fields; f++)
        {
            Criterion($"{f}", null, criterionMax * criteriaPerField);
            for (var c = 1; c <= criteriaPerField; c++)
            {
                Criterion($"{f}.{c}", $"{f}", criterionMax);
            }
        }

        return this;
    }

    /// <summary>A province given its leaf scores; parents are summed unless <paramref name="explicitScores"/> sets them.</summary>
    public TableBuilder Province(int key, IReadOnlyDictionary<string, decimal> leaves, int? publishedRank = null, IReadOnlyDictionary<string, decimal>? explicitScores = null)
    {
        var scores = new Dictionary<string, decimal>(leaves, StringComparer.Ordinal);
        foreach (var parent in _criteria.OrderByDescending(c => c.Level).Select(c => c.Code))
        {
            var children = _criteria.Where(c => c.ParentCode == parent).Select(c => c.Code).ToList();
            if (children.Count > 0 && !scores.ContainsKey(parent) && children.All(scores.ContainsKey))
            {
                scores[parent] = children.Sum(c => scores[c] * (_criteria.Single(x => x.Code == c).Weight ?? 1m));
            }
        }

        foreach (var (code, value) in explicitScores ?? new Dictionary<string, decimal>())
        {
            scores[code] = value;
        }

        _provinces.Add((new ProvinceRef(key, key.ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"Province {key}"), scores, publishedRank));
        return this;
    }

    /// <summary>A province known only by its total (a peer).</summary>
    public TableBuilder Total(int key, decimal total, int? publishedRank = null) =>
        Province(key, new Dictionary<string, decimal> { [IndexCodes.Total] = total }, publishedRank);

    public IndexYear Build()
    {
        var totals = _provinces.Where(p => p.Scores.ContainsKey(IndexCodes.Total)).Select(p => p.Scores[IndexCodes.Total]).ToList();
        return new IndexYear(indexCode, year, _criteria, _provinces.Select(p => new ProvinceScores(
            p.Province,
            p.Rank ?? (p.Scores.TryGetValue(IndexCodes.Total, out var t) ? 1 + totals.Count(o => o > t) : null),
            p.Scores,
            IsSynthetic: false)));
    }
}
