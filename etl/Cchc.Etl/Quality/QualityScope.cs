namespace Cchc.Etl.Quality;

/// <summary>What a warehouse evaluation covers: an index (all when null), some years (all loaded when null), and
/// optionally one province (findings are kept for it only; rules still see the whole year).</summary>
public sealed record QualityScope(string? IndexCode = null, IReadOnlyCollection<int>? Years = null, int? ProvinceKey = null)
{
    public static QualityScope Everything { get; } = new();
}
