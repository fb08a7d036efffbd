using System.Diagnostics;
using Dapper;
using DuckDB.NET.Data;

namespace Cchc.Warehouse.Engines.DuckDb;

/// <summary>What a publish wrote.</summary>
public sealed record PublishedCopy(string Path, long SizeBytes, TimeSpan Elapsed);

/// <summary>
/// Writes the read-only copy that Power BI (DuckDB ODBC) and other readers open, so that readers never meet the
/// writer: DuckDB allows one writer process or many reader processes on a file, never both.
/// <para>
/// The copy is built beside the destination with <c>ATTACH</c> + <c>COPY FROM DATABASE … (SCHEMA)</c> and one
/// <c>INSERT … SELECT</c> per table, in one transaction (a consistent snapshot of committed data), checkpointed so that
/// it is one self-contained file, detached, and then renamed over the destination. Quarantined rows' raw values (which
/// may hold applicants' data), file paths and host names never reach it. The rename is atomic: a reader that already
/// has the old copy open keeps reading the old file to the end of its session, and the next open sees the new one.
/// </para>
/// </summary>
internal static class DuckDbPublisher
{
    private const string Alias = "cchc_publish";
    private const int RenameAttempts = 5;

    /// <summary><c>x/cchc.duckdb</c> → <c>x/cchc.published.duckdb</c>.</summary>
    public static string DefaultPath(string warehousePath)
    {
        if (warehousePath == ":memory:")
        {
            throw new InvalidOperationException("An in-memory warehouse has no file beside which to publish; give a destination.");
        }

        var full = Path.GetFullPath(warehousePath);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".published.duckdb");
    }

    public static PublishedCopy Publish(DuckDBConnection connection, string warehousePath, string destination)
    {
        var clock = Stopwatch.StartNew();
        var target = Path.GetFullPath(destination);
        if (warehousePath != ":memory:" && string.Equals(target, Path.GetFullPath(warehousePath), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The published copy cannot be the warehouse itself ({target}).");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        RemoveAbandonedCopies(target);
        var temp = $"{target}.tmp-{Environment.ProcessId}";
        DeleteIfExists(temp);
        DeleteIfExists(temp + ".wal");
        var catalog = connection.ExecuteScalar<string>("SELECT current_database()")!;

        // ATTACH takes no parameters: the path is our own, quoted as a SQL string literal.
        connection.Execute($"ATTACH {Literal(temp)} AS {Alias}");
        try
        {
            // The shape first, then the rows table by table, in one transaction (a consistent snapshot), with what
            // readers must not see left out: quarantined rows' raw values (applicants' data), folders, host names.
            var tables = connection.Query<(string Schema, string Table)>(
                "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT internal ORDER BY schema_name, table_name").ToList();
            using (var transaction = connection.BeginTransaction())
            {
                connection.Execute($"COPY FROM DATABASE {Identifier(catalog)} TO {Alias} (SCHEMA)", transaction: transaction);
                foreach (var (schema, table) in tables)
                {
                    connection.Execute(
                        $"INSERT INTO {Alias}.{Identifier(schema)}.{Identifier(table)} SELECT {Projection(schema, table)} FROM {Identifier(catalog)}.{Identifier(schema)}.{Identifier(table)}",
                        transaction: transaction);
                }

                transaction.Commit();
            }

            connection.Execute($"CHECKPOINT {Alias}");
        }
        catch
        {
            connection.Execute($"DETACH {Alias}");
            DeleteIfExists(temp);
            DeleteIfExists(temp + ".wal");
            throw;
        }

        connection.Execute($"DETACH {Alias}");
        DeleteIfExists(temp + ".wal");
        ReplaceAtomically(temp, target);
        return new PublishedCopy(target, new FileInfo(target).Length, clock.Elapsed);
    }

    /// <summary>
    /// rename(2) on Linux and macOS replaces the name even while readers hold the old file open. On Windows a reader
    /// that opened the old copy without delete sharing makes the replace fail for as long as it holds it: retry a few
    /// times, then give up with a clear message and leave the old copy in place; the next publish tries again.
    /// </summary>
    private static void ReplaceAtomically(string temp, string target)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                File.Move(temp, target, overwrite: true);
                return;
            }
            catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && attempt < RenameAttempts)
            {
                Thread.Sleep(200 * attempt);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                DeleteIfExists(temp);
                throw new IOException(
                    $"Could not replace the published copy {target}: {e.Message} A reader holds it open in a way that blocks replacing it; the previous copy stays as it was. Run 'cchc publish' again when the reader has finished.",
                    e);
            }
        }
    }

    /// <summary>
    /// A publish killed halfway leaves its half-written copy (<c>x.published.duckdb.tmp-PID</c> and its .wal) beside
    /// the destination; the next publish removes those of processes that no longer run. The destination itself was
    /// never touched (the rename is the last step), so readers lost nothing.
    /// </summary>
    internal static IReadOnlyList<string> RemoveAbandonedCopies(string target)
    {
        var removed = new List<string>();
        var directory = Path.GetDirectoryName(target)!;
        var prefix = Path.GetFileName(target) + ".tmp-";
        foreach (var path in Directory.EnumerateFiles(directory, prefix + "*"))
        {
            var rest = Path.GetFileName(path)[prefix.Length..];
            var pidText = rest.EndsWith(".wal", StringComparison.Ordinal) ? rest[..^4] : rest;
            if (!int.TryParse(pidText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId || ProcessLiveness.IsRunning(pid))
            {
                continue;
            }

            try
            {
                File.Delete(path);
                removed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still held (another host's process on a share?): left for a later publish.
            }
        }

        return removed;
    }

    /// <summary>Every column, except those the published copy leaves out (still kept in the warehouse itself).</summary>
    private static string Projection(string schema, string table) => (schema, table) switch
    {
        ("etl", "quarantine") => "* REPLACE (CAST(NULL AS VARCHAR) AS raw_values)",
        ("etl", "file") => "* REPLACE (file_name AS path)",
        ("etl", "run") => "* REPLACE ('' AS host)",
        ("etl", "inbox_deferral") => "* REPLACE (file_name AS path)",
        _ => "*",
    };

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
