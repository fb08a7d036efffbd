namespace Cchc.Reports.ReportData;

/// <summary>Why an optional section has no data.</summary>
public enum ViewGap
{
    /// <summary>The view does not exist in this warehouse (its module is not installed or not yet loaded).</summary>
    ViewAbsent,

    /// <summary>The view has no rows for this province and year.</summary>
    NoRows,
}

/// <summary>Rows read from an optional view, or why there are none.</summary>
internal sealed record ViewResult<T>(T? Value, ViewGap? Gap, string View, string? Detail = null)
    where T : class
{
    /// <summary>Rows were found.</summary>
    public ViewResult(T value, string view)
        : this(value, null, view)
    {
    }

    /// <summary>None were, and why.</summary>
    public ViewResult(ViewGap gap, string view, string? detail = null)
        : this(null, gap, view, detail)
    {
    }
}
