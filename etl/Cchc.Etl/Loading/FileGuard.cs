using System.Data.Common;
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
    /// <summary>ENOSPC (Linux, macOS) and ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL (Windows) as IOException.HResult carries them.</summary>
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070070), unchecked((int)0x80070027), 112, 39];

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
    public static FileLoadResult Load(IFileLoader loader, IWarehouse warehouse, long runId, string path, IProgress<LoadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(warehouse);
        var started = DateTime.UtcNow;
        try
        {
            return loader.Load(warehouse, runId, path, progress);
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
    /// Failures of the machine rather than of the file, after which the run stops (the file stays for the next run): a
    /// commit that failed, a full disk, a database that reports an I/O error or went away. Everything else a file can
    /// provoke — damaged content, a reader's bug, running out of memory on it — is that file's failure.
    /// </summary>
    public static bool IsEnvironmentFailure(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            WarehouseCommitException => true,
            IOException io when DiskFullCodes.Contains(io.HResult) || ContainsAny(io.Message, "No space left", "disk full", "not enough space") => true,
            DbException db => ContainsAny(db.Message, "IO Error", "No space", "disk", "invalidated", "Could not write", "connection", "transport-level", "network"),
            _ => e.InnerException is not null && IsEnvironmentFailure(e.InnerException),
        };
    }

    private static bool ContainsAny(string text, params string[] parts) =>
        parts.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}
