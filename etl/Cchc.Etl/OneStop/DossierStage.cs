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
    private readonly bool _isSynthetic;
    private readonly HashSet<long> _keysInChunk = [];
    private readonly DossierKeyFilter _delivered = new();
    private readonly long _fileId;
    private readonly long _runId;
    private IBulkWriter? _writer;
    private IBulkWriter? _factWriter;
    private readonly HashSet<string> _provincesBefore;
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
        _provincesBefore = session.Query<string>(DossierSql.ProvincesInFact).ToHashSet(StringComparer.Ordinal);
    }

    public long RowsNew { get; private set; }

    public long RowsUpdated { get; private set; }

    public long RowsStaged { get; private set; }

    /// <summary>Times appending apart from closing chunks (merging) when set (<c>bench --profile</c>).</summary>
    public Loading.LoadProfile? Profile { get; init; }

    /// <summary>
    /// Runs on the parsing thread, in file order, for each valid row: its procedure and agency keys, its dossier key,
    /// and whether the file has delivered that key before (<see cref="DossierKeyFilter"/>). What is left for
    /// <see cref="Add"/> on the writing thread is the writing.
    /// </summary>
    public void Prepare(ref DossierRow row)
    {
        var started = Profile is null ? 0 : Loading.LoadProfile.Start();
        row.ProcedureKey = _dimensions.ProcedureKey(row, _fileId);
        row.AgencyKey = _dimensions.AgencyKey(row, _fileId);
        row.Key = DossierKey(row.Province.Code2025, row.DossierCode);
        row.SeenInFile = _delivered.Add(row.Key);
        Profile?.Add(Loading.LoadStep.LookUp, started);
    }

    /// <summary>Writes a row <see cref="Prepare"/> has keyed: straight into the fact when surely new, else to the stage.</summary>
    public void Add(in DossierRow row)
    {
        var key = row.Key;
        if (!row.SeenInFile && !_provincesBefore.Contains(row.Province.Code2025))
        {
            // Surely new: not in the fact before the file, not delivered by it yet, so not in this chunk either.
            if (_chunkAppendedToFact + _keysInChunk.Count >= _chunkRows || _quarantine.Count >= _chunkRows)
            {
                Flush();
            }

            var appending = Profile is null ? 0 : Loading.LoadProfile.Start();
            AppendToFact(row);
            Profile?.Add(Loading.LoadStep.Append, appending);
            return;
        }

        // A dossier met twice in one chunk would be merged twice by one statement: close the chunk first, so the later line wins.
        if (!_keysInChunk.Add(key) || _chunkAppendedToFact + _keysInChunk.Count > _chunkRows || _quarantine.Count >= _chunkRows)
        {
            Flush();
            _keysInChunk.Add(key);
        }

        var started = Profile is null ? 0 : Loading.LoadProfile.Start();
        if (_writer is null)
        {
            _session.Execute(DossierSql.ClearStage);
            _writer = _session.CreateBulkWriter("etl.stage_dossier", DossierSql.StageColumns);
        }

        AppendDossier(_writer, row);
        _writer.Append(row.Line);
        _writer.EndRow();
        RowsStaged++;
        Profile?.Add(Loading.LoadStep.Append, started);
    }

    /// <summary>The dossier's own columns, the first fifteen of both the stage and the fact (same names, same order).</summary>
    private void AppendDossier(IBulkWriter writer, in DossierRow row)
    {
        writer.Append(row.Key);
        writer.Append(row.Province.Code2025);
        writer.Append(row.DossierCode);
        writer.Append(row.Province.Key);
        writer.Append(row.ProcedureKey);
        writer.Append(row.AgencyKey);
        writer.Append((int)row.Level);
        writer.Append((int)row.Channel);
        writer.Append(row.ServiceLevel);
        writer.Append(StatusCode(row.Status));
        writer.Append(row.Received);
        writer.Append(row.Due);
        writer.Append(row.Resolved);
        writer.Append(row.Returned);
        writer.Append(_isSynthetic);
    }

    /// <summary>A new dossier's fact row, with the values the merge's insert gives it (first and last file this one,
    /// no updates yet).</summary>
    private void AppendToFact(in DossierRow row)
    {
        _factWriter ??= _session.CreateBulkWriter("dw.fact_dossier", DossierSql.FactColumns);
        var writer = _factWriter;
        AppendDossier(writer, row);
        writer.Append(_fileId);
        writer.Append(_fileId);
        writer.Append(_runId);
        writer.Append(row.Line);
        writer.Append(0);
        writer.EndRow();
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
}
