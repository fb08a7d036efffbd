namespace Cchc.Reports.Drivers;

/// <summary>Why a driver result is absent. The report words each reason from its localisation table.</summary>
public enum DriverGap
{
    /// <summary>The index has no earlier year to compare with.</summary>
    NoPreviousYear,

    /// <summary>The province was formed by the 2025 merger and has no previous-year score of its own.</summary>
    ProvinceMerged,

    /// <summary>The province has no score in the previous year.</summary>
    ProvinceMissingPreviousYear,

    /// <summary>The fields' scores are missing for the province.</summary>
    NoFieldScores,

    /// <summary>No criterion lost any points.</summary>
    NothingLost,

    /// <summary>Too little data for the computation (e.g. too few years to hold out); <see cref="DriverOutcome{T}.Detail"/> says what.</summary>
    InsufficientData,
}

/// <summary>A computed analytics result for a report section, or the reason it was not computed.</summary>
public sealed class DriverOutcome<T>
    where T : class
{
    /// <summary>A computed result.</summary>
    public DriverOutcome(T value)
    {
        Value = value;
    }

    /// <summary>No result, and why.</summary>
    public DriverOutcome(DriverGap gap, string? detail = null)
    {
        Gap = gap;
        Detail = detail;
    }

    public T? Value { get; }

    public DriverGap? Gap { get; }

    /// <summary>Language-neutral detail for the reason (codes, years, version names), or null.</summary>
    public string? Detail { get; }

    public bool IsAvailable => Value is not null;
}
