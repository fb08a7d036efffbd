using System.Security.Cryptography;
using System.Text;
using Cchc.Warehouse;

namespace Cchc.Etl.Nightly;

/// <summary>An inbox file's attempts so far (etl.inbox_attempt): how many, and how the last one ended (null: it never
/// finished — the process was killed, ran out of memory or crashed while on it).</summary>
public sealed record InboxAttempt(string Sha256, string FileName, int Attempts, DateTime FirstAttemptAt, long LastRunId, string? LastReason);

/// <summary>A file left in the inbox (etl.inbox_deferral), since when and why; overdue once deferred longer than the alert time.</summary>
public sealed record InboxDeferral(string Path, string FileName, DateTime FirstDeferredAt, DateTime LastDeferredAt, int Deferrals, string Reason, bool IsOverdue);

/// <summary>
/// What the nightly remembers about inbox files between runs, in the warehouse: attempts per content hash (each
/// committed before the file is read, so an attempt that took the process down still counts) and files deferred.
/// </summary>
internal sealed class InboxMemory(IWarehouse warehouse)
{
    public InboxAttempt? Attempt(string sha256) =>
        warehouse.Query<InboxAttempt>(
            """
            SELECT sha256 AS Sha256, file_name AS FileName, attempts AS Attempts, first_attempt_at AS FirstAttemptAt,
                   last_run_id AS LastRunId, last_reason AS LastReason
            FROM etl.inbox_attempt WHERE sha256 = @sha256
            """,
            new { sha256 }).SingleOrDefault();

    /// <summary>Counts a new attempt, committed before the file is touched; returns its number.</summary>
    public int BeginAttempt(string sha256, string fileName, long runId)
    {
        var now = DateTime.UtcNow;
        var updated = warehouse.Execute(
            "UPDATE etl.inbox_attempt SET attempts = attempts + 1, last_attempt_at = @now, last_run_id = @runId, last_reason = NULL, file_name = @fileName WHERE sha256 = @sha256",
            new { sha256, fileName, runId, now });
        if (updated == 0)
        {
            warehouse.Execute(
                """
                INSERT INTO etl.inbox_attempt (sha256, file_name, attempts, first_attempt_at, last_attempt_at, last_run_id, last_reason)
                VALUES (@sha256, @fileName, 1, @now, @now, @runId, NULL)
                """,
                new { sha256, fileName, runId, now });
        }

        return Attempt(sha256)!.Attempts;
    }

    /// <summary>Records how a failed attempt ended.</summary>
    public void EndAttempt(string sha256, string reason) =>
        warehouse.Execute("UPDATE etl.inbox_attempt SET last_reason = @reason WHERE sha256 = @sha256", new { sha256, reason });

    /// <summary>Takes back an attempt that the machine, not the file, ended (a full disk): it does not count.</summary>
    public void UndoAttempt(string sha256)
    {
        warehouse.Execute("UPDATE etl.inbox_attempt SET attempts = attempts - 1 WHERE sha256 = @sha256", new { sha256 });
        warehouse.Execute("DELETE FROM etl.inbox_attempt WHERE sha256 = @sha256 AND attempts <= 0", new { sha256 });
    }

    /// <summary>The file is done with (loaded, unchanged, failed for good): its attempts are forgotten.</summary>
    public void ForgetAttempts(string sha256) =>
        warehouse.Execute("DELETE FROM etl.inbox_attempt WHERE sha256 = @sha256", new { sha256 });

    /// <summary>Records that the file stays in the inbox; returns since when it has been deferred, and whether that is
    /// longer than <paramref name="alertAfter"/>.</summary>
    public InboxDeferral Defer(string path, string reason, TimeSpan alertAfter)
    {
        var key = PathKey(path);
        var now = DateTime.UtcNow;
        var first = warehouse.Query<DateTime>("SELECT first_deferred_at FROM etl.inbox_deferral WHERE path_key = @key", new { key }).Cast<DateTime?>().SingleOrDefault();
        var overdue = first is { } since && now - since > alertAfter;
        if (first is null)
        {
            warehouse.Execute(
                """
                INSERT INTO etl.inbox_deferral (path_key, path, file_name, first_deferred_at, last_deferred_at, deferrals, reason, is_overdue)
                VALUES (@key, @path, @name, @now, @now, 1, @reason, @overdue)
                """,
                new { key, path, name = Path.GetFileName(path), now, reason, overdue });
        }
        else
        {
            warehouse.Execute(
                "UPDATE etl.inbox_deferral SET last_deferred_at = @now, deferrals = deferrals + 1, reason = @reason, is_overdue = @overdue WHERE path_key = @key",
                new { key, now, reason, overdue });
        }

        return Deferrals().Single(d => d.Path == path);
    }

    public void ForgetDeferral(string path) =>
        warehouse.Execute("DELETE FROM etl.inbox_deferral WHERE path_key = @key", new { key = PathKey(path) });

    /// <summary>Forgets deferrals of files in <paramref name="inbox"/> that are no longer there (someone took them out).</summary>
    public void Prune(string inbox, IEnumerable<string> present)
    {
        var here = present.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in Deferrals().Where(d => string.Equals(Path.GetDirectoryName(d.Path), Path.GetFullPath(inbox).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) && !here.Contains(d.Path)))
        {
            ForgetDeferral(gone.Path);
        }
    }

    public IReadOnlyList<InboxDeferral> Deferrals() =>
        warehouse.Query<InboxDeferral>(
            """
            SELECT path AS Path, file_name AS FileName, first_deferred_at AS FirstDeferredAt, last_deferred_at AS LastDeferredAt,
                   deferrals AS Deferrals, reason AS Reason, is_overdue AS IsOverdue
            FROM etl.inbox_deferral ORDER BY first_deferred_at, path
            """);

    public IReadOnlyList<InboxAttempt> Attempts() =>
        warehouse.Query<InboxAttempt>(
            """
            SELECT sha256 AS Sha256, file_name AS FileName, attempts AS Attempts, first_attempt_at AS FirstAttemptAt,
                   last_run_id AS LastRunId, last_reason AS LastReason
            FROM etl.inbox_attempt ORDER BY first_attempt_at, sha256
            """);

    private static string PathKey(string path) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(path))).ToLowerInvariant();
}
