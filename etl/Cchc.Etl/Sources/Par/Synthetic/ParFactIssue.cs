namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>Something the generator found in the real facts and did not silently smooth over.</summary>
/// <param name="Kind">One of <see cref="ParFactIssueKinds"/>.</param>
internal sealed record ParFactIssue(string Kind, int Year, string Message)
{
    public override string ToString() => $"PAR {Year} [{Kind}] {Message}";
}

internal static class ParFactIssueKinds
{
    /// <summary>Two facts cannot both be true; the stronger source was used and the weaker left out.</summary>
    public const string Conflict = "conflict";

    /// <summary>A source contradicts itself (e.g. a points-lost cell that is not max minus score); its scores are used.</summary>
    public const string SourceInconsistency = "source-inconsistency";

    /// <summary>Real parts that were rounded before publication do not add up exactly to their real total.</summary>
    public const string Rounding = "rounding";
}
