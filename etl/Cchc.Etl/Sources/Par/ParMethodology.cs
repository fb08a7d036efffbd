namespace Cchc.Etl.Sources.Par;

/// <summary>One version of the PAR methodology (e.g. 'PAR-2948', results 2017–2019) as a tree of criteria.</summary>
internal sealed class ParMethodology
{
    private readonly Dictionary<string, ParCriterion> _byCode;
    private readonly Dictionary<string, List<ParCriterion>> _children;

    internal ParMethodology(string version, IReadOnlyList<ParCriterion> criteria)
    {
        Version = version;
        Criteria = criteria;
        _byCode = criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _children = criteria.Where(c => c.ParentCode is not null)
            .GroupBy(c => c.ParentCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Total = _byCode.TryGetValue(ParCodes.Total, out var total)
            ? total
            : throw new InvalidOperationException($"PAR methodology {version} has no TOTAL row.");
        FromYear = Total.ValidFromYear;
        ToYear = Total.ValidToYear;
    }

    public string Version { get; }

    public int FromYear { get; }

    /// <summary>Null while the version is still in force.</summary>
    public int? ToYear { get; }

    /// <summary>Every row, in catalogue order (parents before their children).</summary>
    public IReadOnlyList<ParCriterion> Criteria { get; }

    public ParCriterion Total { get; }

    public IReadOnlyList<ParCriterion> Fields => ChildrenOf(ParCodes.Total);

    public bool Covers(int year) => year >= FromYear && (ToYear is null || year <= ToYear);

    public ParCriterion? Find(string code) => _byCode.GetValueOrDefault(code);

    public ParCriterion Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"Criterion '{code}' is not in PAR methodology {Version}.");

    public IReadOnlyList<ParCriterion> ChildrenOf(string code) =>
        _children.TryGetValue(code, out var list) ? list : [];

    public bool IsLeaf(string code) => ChildrenOf(code).Count == 0;

    /// <summary>Max points of the part of a node that comes from <paramref name="source"/> (appraisal or survey).</summary>
    public decimal MaxPointsFrom(string code, string source)
    {
        var node = Get(code);
        if (node.PointsSource == source)
        {
            return node.MaxPoints;
        }

        return ChildrenOf(code).Sum(c => MaxPointsFrom(c.Code, source));
    }
}
