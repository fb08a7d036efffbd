using System.Collections.Concurrent;
using System.Diagnostics;
using Cchc.Etl.OneStop;
using Cchc.Warehouse;

namespace Cchc.Etl.Loading;

/// <summary>
/// Loads a one-stop dossier log (kind "onestop") into the accumulating snapshot dw.fact_dossier, streaming: one thread
/// reads and validates rows, the calling thread looks up dimension keys and feeds the appender, and each chunk is merged
/// set-based. Everything happens in the file's transaction. Bad rows go to etl.quarantine with file, line and reason;
/// a file that is not a dossier log (or lacks a required column) fails whole and changes nothing.
/// </summary>
public sealed class OneStopLogLoader : IFileLoader
{
    public const string KindName = "onestop";
    private const int BatchRows = 4096;

    /// <summary>Rows merged per set-based statement; bounds the memory the stage holds.</summary>
    public int ChunkRows { get; init; } = 250_000;

    public string Kind => KindName;

    public bool Recognises(string path) => DossierLogReader.LooksLikeLog(path);

    public FileLoadResult Load(IWarehouse warehouse, long runId, string path)
    {
        var clock = Stopwatch.StartNew();
        var exists = File.Exists(path);
        var info = new SourceFileInfo(Path.GetFullPath(path), Kind, exists ? FileHash.Sha256(path) : string.Empty, exists ? new FileInfo(path).Length : 0);
        var where = new SourceLocation(path);
        try
        {
            if (exists && Spreadsheets.FileFormats.Detect(path) is Spreadsheets.FileFormat.Unknown or Spreadsheets.FileFormat.Docx)
            {
                throw new NotADossierLogException($"{where}: not a spreadsheet: expected .xls, .xlsx or .csv content, found {Spreadsheets.FileFormats.Describe(path)}");
            }

            using var reader = DossierLogReader.Open(path);
            var parser = DossierRowParser.Open(reader)
                ?? throw new NotADossierLogException(
                    $"{where}: not a one-stop dossier log: no header row with a dossier number (Mã hồ sơ) and a received date (Ngày tiếp nhận) in the first {DossierRowParser.HeaderSearchRows} rows");
            if (parser.Header.Missing() is { Count: > 0 } missing)
            {
                throw new NotADossierLogException($"{where}: the dossier log lacks required columns: {string.Join(", ", missing)}");
            }

            var outcome = LoadRows(warehouse, runId, info, parser, reader.SheetName);
            return new FileLoadResult(path, Kind, true, (int)outcome.Loaded, (int)outcome.Quarantined, clock.Elapsed);
        }
        catch (Exception e) when (e is NotADossierLogException || DossierLogReader.IsReadFailure(e))
        {
            var message = e is NotADossierLogException or Spreadsheets.SpreadsheetException ? e.Message : $"{where}: cannot read the dossier log (truncated or corrupt?): {e.Message}";
            var location = e is Spreadsheets.SpreadsheetException se ? se.Location : new SourceLocation(path);
            warehouse.RecordFailedFile(runId, info, message, [new QuarantineRecord(location, message)]);
            return new FileLoadResult(path, Kind, false, 0, 1, clock.Elapsed, message);
        }
    }

    private (long Loaded, long Quarantined) LoadRows(IWarehouse warehouse, long runId, SourceFileInfo info, DossierRowParser parser, string? sheet)
    {
        using var session = warehouse.BeginFile(runId, info);
        var dimensions = new DossierDimensions(session);
        var quarantine = new QuarantineBuffer(session, Path.GetFileName(info.Path));
        using var stage = new DossierStage(session, warehouse.Dialect, dimensions, quarantine, parser.IsSynthetic, ChunkRows);
        var asOf = DateOnly.MinValue;
        foreach (var batch in ParseInBackground(parser))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                ref var row = ref batch.Rows[i];
                if (row.Problem is not null)
                {
                    quarantine.Add(sheet, row.Line, row.ProblemColumn, row.Problem, row.RawValues);
                    if (quarantine.Count >= ChunkRows)
                    {
                        stage.Flush();
                    }

                    continue;
                }

                var procedureKey = dimensions.ProcedureKey(row, session.FileId);
                var agencyKey = dimensions.AgencyKey(row, session.FileId);
                stage.Add(row, procedureKey, agencyKey);
                if (row.LastActivity > asOf)
                {
                    asOf = row.LastActivity;
                }
            }

            batch.Release();
        }

        stage.Flush();
        session.Execute(
            """
            INSERT INTO dw.dossier_export (file_id, as_of_date, rows_read, rows_new, rows_updated, is_synthetic)
            VALUES (@fileId, @asOf, @read, @rowsNew, @rowsUpdated, @synthetic)
            """,
            new
            {
                fileId = session.FileId,
                asOf = (asOf == DateOnly.MinValue ? DateOnly.FromDateTime(DateTime.UtcNow) : asOf).ToDateTime(TimeOnly.MinValue),
                read = stage.RowsStaged + quarantine.Total,
                rowsNew = stage.RowsNew,
                rowsUpdated = stage.RowsUpdated,
                synthetic = parser.IsSynthetic,
            });
        var message = $"{stage.RowsNew} new, {stage.RowsUpdated} updated dossiers; {dimensions.InferredProcedures} inferred procedures, {dimensions.InferredAgencies} inferred agencies";
        session.Commit(new FileLoadOutcome((int)stage.RowsStaged, (int)quarantine.Total, "loaded", message));
        return (stage.RowsStaged, quarantine.Total);
    }

    /// <summary>Parses on a second core while this thread writes: bounded, so at most a few batches are in memory.</summary>
    private static IEnumerable<RowBatch> ParseInBackground(DossierRowParser parser)
    {
        using var ready = new BlockingCollection<RowBatch>(boundedCapacity: 4);
        var free = new ConcurrentBag<RowBatch>();
        Exception? failure = null;
        var stop = false;
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    while (!Volatile.Read(ref stop))
                    {
                        var batch = free.TryTake(out var reused) ? reused : new RowBatch(free);
                        batch.Count = 0;
                        while (batch.Count < BatchRows && parser.Next(ref batch.Rows[batch.Count]))
                        {
                            batch.Count++;
                        }

                        if (batch.Count == 0)
                        {
                            break;
                        }

                        ready.Add(batch);
                    }
                }
                catch (Exception e)
                {
                    failure = e;
                }
                finally
                {
                    ready.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (var batch in ready.GetConsumingEnumerable())
            {
                yield return batch;
            }
        }
        finally
        {
            // If the consumer stopped early (an exception while writing), stop the producer and drain so it can finish.
            Volatile.Write(ref stop, true);
            while (!producer.IsCompleted)
            {
                while (ready.TryTake(out _))
                {
                }

                producer.Wait(10);
            }
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    private sealed class RowBatch(ConcurrentBag<RowBatch> pool)
    {
        public DossierRow[] Rows { get; } = new DossierRow[BatchRows];

        public int Count { get; set; }

        public void Release() => pool.Add(this);
    }
}

/// <summary>The file is not a one-stop dossier log (or lacks what one must have).</summary>
public sealed class NotADossierLogException(string message) : Exception(message);
