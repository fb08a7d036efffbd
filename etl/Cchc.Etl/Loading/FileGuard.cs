using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Loading;

/// <summary>
/// One file's failure never stops a run: recognising, reading and loading a file happen inside this guard, which turns
/// anything the file provokes into that file's recorded failure. Only the machine failing — a failed commit, a full
/// disk, a lost connection — escapes it, because the next file would fail the same way (see <see cref="IsEnvironmentFailure"/>).
/// </summary>
public static class FileGuard
{
    /// <summary>The loader whose kind the content shows, or null; a loader that throws while looking counts as "not mine".</summary>
    public static IFileLoader? Recognise(IEnumerable<IFileLoader> loaders, string path)
    {
        ArgumentNullException.ThrowIfNull(loaders);
        foreach (var loader in loaders)
        {
            try
            {
                if (loader.Recognises(path))
                {
                    return loader;
                }
            }
            catch (Exception e) when (!IsEnvironmentFailure(e))
            {
                // A recogniser must never throw; one that does is a bug, and the file simply is not of its kind.
            }
        }

        return null;
    }

    /// <summary>Why no loader took the file: "not recognised as any of …", and what the file's reader refused, when it
    /// refused it (a bound, a damaged archive), so the reason in failed/ says what is wrong with the file.</summary>
    public static string Unrecognised(IEnumerable<IFileLoader> loaders, string path)
    {
        ArgumentNullException.ThrowIfNull(loaders);
        var reason = $"not recognised as any of {string.Join(", ", loaders.Select(l => l.Kind))} by its content";
        try
        {
            if (FileFormats.Detect(path) == FileFormat.Docx)
            {
                Documents.DocxReader.Read(path);
            }
            else
            {
                Workbook.Open(path);
            }
        }
        catch (SpreadsheetException e)
        {
            return $"{reason}: {e.Message}";
        }
        catch (Exception e) when (ReadFailures.IsReadFailure(e))
        {
            return $"{reason}: {e.GetType().Name}: {e.Message}";
        }

        return reason;
    }

    /// <summary>Loads the file; a loader that throws (a bug, a bound it did not keep, memory) gives a failed result that
    /// is recorded in etl.file with its reason. Environment failures are rethrown.</summary>
    /// <param name="retry">How a transient failure (deadlock, timeout, dropped connection) is tried again; the load's
    /// transaction was rolled back, so repeating it is safe. Default <see cref="RetryPolicy.Default"/>.</param>
    /// <param name="onRetry">Told of each retry: the failure, the attempt that failed, the wait before the next.</param>
    public static FileLoadResult Load(
        IFileLoader loader, IWarehouse warehouse, long runId, string path, IProgress<LoadProgress>? progress = null,
        RetryPolicy? retry = null, Action<Exception, int, TimeSpan>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(warehouse);
        var started = DateTime.UtcNow;
        try
        {
            return (retry ?? RetryPolicy.Default).Run(() => loader.Load(warehouse, runId, path, progress), onRetry);
        }
        catch (Exception e) when (!IsEnvironmentFailure(e))
        {
            var reason = $"{new SourceLocation(path)}: could not be loaded ({e.GetType().Name}): {e.Message}";
            RecordFailure(warehouse, runId, path, loader.Kind, reason);
            return new FileLoadResult(path, loader.Kind, false, 0, 0, DateTime.UtcNow - started, reason);
        }
    }

    /// <summary>Records a file that failed outside its loader (unrecognised, unreadable, a loader that threw). Best effort:
    /// if even this fails for the machine's sake, the exception tells the caller to stop.</summary>
    public static void RecordFailure(IWarehouse warehouse, long runId, string path, string kind, string reason, string? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        string sha;
        long size;
        try
        {
            sha = sha256 ?? (File.Exists(path) ? FileHash.Sha256(path) : string.Empty);
            size = File.Exists(path) ? new FileInfo(path).Length : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sha = sha256 ?? string.Empty;
            size = 0;
        }

        warehouse.RecordFailedFile(runId, new SourceFileInfo(Path.GetFullPath(path), kind, sha, size), reason, []);
    }

    /// <summary>
    /// Failures of the machine rather than of the file, after which the run stops (the file stays for the next run):
    /// what <see cref="WarehouseFailures"/> calls the environment (a failed commit, a full disk or log, permission
    /// denied) and a transient failure that outlived its retries (a connection that stayed lost). Everything else a file
    /// can provoke — damaged content, a reader's bug, running out of memory on it — is that file's failure.
    /// </summary>
    public static bool IsEnvironmentFailure(Exception e) =>
        WarehouseFailures.Classify(e) is FailureKind.Environment or FailureKind.Transient;
}
