using System.Globalization;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality.Rules;

/// <summary>Shared plumbing of the one-stop results report rules: a finding about a row of a report.</summary>
internal abstract class OneStopReportRule : QualityRule
{
    protected DqFinding Finding(OneStopReportData report, Cchc.Warehouse.SourceLocation source, string message, string offendingValues) =>
        new(Name, Severity, DqSubjects.OneStopReport, message)
        {
            Year = report.Year,
            ProvinceKey = report.ProvinceKey,
            OffendingValues = offendingValues,
            Source = source,
            FileId = report.FileId,
        };

    protected static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"carried over 10 + online 50 + in person/postal 55 = 115".</summary>
    protected static string Sum(IReadOnlyList<(string Label, int Value)> parts) =>
        string.Join(" + ", parts.Select(p => $"{p.Label} {Count(p.Value)}")) + $" = {Count(parts.Sum(p => p.Value))}";
}
