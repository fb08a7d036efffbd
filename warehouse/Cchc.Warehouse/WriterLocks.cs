using System.Security.Cryptography;
using System.Text;
using Cchc.Warehouse.Engines.DuckDb;
using Cchc.Warehouse.Engines.SqlServer;

namespace Cchc.Warehouse;

/// <summary>The single-writer lock of one warehouse, held until disposed (or until the process dies).</summary>
public interface IWriterLock : IDisposable
{
    /// <summary>Where the lock lives, in words (a lock file, or the SQL Server application lock).</summary>
    string Description { get; }
}

/// <summary>
/// One writer per warehouse, wherever the writers run. DuckDB: an exclusive OS lock on a file beside the warehouse
/// (released by the OS when the process dies, even on SIGKILL). SQL Server: an exclusive application lock
/// (<c>sp_getapplock</c>, owner <c>Session</c>) in the warehouse database itself, held by a connection of its own for the
/// whole writer session — so two machines, a service with a private temp folder, or the same database named by a
/// reordered connection string all meet the same lock; the server releases it when that session ends.
/// </summary>
public static class WriterLocks
{
    /// <summary>Takes the lock, waiting up to <paramref name="wait"/>; throws <see cref="WarehouseBusyException"/> naming the holder otherwise.</summary>
    public static IWriterLock Acquire(WarehouseTarget target, string holder, TimeSpan wait)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Engine == WarehouseTarget.SqlServer
            ? SqlServerWriterLock.Acquire(target, holder, wait)
            : FileWriterLock.Acquire(target, holder, wait);
    }

    /// <summary>The DuckDB lock file: <c>cchc.duckdb.lock</c> beside <c>cchc.duckdb</c>.</summary>
    public static string LockPathFor(WarehouseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Engine == WarehouseTarget.SqlServer)
        {
            throw new InvalidOperationException("A SQL Server warehouse is locked in its database (sp_getapplock), not by a file.");
        }

        return target.Location == ":memory:"
            ? Path.Combine(Path.GetTempPath(), $"cchc-memory-{Environment.ProcessId}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(target.Location)))[..8]}.lock")
            : Path.GetFullPath(target.Location) + ".lock";
    }

    private sealed class FileWriterLock : IWriterLock
    {
        private readonly FileStream _stream;

        private FileWriterLock(FileStream stream, string path)
        {
            _stream = stream;
            Description = "lock file " + path;
        }

        public string Description { get; }

        public static FileWriterLock Acquire(WarehouseTarget target, string holder, TimeSpan wait)
        {
            var path = LockPathFor(target);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                try
                {
                    // FileShare.None takes an exclusive flock on Unix (and a share lock on Windows).
                    var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    File.WriteAllText(path + ".holder", $"{holder}, pid {Environment.ProcessId} on {Environment.MachineName}, since {DateTime.UtcNow:O}");
                    return new FileWriterLock(stream, path);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(250);
                }
                catch (IOException e)
                {
                    throw new WarehouseBusyException(
                        $"Another writer holds {target} ({Describe(path)}); waited {wait.TotalSeconds:0} s. Try again later or pass --wait SECONDS.", e);
                }
            }
        }

        public void Dispose() => _stream.Dispose();

        private static string Describe(string path)
        {
            try
            {
                return "held by " + File.ReadAllText(path + ".holder");
            }
            catch (IOException)
            {
                return "holder unknown";
            }
        }
    }
}
