namespace Cchc.Reports.Analytics.Attribution;

/// <summary>One bar of the waterfall: the running total before and after this component's change.</summary>
/// <param name="MethodologyPoints">The part of <paramref name="Delta"/> a changed maximum explains, (max₁ − max₀) × score₀ / max₀
/// (0 when both years use the same methodology).</param>
/// <param name="PerformancePoints">The rest, max₁ × (score₁/max₁ − score₀/max₀); the two add up to <paramref name="Delta"/> exactly.</param>
public sealed record WaterfallStep(
    string Code,
    string Name,
    string NameEn,
    ComponentKind Kind,
    decimal Start,
    decimal Delta,
    decimal End,
    decimal MethodologyPoints,
    decimal PerformancePoints,
    IReadOnlyList<WaterfallStep> Criteria);

/// <summary>
/// Last year's total → one step per field (with its criteria as sub-steps) and the explicit residual → this year's
/// total. Decimal arithmetic: the last step ends exactly on this year's total. When the methodology changed between the
/// years (<see cref="MethodologyChanged"/>), every step says how much of its change the changed maximum explains.
/// </summary>
public sealed record ScoreWaterfall(
    string IndexCode, int PreviousYear, int Year, decimal PreviousTotal, decimal Total, bool MethodologyChanged, IReadOnlyList<WaterfallStep> Steps)
{
    /// <summary>Σ of the steps' methodology points: what the changed maxima alone did to the total.</summary>
    public decimal MethodologyPoints => Steps.Sum(s => s.MethodologyPoints);

    /// <summary>The waterfall of a compared attribution; null when there is no previous year to start from.</summary>
    public static ScoreWaterfall? From(RankAttribution attribution)
    {
        if (attribution.Status != ComparisonStatus.Compared || attribution.PreviousScore is not { } start || attribution.Score is not { } end)
        {
            return null;
        }

        var running = start;
        var steps = new List<WaterfallStep>();
        foreach (var c in attribution.Components)
        {
            steps.Add(Step(c, running));
            running += c.ScoreChange;
        }

        if (running != end)
        {
            throw new InvalidOperationException($"Waterfall ends at {running}, not at the total {end}.");
        }

        return new ScoreWaterfall(attribution.IndexCode, attribution.PreviousYear, attribution.Year, start, end, attribution.Methodology is not null, steps);
    }

    private static WaterfallStep Step(ComponentAttribution c, decimal start)
    {
        var running = start;
        var criteria = new List<WaterfallStep>();
        foreach (var child in c.Criteria)
        {
            criteria.Add(Step(child, running));
            running += child.ScoreChange;
        }

        return new WaterfallStep(c.Code, c.Name, c.NameEn, c.Kind, start, c.ScoreChange, start + c.ScoreChange, c.MethodologyPoints, c.PerformancePoints, criteria);
    }
}
