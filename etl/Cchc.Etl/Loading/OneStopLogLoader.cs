using System.Collections.Concurrent;
using System.Diagnostics;
using Cchc.Etl.OneStop;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Loading;

/// <summary>
/// Loads a one-stop dossier log (kind "onestop") into the accumulating snapshot dw.fact_dossier, streaming: one thread
/// reads, validates and keys rows (dimension look-ups), the calling thread feeds the appender, and each chunk is merged
/// set-based. Everything happens in the file's transaction. Bad rows go to etl.quarantine with file, line and reason;
/// a file that is not a dossier log (or lacks a required column, or whose province cannot be decided or contradicts
/// --province) fails whole and changes nothing. A log never retires another file: it is an accumulating snapshot.
/// </summary>
public sealed class OneStopLogLoader : FileLoader, IProvinceScopedLoader
{
    public const string KindName = "onestop";
    private const int BatchRows = 4096;

    /// <summary>Rows merged per set-based statement; bounds the memory the stage holds.</summary>
    public int ChunkRows { get; init; } = 250_000;

    /// <summary>The province for exports that name none (<c>--province</c>, <c>CCHC_PROVINCE</c>).</summary>
    public ProvinceSetting Province { get; init; } = ProvinceSetting.None;

    /// <summary>Adds up where the load's time goes when set (<c>cchc bench onestop --profile</c>).</summary>
    public LoadProfile? Profile { get; init; }

    public override string Kind => KindName;

    public IFileLoader WithProvince(ProvinceSetting province) => new OneStopLogLoader { ChunkRows = ChunkRows, Province = province, Profile = Profile };

    protected override bool RecognisesContent(string path) => DossierLogReader.LooksLikeLog(path);

    protected override FileLoadResult LoadFile(IWarehouse warehouse, long runId, LoadingFile file)
    {
        var path = file.Path;
        var where = file.Where;
        try
        {
            if (FileFormats.Detect(path) is FileFormat.Unknown or FileFormat.Docx)
            {
                throw new FileRefusedException(where, $"not a spreadsheet: expected .xls, .xlsx or .csv content, found {FileFormats.Describe(path)}");
            }

            using var reader = DossierLogReader.Open(path, () => file.OpenHashing(Profile));
            var parser = DossierRowParser.Open(reader, path)
                ?? throw new FileRefusedException(where,
                    $"not a one-stop dossier log: no header row with a dossier number (Mã hồ sơ) and a received date (Ngày tiếp nhận) in the first {DossierRowParser.HeaderSearchRows} rows");
            if (parser.Header.Missing() is { Count: > 0 } missing)
            {
                throw new FileRefusedException(where, $"the dossier log lacks required columns: {string.Join(", ", missing)}");
            }

            var province = ExportProvince.Decide(where, parser.Header, parser.TitleRows, () => SampleRows(path), Province);
            parser.UseProvince(province);
            parser.Profile = Profile;
            return LoadRows(warehouse, runId, file, parser, reader, province.Decision);
        }
        catch (Exception e) when (e is not (SpreadsheetException or FileRefusedException) && ReadFailures.IsReadFailure(e) && !FileGuard.IsEnvironmentFailure(e))
        {
            throw new FileRefusedException(where, $"cannot read the dossier log (truncated or corrupt?): {e.Message}");
        }
    }

    /// <summary>The first rows' agencies and dossier numbers, read by a second reader (the main one is past its header).</summary>
    private static IReadOnlyList<(string? Agency, string Code)> SampleRows(string path)
    {
        using var reader = DossierLogReader.Open(path);
        return DossierRowParser.Open(reader, path)?.Sample(ExportProvince.SampleRows) ?? [];
    }

    private FileLoadResult LoadRows(IWarehouse warehouse, long runId, LoadingFile file, DossierRowParser parser, ITabularReader reader, string provinceDecision)
    {
        var sheet = reader.SheetName;
        var rowsSeen = 0L;
        using var session = warehouse.BeginFile(runId, file.Info);
        session.UseOneEngineThread();
        var dimensions = new DossierDimensions(session);
        var quarantine = new QuarantineBuffer(session, Path.GetFileName(file.Info.Path));
        using var stage = new DossierStage(session, warehouse.Dialect, dimensions, quarantine, parser.IsSynthetic, ChunkRows) { Profile = Profile };
        var asOf = DateOnly.MinValue;
        using var batches = ParseInBackground(parser, stage, Profile).GetEnumerator();
        while (Next(batches) is { } batch)
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

                stage.Add(row);
                if (row.LastActivity > asOf)
                {
                    asOf = row.LastActivity;
                }
            }

            rowsSeen += batch.Count;
            batch.Release();
            file.Progress?.Report(new LoadProgress(rowsSeen, reader.FractionRead));
        }

        stage.Flush();
        var rows = new RowCounts(parser.RowsRead + parser.BlankRowsSkipped, (int)stage.RowsStaged, (int)quarantine.Total, parser.BlankRowsSkipped);
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
        var message = $"{stage.RowsNew} new, {stage.RowsUpdated} updated dossiers; {dimensions.InferredProcedures} inferred procedures, " +
                      $"{dimensions.InferredAgencies} inferred agencies; province {provinceDecision}";
        var committing = Profile is null ? 0 : LoadProfile.Start();
        var result = file.Commit(session, rows, message) with { ProvinceDecision = provinceDecision };
        Profile?.Add(LoadStep.Commit, committing);
        return result;
    }

    private RowBatch? Next(IEnumerator<RowBatch> batches)
    {
        var waiting = Profile is null ? 0 : LoadProfile.Start();
        var next = batches.MoveNext() ? batches.Current : null;
        Profile?.Add(LoadStep.WaitForRows, waiting);
        return next;
    }

    /// <summary>Parses (and keys, <see cref="DossierStage.Prepare"/>) on a second core while this thread writes: bounded,
    /// so at most a few batches are in memory; enough of them that the parser keeps going while a chunk closes.</summary>
    private static IEnumerable<RowBatch> ParseInBackground(DossierRowParser parser, DossierStage stage, LoadProfile? profile)
    {
        using var ready = new BlockingCollection<RowBatch>(boundedCapacity: 32);
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
                            if (batch.Rows[batch.Count].Problem is null)
                            {
                                stage.Prepare(ref batch.Rows[batch.Count]);
                            }

                            batch.Count++;
                        }

                        if (batch.Count == 0)
                        {
                            break;
                        }

                        var waiting = profile is null ? 0 : LoadProfile.Start();
                        ready.Add(batch);
                        profile?.Add(LoadStep.WaitForWriter, waiting);
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
