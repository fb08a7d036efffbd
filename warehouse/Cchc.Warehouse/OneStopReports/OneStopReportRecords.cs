namespace Cchc.Warehouse.OneStopReports;

/// <summary>
/// The counts of one row of a one-stop results report (forms 06a/06b/06c). A part the form does not split out is null
/// (e.g. the 2017 forms count early results in "trả đúng thời hạn" and have no online/in-person split).
/// </summary>
public sealed record ReportCounts(
    int? ReceivedTotal,
    int? CarriedOver,
    int? ReceivedNew,
    int? ReceivedOnline,
    int? ReceivedInPersonPostal,
    int? ResolvedTotal,
    int? ResolvedEarly,
    int? ResolvedOnTime,
    int? ResolvedLate,
    int? PendingTotal,
    int? PendingNotDue,
    int? PendingOverdue)
{
    /// <summary>Every count in table order with the English label the data-quality findings use.</summary>
    public IEnumerable<(string Label, int? Value)> Labelled()
    {
        yield return (CountLabels.ReceivedTotal, ReceivedTotal);
        yield return (CountLabels.CarriedOver, CarriedOver);
        yield return (CountLabels.ReceivedNew, ReceivedNew);
        yield return (CountLabels.Online, ReceivedOnline);
        yield return (CountLabels.InPersonPostal, ReceivedInPersonPostal);
        yield return (CountLabels.ResolvedTotal, ResolvedTotal);
        yield return (CountLabels.Early, ResolvedEarly);
        yield return (CountLabels.OnTime, ResolvedOnTime);
        yield return (CountLabels.Late, ResolvedLate);
        yield return (CountLabels.PendingTotal, PendingTotal);
        yield return (CountLabels.NotDue, PendingNotDue);
        yield return (CountLabels.Overdue, PendingOverdue);
    }

    /// <summary>The counts in <c>dw.fact_onestop_report</c> column order (received_total … pending_overdue).</summary>
    public object?[] ColumnValues() =>
    [
        ReceivedTotal, CarriedOver, ReceivedNew, ReceivedOnline, ReceivedInPersonPostal, ResolvedTotal, ResolvedEarly,
        ResolvedOnTime, ResolvedLate, PendingTotal, PendingNotDue, PendingOverdue,
    ];

    /// <summary>The columns of <see cref="ColumnValues"/>, as the warehouse names them.</summary>
    public static readonly string[] Columns =
    [
        "received_total", "carried_over", "received_new", "received_online", "received_in_person_postal", "resolved_total",
        "resolved_early", "resolved_on_time", "resolved_late", "pending_total", "pending_not_due", "pending_overdue",
    ];
}

/// <summary>The English names of the counts in data-quality findings (reports translate them).</summary>
public static class CountLabels
{
    public const string ReceivedTotal = "received total";
    public const string CarriedOver = "carried over";
    public const string ReceivedNew = "newly received";
    public const string Online = "online";
    public const string InPersonPostal = "in person/postal";
    public const string ResolvedTotal = "resolved total";
    public const string Early = "early";
    public const string OnTime = "on time";
    public const string Late = "late";
    public const string PendingTotal = "pending total";
    public const string NotDue = "not yet due";
    public const string Overdue = "overdue";
}

/// <summary>What a report covers, and so what a corrected report of the same scope replaces.</summary>
/// <param name="ProvinceKey">The province entity valid on <paramref name="PeriodEnd"/>.</param>
/// <param name="LevelCodes">'province', 'district', 'commune': the levels the report has rows or groups for.</param>
public sealed record OneStopReportScope(int ProvinceKey, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyCollection<string> LevelCodes);

/// <summary>The reporting period as the report states it.</summary>
/// <param name="Kind">month, quarter, half_year, nine_months, year or custom.</param>
/// <param name="Label">The period as the report names it, e.g. "Quý II năm 2019", or the dates when it names none.</param>
public sealed record ReportPeriod(DateOnly Start, DateOnly End, string Kind, string Label)
{
    /// <summary>The year a report counts for: its end's (a first-quarter report that starts on 15 December counts for the new year).</summary>
    public int Year => End.Year;
}

/// <summary>One lowest-grain row of a report (a field, or an agency, of one level): a fact.</summary>
public sealed record OneStopReportRow(string LevelCode, string? FieldName, string? AgencyName, ReportCounts Counts, string? Note, SourceLocation Source);

/// <summary>A group or total row of a report as written: "Tổng cộng" (grand_total), "I. Cấp tỉnh" (level), an agency
/// above its fields (agency). Kept to check it against the sum of its rows, never loaded as a fact.</summary>
public sealed record OneStopReportSubtotal(string Kind, string? LevelCode, string? AgencyName, string Label, ReportCounts Counts, SourceLocation Source)
{
    public const string GrandTotal = "grand_total";
    public const string Level = "level";
    public const string Agency = "agency";
}

/// <summary>One report (one sheet of a file) ready to be written.</summary>
public sealed record OneStopReport(
    OneStopReportScope Scope,
    ReportPeriod Period,
    string? FormCode,
    bool IsSynthetic,
    IReadOnlyList<OneStopReportRow> Rows,
    IReadOnlyList<OneStopReportSubtotal> Subtotals);
