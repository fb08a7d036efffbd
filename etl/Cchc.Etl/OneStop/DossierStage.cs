using Cchc.Warehouse;
using Cchc.Warehouse.Engines;

namespace Cchc.Etl.OneStop;

/// <summary>
/// Streams validated rows into etl.stage_dossier through the bulk writer (DuckDB appender) and merges each chunk into
/// dw.fact_dossier with one set-based statement, all inside the file's transaction. Memory stays bounded by the chunk;
/// the merge's work is the chunk's (a hash join on the 64-bit dossier key), not a rewrite of the fact table.
/// A row that is surely new — its province had no dossiers in the fact before this file, and this file has not
/// delivered its key before (<see cref="DossierKeyFilter"/>) — is written straight into the fact, as the merge would
/// have inserted it: a first load of a province's log then costs an append, not a join against all it loaded so far.
/// </summary>
internal sealed class DossierStage : IDisposable
{
    private readonly ILoadSession _session;
    private readonly DossierDimensions _dimensions;
    private readonly QuarantineBuffer _quarantine;
    private readonly string _mergeSql;
    private readonly int _chunkRows;
    private readonly object _isSynthetic;
    private readonly HashSet<long> _keysInChunk = [];
    private readonly object?[] _values = new object?[DossierSql.StageColumns.Length];
    private readonly object?[] _factValues = new object?[DossierSql.FactColumns.Length];
    private readonly BoxCache _boxes = new();
    private readonly DossierKeyFilter _delivered = new();
    private readonly object _fileId;
    private readonly object _runId;
    private IBulkWriter? _writer;
    private IBulkWriter? _factWriter;
    private HashSet<string>? _provincesBefore;
    private long _chunkAppendedToFact;
    private long _factRows;

    public DossierStage(ILoadSession session, SqlDialect dialect, DossierDimensions dimensions, QuarantineBuffer quarantine, bool isSynthetic, int chunkRows)
    {
        _session = session;
        _dimensions = dimensions;
        _quarantine = quarantine;
        _mergeSql = DossierSql.Merge(dialect);
        _chunkRows = chunkRows;
        _isSynthetic = isSynthetic;
        _fileId = session.FileId;
        _runId = session.RunId;
        _factRows = session.Query<long>(DossierSql.CountFacts).Single();
    }

    public long RowsNew { get; private set; }

    public long RowsUpdated { get; private set; }

    public long RowsStaged { get; private set; }

    /// <summary>Times appending apart from closing chunks (merging) when set (<c>bench --profile</c>).</summary>
    public Loading.LoadProfile? Profile { get; init; }

    public void Add(in DossierRow row, int procedureKey, int agencyKey)
    {
        var key = DossierKey(row.Province.Code2025, row.DossierCode);

        // A dossier met twice in one chunk would be merged twice by one statement: close the chunk first, so the later line wins.
        if (!_keysInChunk.Add(key) || _keysInChunk.Count > _chunkRows || _quarantine.Count >= _chunkRows)
        {
            Flush();
            _keysInChunk.Add(key);
        }

        var started = Profile is null ? 0 : Loading.LoadProfile.Start();
        _provincesBefore ??= _session.Query<string>(DossierSql.ProvincesInFact).ToHashSet(StringComparer.Ordinal);
        var surelyNew = !_provincesBefore.Contains(row.Province.Code2025) && !_delivered.MightContain(key);
        _delivered.Add(key);
        if (surelyNew)
        {
            AppendToFact(row, key, procedureKey, agencyKey);
            Profile?.Add(Loading.LoadStep.Append, started);
            return;
        }

        if (_writer is null)
        {
            _session.Execute(DossierSql.ClearStage);
            _writer = _session.CreateBulkWriter("etl.stage_dossier", DossierSql.StageColumns);
        }

        var v = _values;
        FillDossier(v, row, key, procedureKey, agencyKey);
        v[15] = row.Line;
        _writer.WriteRow(v);
        RowsStaged++;
        Profile?.Add(Loading.LoadStep.Append, started);
    }

    /// <summary>The dossier's own columns, the first fifteen of both the stage and the fact (same names, same order).</summary>
    private void FillDossier(object?[] v, in DossierRow row, long key, int procedureKey, int agencyKey)
    {
        v[0] = key;
        v[1] = row.Province.Code2025;
        v[2] = row.DossierCode;
        v[3] = _boxes.Int(row.Province.Key);
        v[4] = _boxes.Int(procedureKey);
        v[5] = _boxes.Int(agencyKey);
        v[6] = _boxes.Int((int)row.Level);
        v[7] = _boxes.Int((int)row.Channel);
        v[8] = row.ServiceLevel;
        v[9] = StatusCode(row.Status);
        v[10] = _boxes.Date(row.Received);
        v[11] = _boxes.Date(row.Due);
        v[12] = row.Resolved is { } resolved ? _boxes.Date(resolved) : null;
        v[13] = row.Returned is { } returned ? _boxes.Date(returned) : null;
        v[14] = _isSynthetic;
    }

    /// <summary>A new dossier's fact row, with the values the merge's insert gives it (first and last file this one,
    /// no updates yet).</summary>
    private void AppendToFact(in DossierRow row, long key, int procedureKey, int agencyKey)
    {
        _factWriter ??= _session.CreateBulkWriter("dw.fact_dossier", DossierSql.FactColumns);
        var v = _factValues;
        FillDossier(v, row, key, procedureKey, agencyKey);
        v[15] = _fileId;
        v[16] = _fileId;
        v[17] = _runId;
        v[18] = row.Line;
        v[19] = _boxes.Int(0);
        _factWriter.WriteRow(v);
        _chunkAppendedToFact++;
        RowsStaged++;
    }

    /// <summary>Completes the chunk: inferred members and quarantined rows first, then the rows written straight into
    /// the fact, then the merge (which must see them: a later line of the same dossier is merged onto them).</summary>
    public void Flush()
    {
        var started = Profile is null ? 0 : Loading.LoadProfile.Start();
        try
        {
            CloseChunk();
        }
        finally
        {
            Profile?.Add(Loading.LoadStep.Merge, started);
        }
    }

    private void CloseChunk()
    {
        var staged = _writer is not null;
        if (_writer is not null)
        {
            _writer.Complete();
            _writer.Dispose();
            _writer = null;
        }

        _dimensions.Flush();
        _quarantine.Flush();
        _keysInChunk.Clear();
        if (_factWriter is not null)
        {
            _factWriter.Complete();
            _factWriter.Dispose();
            _factWriter = null;
            RowsNew += _chunkAppendedToFact;
            _factRows += _chunkAppendedToFact;
            _chunkAppendedToFact = 0;
        }

        if (!staged)
        {
            return;
        }

        var changed = _session.Execute(_mergeSql, new { fileId = _session.FileId, runId = _session.RunId });
        var after = _session.Query<long>(DossierSql.CountFacts).Single();
        RowsNew += after - _factRows;
        RowsUpdated += changed - (after - _factRows);
        _factRows = after;
    }

    public void Dispose()
    {
        _writer?.Dispose();
        _factWriter?.Dispose();
    }

    public static string StatusCode(DossierStatus status) => status switch
    {
        DossierStatus.Resolved => "resolved",
        DossierStatus.Returned => "returned",
        DossierStatus.Withdrawn => "withdrawn",
        DossierStatus.Rejected => "rejected",
        _ => "processing",
    };

    /// <summary>FNV-1a 64 of (2025 province code, dossier number): a join accelerator; identity is still compared in full.</summary>
    public static long DossierKey(string provinceCode2025, string dossierCode)
    {
        const ulong prime = 1099511628211UL;
        var hash = 14695981039346656037UL;
        foreach (var c in provinceCode2025)
        {
            hash = (hash ^ c) * prime;
        }

        hash = (hash ^ '|') * prime;
        foreach (var c in dossierCode)
        {
            hash = (hash ^ c) * prime;
        }

        return unchecked((long)hash);
    }

    /// <summary>Boxed keys and dates reused across rows, so the appender's object row costs no allocation for them.</summary>
    private sealed class BoxCache
    {
        private readonly Dictionary<int, object> _ints = [];
        private readonly Dictionary<int, object> _dates = [];

        public object Int(int value)
        {
            if (!_ints.TryGetValue(value, out var box))
            {
                _ints[value] = box = value;
            }

            return box;
        }

        public object Date(DateOnly value)
        {
            if (!_dates.TryGetValue(value.DayNumber, out var box))
            {
                _dates[value.DayNumber] = box = value;
            }

            return box;
        }
    }
}
