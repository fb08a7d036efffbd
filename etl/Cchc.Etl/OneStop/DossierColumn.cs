namespace Cchc.Etl.OneStop;

/// <summary>The columns of a dossier log, whatever the export calls them (see <see cref="DossierHeader"/>).</summary>
internal enum DossierColumn
{
    DossierCode,
    ProcedureCode,
    ProcedureName,
    Field,
    AgencyCode,
    AgencyName,
    Level,
    Channel,
    ServiceLevel,
    Received,
    Due,
    Resolved,
    Returned,
    Status,
    Province,
}
