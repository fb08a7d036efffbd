using System.Diagnostics;
using Cchc.Etl.Quality;
using Cchc.Etl.Sources;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Loading;

/// <summary>
/// Loads one index workbook in one transaction: parse everything first, then replace the index-years the file
/// covers. A file that cannot be read fails whole and leaves the warehouse as it was; its reason and any rejected
/// rows are recorded in etl.file / etl.quarantine. Data-quality rules run before the load (an error blocks the file)
/// and after it, inside the file's transaction (findings in etl.dq_finding).
/// </summary>
public sealed class IndexFileLoader(IIndexSource source) : IConfigurableFileLoader
{
    public string Kind => source.Kind;

    public IReadOnlyList<string> OptionNames => source.OptionNames;

    public IFileLoader WithOptions(Func<string, string?> optionValue) => new IndexFileLoader(source.WithOptions(optionValue));

    public bool Recognises(string path)
    {
        try
        {
            return source.Recognises(Workbook.Open(path));
        }
        catch (SpreadsheetException)
        {
            return false;
        }
    }

    public FileLoadResult Load(IWarehouse warehouse, long runId, string path)
    {
        var clock = Stopwatch.StartNew();
        var exists = File.Exists(path);
        var info = new SourceFileInfo(Path.GetFullPath(path), source.Kind, exists ? FileHash.Sha256(path) : string.Empty, exists ? new FileInfo(path).Length : 0);
        ParsedScores parsed;
        try
        {
            parsed = source.Parse(Workbook.Open(path));
        }
        catch (SpreadsheetException e)
        {
            return Fail(warehouse, runId, info, e.Message, [new QuarantineRecord(e.Location, e.Problem)], clock);
        }

        if (parsed.Scores.Count == 0)
        {
            return Fail(warehouse, runId, info, $"{new SourceLocation(path)}: no {source.IndexCode} scores found", parsed.Rejected, clock);
        }

        var preLoad = QualityGate.BeforeLoad(warehouse, parsed);
        if (QualityGate.Blocks(preLoad))
        {
            var message = QualityGate.BlockMessage(preLoad);
            QualityGate.RecordBlocked(warehouse, runId, info, message, parsed.Rejected, preLoad);
            return new FileLoadResult(path, source.Kind, false, 0, parsed.Rejected.Count, clock.Elapsed, message, parsed.Years);
        }

        using var session = warehouse.BeginFile(runId, info);
        var unkeyed = session.ReplaceScores(source.IndexCode, parsed.Years, parsed.Scores);
        parsed.WriteCompanionFacts?.Invoke(session);
        var rejected = parsed.Rejected.Concat(unkeyed).ToList();
        session.Quarantine(rejected);
        QualityGate.AfterLoad(session, new QualityScope(source.IndexCode, parsed.Years), DqSubjects.IndexScore, DqSubjects.Catalogue);
        var loaded = parsed.Scores.Count - unkeyed.Count;
        session.Commit(new FileLoadOutcome(loaded, rejected.Count, "loaded"));
        return new FileLoadResult(path, source.Kind, true, loaded, rejected.Count, clock.Elapsed, Years: parsed.Years);
    }

    private static FileLoadResult Fail(IWarehouse warehouse, long runId, SourceFileInfo info, string message, IReadOnlyList<QuarantineRecord> rejected, Stopwatch clock)
    {
        warehouse.RecordFailedFile(runId, info, message, rejected);
        return new FileLoadResult(info.Path, info.Kind, false, 0, rejected.Count, clock.Elapsed, message);
    }
}
