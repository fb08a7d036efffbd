namespace Cchc.Reports.Drivers;

/// <summary>
/// The providers a report asks, in order; the first that computes a result wins. The rank-drivers analytics (exact
/// Shapley attribution, ML.NET models) come first; <see cref="ExactDriversProvider"/> answers what they cannot (a
/// comparison across a gap in the years).
/// </summary>
public static class DriversProviders
{
    /// <summary>Fresh providers for one report run (they cache what they read from its warehouse).</summary>
    public static IReadOnlyList<IDriversProvider> CreateAll() =>
    [
        new AnalyticsDriversProvider(),
        new ExactDriversProvider(),
    ];

    /// <summary>All registered providers as one, for one report run.</summary>
    public static IDriversProvider CreateDefault() => new DriversChain(CreateAll());
}

/// <summary>Asks providers in order: the first computed result wins; otherwise the most specific reason is kept.</summary>
public sealed class DriversChain(IReadOnlyList<IDriversProvider> providers) : IDriversProvider
{
    public string Name => string.Join(" + ", providers.Select(p => p.Name));

    public DriverOutcome<ScoreWaterfall> Waterfall(DriversQuery query) => First(p => p.Waterfall(query));

    public DriverOutcome<RankAttribution> Attribution(DriversQuery query) => First(p => p.Attribution(query));

    public DriverOutcome<ModelSummary> Model(DriversQuery query) => First(p => p.Model(query));

    public DriverOutcome<PriorityPlan> Priorities(DriversQuery query) => First(p => p.Priorities(query));

    private DriverOutcome<T> First<T>(Func<IDriversProvider, DriverOutcome<T>> ask)
        where T : class
    {
        DriverOutcome<T>? reason = null;
        foreach (var provider in providers)
        {
            var outcome = ask(provider);
            if (outcome.IsAvailable)
            {
                return outcome;
            }

            if (reason is null || (reason.Gap == DriverGap.NotProvided && outcome.Gap != DriverGap.NotProvided))
            {
                reason = outcome;
            }
        }

        return reason ?? DriverOutcome.Missing<T>(DriverGap.NotProvided);
    }
}
