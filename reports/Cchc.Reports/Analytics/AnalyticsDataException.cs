namespace Cchc.Reports.Analytics;

/// <summary>The warehouse lacks what an analysis needs (no data for the year, no such province); the message says what.</summary>
public sealed class AnalyticsDataException(string message) : Exception(message);
