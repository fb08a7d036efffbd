namespace Cchc.Reports.Analytics.Attribution;

/// <summary>
/// One correspondence between a criterion of one methodology version and one of another (renamed, renumbered, split
/// or merged criteria appear as several rows). A null code means the criterion has no counterpart (added or removed).
/// </summary>
/// <param name="IsIllustrative">The row was written to show the shape of a mapping, not read from the decisions: the
/// attribution never compares criteria through it.</param>
public sealed record CriterionCorrespondence(string FromVersion, string? FromCode, string ToVersion, string? ToCode, bool IsIllustrative = false);

/// <summary>Which criteria of two methodology versions measure the same thing (read from <c>rpt.par_criterion_mapping</c>).</summary>
public interface ICriterionMapping
{
    /// <summary>Correspondences between the two versions, oriented from <paramref name="fromVersion"/> to
    /// <paramref name="toVersion"/> whichever way they were recorded. Empty when none are known.</summary>
    IReadOnlyList<CriterionCorrespondence> Between(string fromVersion, string toVersion);
}

/// <summary>An in-memory mapping; <see cref="Empty"/> when no mapping is loaded.</summary>
internal sealed class CriterionMapping(IEnumerable<CriterionCorrespondence> correspondences) : ICriterionMapping
{
    private readonly IReadOnlyList<CriterionCorrespondence> _all = correspondences.ToList();

    public static CriterionMapping Empty { get; } = new([]);

    public int Count => _all.Count;

    public IReadOnlyList<CriterionCorrespondence> Between(string fromVersion, string toVersion) =>
        _all.Where(c => c.FromVersion == fromVersion && c.ToVersion == toVersion)
            .Concat(_all.Where(c => c.FromVersion == toVersion && c.ToVersion == fromVersion)
                .Select(c => new CriterionCorrespondence(fromVersion, c.ToCode, toVersion, c.FromCode, c.IsIllustrative)))
            .Distinct()
            .ToList();
}
