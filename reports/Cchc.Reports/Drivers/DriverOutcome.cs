namespace Cchc.Reports.Drivers;

/// <summary>Why a driver result is absent. The report words each reason from its localisation table.</summary>
public enum DriverGap
{
    /// <summary>This provider does not compute this result (another provider may).</summary>
    NotProvided,

    /// <summary>The index has no earlier year to compare with.</summary>
    NoPreviousYear,

    /// <summary>The province was formed by the 2025 merger and has no previous-year score of its own.</summary>
    ProvinceMerged,

    /// <summary>The province has no score in the previous year.</summary>
    ProvinceMissingPreviousYear,

    /// <summary>The methodology version changed between the two years; <see cref="DriverOutcome{T}.Detail"/> names the versions.</summary>
    MethodologyChanged,

    /// <summary>The total is not the (weighted) sum of the fields, so points recovered cannot be turned into a total.</summary>
    NotAdditive,

    /// <summary>The fields' scores are missing for the province.</summary>
    NoFieldScores,

    /// <summary>No criterion lost any points.</summary>
    NothingLost,

    /// <summary>Too little data for the computation (e.g. too few years to hold out); <see cref="DriverOutcome{T}.Detail"/> says what.</summary>
    InsufficientData,
}

/// <summary>A computed result, or the reason it was not computed.</summary>
public sealed class DriverOutcome<T>
    where T : class
{
    internal DriverOutcome(T? value, DriverGap? gap, string? detail, string? provider)
    {
        Value = value;
        Gap = gap;
        Detail = detail;
        Provider = provider;
    }

    public T? Value { get; }

    public DriverGap? Gap { get; }

    /// <summary>Language-neutral detail for the reason (codes, years, version names), or null.</summary>
    public string? Detail { get; }

    /// <summary>The provider that computed <see cref="Value"/>.</summary>
    public string? Provider { get; }

    public bool IsAvailable => Value is not null;
}

/// <summary>Creates <see cref="DriverOutcome{T}"/> values.</summary>
public static class DriverOutcome
{
    public static DriverOutcome<T> Computed<T>(T value, string provider)
        where T : class => new(value, null, null, provider);

    public static DriverOutcome<T> Missing<T>(DriverGap gap, string? detail = null)
        where T : class => new(null, gap, detail, null);
}
