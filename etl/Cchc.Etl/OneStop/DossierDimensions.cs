using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.OneStop;

/// <summary>
/// Procedure and agency keys for one file's load, read once from the warehouse and kept in memory. Codes the
/// catalogue has not named yet become inferred members (is_inferred = true) with the name the log gives; the
/// catalogue loader later fixes them up in place, so fact rows never need re-keying. Keys are looked up on the parsing
/// thread; the writing thread writes the inferred members at each chunk's close (<see cref="Flush"/>), so the list of
/// members not yet written is the only state the two share.
/// </summary>
internal sealed class DossierDimensions
{
    public const int NoProcedure = 0;

    private readonly ILoadSession _session;
    private readonly Dictionary<string, int> _procedures = new(StringComparer.Ordinal);
    private readonly Dictionary<int, AgencyIndex> _agencies = [];
    private readonly Lock _pendingLock = new();
    private List<object> _pending = [];
    private int _nextProcedure;
    private int _nextAgency;

    public DossierDimensions(ILoadSession session)
    {
        _session = session;
        foreach (var (key, code) in session.Query<(int, string)>("SELECT procedure_key, procedure_code FROM dw.dim_procedure WHERE procedure_key <> 0"))
        {
            _procedures[code] = key;
        }

        foreach (var a in session.Query<(int Key, int Province, string? Code, string Folded)>(
                     "SELECT agency_key, province_key, agency_code, name_folded FROM dw.dim_onestop_agency"))
        {
            var index = IndexFor(a.Province);
            if (a.Code is not null)
            {
                index.ByCode.TryAdd(a.Code, a.Key);
            }

            index.ByFoldedName.TryAdd(a.Folded, a.Key);
        }

        _nextProcedure = session.Query<int>("SELECT COALESCE(MAX(procedure_key), 0) + 1 FROM dw.dim_procedure").Single();
        _nextAgency = session.Query<int>("SELECT COALESCE(MAX(agency_key), 0) + 1 FROM dw.dim_onestop_agency").Single();
    }

    public int InferredProcedures { get; private set; }

    public int InferredAgencies { get; private set; }

    public int ProcedureKey(in DossierRow row, long fileId)
    {
        if (row.ProcedureCode is null)
        {
            return NoProcedure;
        }

        if (_procedures.TryGetValue(row.ProcedureCode, out var key))
        {
            return key;
        }

        key = _nextProcedure++;
        _procedures[row.ProcedureCode] = key;
        InferredProcedures++;
        lock (_pendingLock)
        {
            _pending.Add(new InferredProcedure(key, row.ProcedureCode, row.ProcedureName ?? row.ProcedureCode, row.Field, fileId));
        }

        return key;
    }

    public int AgencyKey(in DossierRow row, long fileId)
    {
        var index = IndexFor(row.Province.Key);
        if (row.AgencyCode is not null && index.ByCode.TryGetValue(row.AgencyCode, out var byCode))
        {
            return byCode;
        }

        // Names are folded once per distinct raw name; the raw-name cache makes the usual case one look-up.
        if (row.AgencyName is not null && row.AgencyCode is null)
        {
            if (index.ByRawName.TryGetValue(row.AgencyName, out var byRaw))
            {
                return byRaw;
            }

            if (index.ByFoldedName.TryGetValue(CellValues.Fold(row.AgencyName), out var byName))
            {
                index.ByRawName[row.AgencyName] = byName;
                return byName;
            }
        }

        var key = _nextAgency++;
        var name = row.AgencyName ?? row.AgencyCode!;
        var folded = CellValues.Fold(name);
        if (row.AgencyCode is not null)
        {
            index.ByCode[row.AgencyCode] = key;
        }
        else
        {
            index.ByRawName[row.AgencyName!] = key;
        }

        index.ByFoldedName.TryAdd(folded, key);
        InferredAgencies++;
        lock (_pendingLock)
        {
            _pending.Add(new InferredAgency(key, row.Province.Key, row.AgencyCode, name, folded, fileId));
        }

        return key;
    }

    /// <summary>Writes the inferred members met since the last call (before the facts that use them are merged).</summary>
    public void Flush()
    {
        List<object> members;
        lock (_pendingLock)
        {
            (members, _pending) = (_pending, []);
        }

        foreach (var member in members)
        {
            switch (member)
            {
                case InferredProcedure p:
                    _session.Execute(
                        """
                        INSERT INTO dw.dim_procedure (procedure_key, procedure_code, procedure_name, field_name, statutory_days, is_inferred, first_seen_file_id, updated_file_id)
                        VALUES (@Key, @Code, @Name, @Field, NULL, @IsInferred, @FileId, @FileId)
                        """, p);
                    break;
                case InferredAgency a:
                    _session.Execute(
                        """
                        INSERT INTO dw.dim_onestop_agency (agency_key, province_key, agency_code, agency_name, name_folded, level_code, is_inferred, first_seen_file_id, updated_file_id)
                        VALUES (@Key, @ProvinceKey, @Code, @Name, @Folded, NULL, @IsInferred, @FileId, @FileId)
                        """, a);
                    break;
            }
        }
    }

    private AgencyIndex IndexFor(int provinceKey)
    {
        if (!_agencies.TryGetValue(provinceKey, out var index))
        {
            _agencies[provinceKey] = index = new AgencyIndex();
        }

        return index;
    }

    private sealed class AgencyIndex
    {
        public Dictionary<string, int> ByCode { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ByFoldedName { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, int> ByRawName { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Booleans travel as parameters: T-SQL has no TRUE/FALSE literals.</summary>
    private sealed record InferredProcedure(int Key, string Code, string Name, string? Field, long FileId, bool IsInferred = true);

    private sealed record InferredAgency(int Key, int ProvinceKey, string? Code, string Name, string Folded, long FileId, bool IsInferred = true);
}
