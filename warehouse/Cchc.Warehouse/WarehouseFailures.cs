using System.Data.Common;
using DuckDB.NET.Data;
using Microsoft.Data.SqlClient;

namespace Cchc.Warehouse;

/// <summary>What a failure says about what to do next.</summary>
public enum FailureKind
{
    /// <summary>Something in the file (a value, a duplicate key): fail the file, go on with the next one.</summary>
    Data,

    /// <summary>Worth trying again shortly (a deadlock victim, a timeout, a dropped connection): retry with backoff.</summary>
    Transient,

    /// <summary>The machine or the database cannot take writes now (log or disk full, permission denied): stop the run,
    /// leave the file where it is (the inbox), exit with the environment-failure code.</summary>
    Environment,
}

/// <summary>
/// Classifies engine errors, so that callers never match engine exception types or messages themselves. SQL Server
/// by error number (documented below; the whole <see cref="SqlException.Errors"/> collection is read, the most
/// severe kind wins); DuckDB by its error type in the message; .NET I/O errors are the environment.
/// </summary>
public static class WarehouseFailures
{
    /// <summary>Deadlock victim, lock request timeout, query timeout (-2), transport and connection errors, Azure SQL throttling and failover.</summary>
    public static readonly IReadOnlySet<int> TransientSqlErrors = new HashSet<int>
    {
        1205, 1222, -2, 2, 53, 64, 121, 233, 258, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 49918, 49919, 49920, 4221,
    };

    /// <summary>Log full (9002), filegroup or database full (1105, 1101, 40544), tempdb version store full (3958, 3959), permission
    /// denied (229, 230, 262, 297, 300, 916, 4060, 18456), database read-only (3906), out of memory (701).</summary>
    public static readonly IReadOnlySet<int> EnvironmentSqlErrors = new HashSet<int>
    {
        9002, 1105, 1101, 40544, 3958, 3959, 229, 230, 262, 297, 300, 916, 4060, 18456, 3906, 701,
    };

    public static FailureKind Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var kinds = Chain(exception).Select(Own).ToList();
        return kinds.Contains(FailureKind.Environment) ? FailureKind.Environment
            : kinds.Contains(FailureKind.Transient) ? FailureKind.Transient
            : FailureKind.Data;
    }

    /// <summary>A SQL Server error number's kind (unknown numbers are data errors: the file's fault until shown otherwise).</summary>
    public static FailureKind ClassifySqlError(int number) =>
        EnvironmentSqlErrors.Contains(number) ? FailureKind.Environment
        : TransientSqlErrors.Contains(number) ? FailureKind.Transient
        : FailureKind.Data;

    /// <summary>The kinds of several error numbers together (one SqlException carries them all): the most severe wins.</summary>
    public static FailureKind ClassifySqlErrors(IEnumerable<int> numbers)
    {
        var kinds = numbers.Select(ClassifySqlError).ToList();
        return kinds.Contains(FailureKind.Environment) ? FailureKind.Environment
            : kinds.Contains(FailureKind.Transient) ? FailureKind.Transient
            : FailureKind.Data;
    }

    /// <summary>ENOSPC (Linux, macOS) and ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL (Windows) as IOException.HResult carries them.</summary>
    private static readonly int[] DiskFullCodes = [28, unchecked((int)0x80070070), unchecked((int)0x80070027), 112, 39];

    /// <summary>
    /// A .NET <see cref="IOException"/> is the environment only when the disk is full: a damaged archive or a truncated
    /// file (<see cref="InvalidDataException"/>, an end of stream) is the file's fault, and so is running out of memory
    /// on a file (a hostile file must not stop the run; the nightly's attempts counter gives up on it). A failed commit
    /// (<see cref="WarehouseCommitException"/>) and permission denied are the environment.
    /// </summary>
    private static FailureKind Own(Exception e) => e switch
    {
        SqlException sql => ClassifySqlErrors(sql.Errors.Cast<SqlError>().Select(x => x.Number).Append(sql.Number)),
        DuckDBException duck => ClassifyDuckDb(duck.Message),
        Engines.DuckDb.DuckDbAppendException append => ClassifyDuckDb(append.Message),
        WarehouseCommitException or UnauthorizedAccessException => FailureKind.Environment,
        TimeoutException => FailureKind.Transient,
        IOException io when DiskFullCodes.Contains(io.HResult) || ContainsAny(io.Message, "No space left", "disk full", "not enough space") => FailureKind.Environment,
        DbException { IsTransient: true } => FailureKind.Transient,
        DbException db when ContainsAny(db.Message, "connection", "transport-level", "network") => FailureKind.Transient,
        _ => FailureKind.Data,
    };

    /// <summary>DuckDB names the error type at the start of its message ("IO Error: …", "Constraint Error: …").</summary>
    internal static FailureKind ClassifyDuckDb(string message) =>
        ContainsAny(message, "IO Error", "No space", "disk", "invalidated", "Could not write", "Out of Memory", "Permission denied") ? FailureKind.Environment
        : ContainsAny(message, "Could not set lock", "Conflict on") ? FailureKind.Transient
        : FailureKind.Data;

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    private static bool ContainsAny(string text, params string[] parts) => parts.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Retries an action that failed transiently (<see cref="FailureKind.Transient"/>): a few attempts with exponential
/// backoff and jitter. Data and environment failures are thrown at once. The action must be safe to repeat — a file's
/// load is (its transaction was rolled back).
/// </summary>
public sealed record RetryPolicy(int Attempts, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>4 attempts, 2 s, 4 s, 8 s apart (a deadlock or a failover is over by then, or it is not transient).</summary>
    public static readonly RetryPolicy Default = new(4, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

    /// <summary>For tests: no waiting.</summary>
    public static readonly RetryPolicy Immediate = new(4, TimeSpan.Zero, TimeSpan.Zero);

    public T Run<T>(Func<T> action, Action<Exception, int, TimeSpan>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return action();
            }
            catch (Exception e) when (attempt < Attempts && WarehouseFailures.Classify(e) == FailureKind.Transient)
            {
                var delay = Delay(attempt);
                onRetry?.Invoke(e, attempt, delay);
                Thread.Sleep(delay);
            }
        }
    }

    /// <summary>FirstDelay × 2^(attempt−1), at most MaxDelay, plus up to 20 % jitter so that competing writers spread out.</summary>
    public TimeSpan Delay(int attempt)
    {
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + (Random.Shared.NextDouble() * 0.2)));
    }
}
