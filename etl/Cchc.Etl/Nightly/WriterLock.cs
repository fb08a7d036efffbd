using System.Security.Cryptography;
using System.Text;
using Cchc.Warehouse;

namespace Cchc.Etl.Nightly;

/// <summary>
/// One writer per warehouse across processes: an exclusive OS lock on a file beside the warehouse (or, for SQL
/// Server, in the temp folder keyed by the connection). The OS releases it when the process dies, even on SIGKILL,
/// so a crashed run never blocks the next one.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private readonly FileStream _stream;

    private WriterLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static string LockPathFor(WarehouseTarget target)
    {
        if (target.Engine == WarehouseTarget.DuckDb)
        {
            return System.IO.Path.GetFullPath(target.Location) + ".lock";
        }

        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(target.Location)))[..16];
        return System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cchc-sqlserver-{key}.lock");
    }

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/>; throws <see cref="WarehouseBusyException"/> with
    /// the holder's description otherwise.</summary>
    public static WriterLock Acquire(WarehouseTarget target, string holder, TimeSpan wait)
    {
        var path = LockPathFor(target);
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive flock on Unix (and a share lock on Windows).
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                File.WriteAllText(path + ".holder", $"{holder}, pid {Environment.ProcessId} on {Environment.MachineName}, since {DateTime.UtcNow:O}");
                return new WriterLock(stream, path);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
            catch (IOException e)
            {
                throw new Warehouse.Engines.DuckDb.WarehouseBusyException(
                    $"Another writer holds {target} ({Describe(path)}); waited {wait.TotalSeconds:0} s. Try again later or pass --wait SECONDS.", e);
            }
        }
    }

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

    public void Dispose() => _stream.Dispose();
}
