namespace Cchc.Etl.OneStop;

/// <summary>What a one-stop catalogue sheet lists, found from its header row.</summary>
internal enum CatalogKind
{
    Procedures,
    Agencies,
}

/// <summary>
/// The header of a catalogue sheet: procedures (Mã TTHC, Tên TTHC, Lĩnh vực, Thời hạn giải quyết) or agencies
/// (Mã cơ quan, Tên cơ quan, Cấp, Tỉnh, Hiệu lực từ; a province's own catalogue may leave out Tỉnh, then its title,
/// --province or the deployment default says whose it is). A sheet with a dossier-number column is a log, not a catalogue.
/// </summary>
internal sealed class CatalogHeader
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["ma tthc"] = "procedure_code", ["ma thu tuc"] = "procedure_code", ["ma thu tuc hanh chinh"] = "procedure_code", ["procedure code"] = "procedure_code",
        ["ten tthc"] = "procedure_name", ["ten thu tuc"] = "procedure_name", ["ten thu tuc hanh chinh"] = "procedure_name", ["procedure name"] = "procedure_name",
        ["linh vuc"] = "field", ["ten linh vuc"] = "field", ["field"] = "field",
        ["thoi han giai quyet"] = "days", ["thoi han"] = "days", ["so ngay giai quyet"] = "days", ["statutory days"] = "days",
        ["ma co quan"] = "agency_code", ["ma don vi"] = "agency_code", ["agency code"] = "agency_code",
        ["ten co quan"] = "agency_name", ["co quan"] = "agency_name", ["ten don vi"] = "agency_name", ["don vi"] = "agency_name", ["agency name"] = "agency_name", ["agency"] = "agency_name",
        ["cap"] = "level", ["cap hanh chinh"] = "level", ["level"] = "level",
        ["tinh"] = "province", ["ma tinh"] = "province", ["tinh thanh pho"] = "province", ["province"] = "province", ["province code"] = "province",
        ["hieu luc tu"] = "valid_from", ["ap dung tu"] = "valid_from", ["tu ngay"] = "valid_from", ["valid from"] = "valid_from",
    };

    private readonly Dictionary<string, int> _columns;

    private CatalogHeader(CatalogKind kind, Dictionary<string, int> columns)
    {
        Kind = kind;
        _columns = columns;
    }

    public CatalogKind Kind { get; }

    public int this[string column] => _columns.GetValueOrDefault(column, -1);

    public static CatalogHeader? TryMatch(IReadOnlyList<string?> cells)
    {
        if (DossierHeader.TryMatch(cells.Select(c => c ?? string.Empty).ToList()) is not null)
        {
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is { } cell && Names.TryGetValue(DossierHeader.Key(cell), out var name))
            {
                columns.TryAdd(name, i);
            }
        }

        return columns.ContainsKey("procedure_code") && columns.ContainsKey("procedure_name") ? new CatalogHeader(CatalogKind.Procedures, columns)
            : columns.ContainsKey("agency_code") && columns.ContainsKey("agency_name")
              && (columns.ContainsKey("province") || columns.ContainsKey("level") || columns.ContainsKey("valid_from")) ? new CatalogHeader(CatalogKind.Agencies, columns)
            : null;
    }
}
