using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Plans;

/// <summary>One row of a plan table, as written (numbers read, text NFC).</summary>
internal sealed record PlanRow(
    string CriterionCode,
    string? CriterionName,
    double? MaxPoints,
    double? AppraisedPoints,
    double? PointsLostStated,
    string? Remedy,
    string? LeadAgencies,
    string? CoordinatingAgencies,
    string? Deadline,
    string? Note,
    SourceLocation Source);

/// <summary>What the plan parser got out of a file: whose plan it is, its rows, and rows it could not use.</summary>
internal sealed record ParsedPlan(
    Province Province,
    int PlanYear,
    int ResultYear,
    string? PlanNumber,
    DateOnly? PlanDate,
    bool IsSynthetic,
    IReadOnlyList<PlanRow> Rows,
    IReadOnlyList<QuarantineRecord> Rejected)
{
    /// <summary>Rows of the plan tables read below their headers (blank rows at the end of a table excluded).</summary>
    public int RowsRead { get; init; }

    /// <summary>Rows read and deliberately not loaded: blank rows, repeated headers, column numbering, section rows
    /// (I, II …) and rows that continue the row above (Word wraps long cells), which are merged into it.</summary>
    public int RowsSkipped { get; init; }

    /// <summary>The province and how it was decided (the document's title, --province, the deployment default).</summary>
    public string? ProvinceDecision { get; init; }
}

/// <summary>What the command line can say about a plan when its document does not: <c>--province</c>, <c>--year</c>
/// (the plan year) and <c>--result-year</c> (the PAR year it addresses; default the year before the plan year).</summary>
internal sealed record PlanLoadOptions(string? Province = null, int? PlanYear = null, int? ResultYear = null)
{
    public static PlanLoadOptions None { get; } = new();

    /// <summary>The deployment's province (<c>CCHC_PROVINCE</c>), used only when the document and <see cref="Province"/>
    /// name none; never contradicts the document.</summary>
    public string? DefaultProvince { get; init; }
}
