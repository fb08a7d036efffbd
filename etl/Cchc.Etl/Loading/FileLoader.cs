using System.Diagnostics;
using Cchc.Etl.Plans;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Loading;

/// <summary>
/// The skeleton every loader shares: "is this file mine" answered without ever throwing, the file described for
/// etl.file (path, kind, hash, size), a file that cannot be read turned into a recorded failure that names it, and a
/// commit with every row accounted for. A loader supplies its kind, how it recognises its content, and the load.
/// </summary>
public abstract class FileLoader : IFileLoader
{
    public abstract string Kind { get; }

    public bool Recognises(string path)
    {
        try
        {
            return File.Exists(path) && RecognisesContent(path);
        }
        catch (Exception e) when (ReadFailures.IsReadFailure(e))
        {
            return false;
        }
    }

    public FileLoadResult Load(IWarehouse warehouse, long runId, string path) => Load(warehouse, runId, path, null);

    public FileLoadResult Load(IWarehouse warehouse, long runId, string path, IProgress<LoadProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var file = LoadingFile.Describe(path, Kind, progress);
        try
        {
            return LoadFile(warehouse, runId, file);
        }
        catch (Exception e) when (e is SpreadsheetException or PlanFormatException or FileRefusedException)
        {
            var (location, problem) = e switch
            {
                SpreadsheetException s => (s.Location, s.Problem),
                PlanFormatException p => (p.Location, p.Problem),
                _ => (((FileRefusedException)e).Location, ((FileRefusedException)e).Problem),
            };
            return file.Fail(warehouse, runId, e.Message, [new QuarantineRecord(location, problem)]);
        }
    }

    /// <summary>Whether the content (never the name) is of this kind; may throw a read failure (taken as "no").</summary>
    protected abstract bool RecognisesContent(string path);

    /// <summary>Loads the file in one transaction. A refusal (<see cref="SpreadsheetException"/>,
    /// <see cref="PlanFormatException"/>, <see cref="FileRefusedException"/>) before the commit is recorded as the
    /// file's failure and changes nothing else.</summary>
    protected abstract FileLoadResult LoadFile(IWarehouse warehouse, long runId, LoadingFile file);
}

/// <summary>A file being loaded: what etl.file records about it, and the two ways its load ends.</summary>
public sealed class LoadingFile
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LoadingFile(string path, SourceFileInfo info, IProgress<LoadProgress>? progress)
    {
        Path = path;
        Info = info;
        Progress = progress;
    }

    /// <summary>The path as given (messages and results name it so).</summary>
    public string Path { get; }

    public SourceFileInfo Info { get; }

    public string Kind => Info.Kind;

    public TimeSpan Elapsed => _clock.Elapsed;

    public SourceLocation Where => new(Path);

    /// <summary>Told how far the load has got, for loaders that stream large files (null: nobody watches).</summary>
    public IProgress<LoadProgress>? Progress { get; }

    public static LoadingFile Describe(string path, string kind, IProgress<LoadProgress>? progress = null)
    {
        var exists = File.Exists(path);
        return new LoadingFile(path, new SourceFileInfo(System.IO.Path.GetFullPath(path), kind, exists ? FileHash.Sha256(path) : string.Empty, exists ? new FileInfo(path).Length : 0), progress);
    }

    /// <summary>Records the file as failed with its reason and the rows it rejected; nothing of it reaches dw.</summary>
    /// <param name="rowsRead">Rows read before the file was refused (default: the rejected ones).</param>
    public FileLoadResult Fail(IWarehouse warehouse, long runId, string message, IReadOnlyList<QuarantineRecord> rejected, int? rowsRead = null, IReadOnlyCollection<int>? years = null)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(rejected);
        using (var session = warehouse.BeginFile(runId, Info))
        {
            session.Quarantine(rejected);
            session.Commit(new FileLoadOutcome(0, rejected.Count, "failed", message) { RowsRead = rowsRead ?? rejected.Count });
        }

        return Failed(message, rejected.Count, rowsRead ?? rejected.Count, years);
    }

    /// <summary>The result of a failure already recorded (e.g. a file the quality gate blocked).</summary>
    public FileLoadResult Failed(string message, int quarantined, int rowsRead, IReadOnlyCollection<int>? years = null) =>
        new(Path, Kind, false, 0, quarantined, Elapsed, message, years) { RowsRead = rowsRead };

    /// <summary>Commits the file's session as loaded, with every row it read accounted for.</summary>
    public FileLoadResult Commit(ILoadSession session, RowCounts rows, string? message = null, IReadOnlyCollection<int>? years = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Commit(new FileLoadOutcome(rows.Loaded, rows.Quarantined, "loaded", message) { RowsRead = rows.Read, RowsSkipped = rows.Skipped });
        return new FileLoadResult(Path, Kind, true, rows.Loaded, rows.Quarantined, Elapsed, Years: years) { RowsRead = rows.Read, RowsSkipped = rows.Skipped };
    }
}

/// <summary>
/// How a file's rows were accounted for. <see cref="Read"/> is counted by the reader, independently of the outcome of
/// each row, so that <c>Read = Loaded + Quarantined + Skipped</c> is a check (a row lost silently breaks it).
/// </summary>
public readonly record struct RowCounts(int Read, int Loaded, int Quarantined, int Skipped)
{
    public bool AddUp => Read == Loaded + Quarantined + Skipped;
}

/// <summary>A loader's own refusal of a file (not a dossier log, a province that contradicts --province …), naming where.</summary>
internal sealed class FileRefusedException(SourceLocation location, string problem) : Exception($"{location}: {problem}")
{
    public SourceLocation Location { get; } = location;

    public string Problem { get; } = problem;
}
