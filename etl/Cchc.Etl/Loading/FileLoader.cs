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
    private readonly string _fullPath;
    private readonly long _sizeBytes;
    private string? _sha256;
    private Func<string?>? _finishHash;

    private LoadingFile(string path, string kind, IProgress<LoadProgress>? progress)
    {
        Path = path;
        Kind = kind;
        Progress = progress;
        _fullPath = System.IO.Path.GetFullPath(path);
        var exists = File.Exists(path);
        _sizeBytes = exists ? new FileInfo(path).Length : 0;
        _sha256 = exists ? null : string.Empty;
    }

    /// <summary>The path as given (messages and results name it so).</summary>
    public string Path { get; }

    /// <summary>
    /// The file as etl.file records it. Its SHA-256 is computed here, reading the whole file, unless the loader reads
    /// the file through <see cref="OpenHashing"/>: then it is still pending ("") when the load's session begins, and
    /// <see cref="Commit"/> records it once the reader has gone through the file.
    /// </summary>
    public SourceFileInfo Info => new(_fullPath, Kind, _sha256 ?? (_finishHash is null ? Sha256() : string.Empty), _sizeBytes);

    public string Kind { get; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public SourceLocation Where => new(Path);

    /// <summary>Told how far the load has got, for loaders that stream large files (null: nobody watches).</summary>
    public IProgress<LoadProgress>? Progress { get; }

    public static LoadingFile Describe(string path, string kind, IProgress<LoadProgress>? progress = null) => new(path, kind, progress);

    /// <summary>Opens the file for a streaming reader that hashes the bytes as it reads them: the file is read once.</summary>
    internal Stream OpenHashing(LoadProfile? profile)
    {
        if (_sha256 is not null || _finishHash is not null)
        {
            return new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }

        // The reader owns (and disposes) the stream; this file only asks it for the hash at the end.
        var hashing = new HashingFileStream(Path, profile);
        _finishHash = hashing.Finish;
        return hashing;
    }

    /// <summary>The file's SHA-256: from the hashing reader when it has one (reading what it left), else the whole file read again.</summary>
    private string Sha256() => _sha256 ??= _finishHash?.Invoke() ?? FileHash.Sha256(Path);

    /// <summary>Records the file as failed with its reason and the rows it rejected; nothing of it reaches dw.</summary>
    /// <param name="rowsRead">Rows read before the file was refused (default: the rejected ones).</param>
    public FileLoadResult Fail(IWarehouse warehouse, long runId, string message, IReadOnlyList<QuarantineRecord> rejected, int? rowsRead = null, IReadOnlyCollection<int>? years = null)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(rejected);
        using (var session = warehouse.BeginFile(runId, Info with { Sha256 = Sha256() }))
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
        session.Commit(new FileLoadOutcome(rows.Loaded, rows.Quarantined, "loaded", message) { RowsRead = rows.Read, RowsSkipped = rows.Skipped, Sha256 = _finishHash is null ? null : Sha256() });
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
