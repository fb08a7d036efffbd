using Cchc.Warehouse.Reference;

namespace Cchc.Etl.OneStop;

/// <summary>One dossier as a log row states it, validated; or the reason it cannot be used (<see cref="Problem"/>).</summary>
internal struct DossierRow
{
    public int Line;
    public string? Problem;
    public string? ProblemColumn;
    public string? RawValues;
    public string DossierCode;
    public string? ProcedureCode;
    public string? ProcedureName;
    public string? Field;
    public string? AgencyCode;
    public string? AgencyName;
    public Province Province;
    public DossierLevel Level;
    public DossierChannel Channel;
    public string? ServiceLevel;
    public DossierStatus Status;
    public DateOnly Received;
    public DateOnly Due;
    public DateOnly? Resolved;
    public DateOnly? Returned;

    // Set on the parsing thread once the row is valid (DossierStage.Prepare), so the writing thread only writes.
    public long Key;
    public int ProcedureKey;
    public int AgencyKey;
    public bool SeenInFile;

    public readonly DateOnly LastActivity =>
        DateOnly.FromDayNumber(Math.Max(Received.DayNumber, Math.Max(Resolved?.DayNumber ?? 0, Returned?.DayNumber ?? 0)));
}
