using Cchc.TestSupport;
using Cchc.Warehouse;
using Xunit.Abstractions;

namespace Cchc.Cli.Tests.Nightly;

/// <summary>
/// Crash safety of <c>cchc nightly</c>: a real child process is killed (SIGKILL) again and again at different points
/// of its run; after every kill the warehouse opens at a committed state and the inbox has lost nothing; an
/// uninterrupted run then finishes the work, and the result is the same, row for row, as a run never interrupted.
/// </summary>
public sealed class NightlyKillTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Where each kill lands: after the n-th event of the run ("run.start" = warehouse open, "file" = a file
    /// done), plus a fraction of one file's load time; and one kill while the process is still starting.</summary>
    private static readonly (string Event, int Count, double FileFraction)[] KillPoints =
    [
        ("start", 0, 0.0),
        ("run.start", 1, 0.0),
        ("run.start", 1, 0.5),
        ("file", 1, 0.0),
        ("file", 1, 0.3),
        ("file", 1, 0.7),
        ("file", 2, 0.5),
        ("file", 1, 0.95),
    ];

    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-kill-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Killing_nightly_at_any_point_loses_nothing_and_the_next_run_completes_the_work()
    {
        var reference = ReferenceRun();
        var inbox = Path.Combine(_root, "inbox");
        NightlyInbox.Write(inbox);
        var target = new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(_root, "killed.duckdb"));
        var args = NightlyArgs(inbox, target);
        var fileTime = TimeSpan.FromMilliseconds(300);
        var kills = 0;

        foreach (var (name, count, fraction) in KillPoints)
        {
            using var child = CliProcess.Start(args, _root);
            if (name == "start")
            {
                Thread.Sleep(fileTime);
            }
            else if (child.WaitForEvent(name, count, RunLimit))
            {
                fileTime = MeasuredFileTime(child) ?? fileTime;
                Thread.Sleep(fileTime * fraction);
            }

            var killed = child.Kill();
            kills += killed ? 1 : 0;
            var point = $"kill at {name} #{count} + {fraction:0.00} of a file ({(killed ? "killed" : "had already exited")} after {child.Elapsed.TotalSeconds:0.00} s)";
            var state = WarehouseSnapshot.Read(target);
            output.WriteLine($"{point}: {state.Loaded.Count} files committed, {state.TotalFactRows} fact rows, {Directory.GetFiles(inbox).Length} files waiting");
            AssertCommittedState(point, state, reference.Snapshot);
            AssertNothingLost(point, inbox);
        }

        Assert.True(kills >= 5, $"only {kills} of {KillPoints.Length} kills interrupted a running process; the inbox is too small for the kill points");

        using (var last = CliProcess.Start(args, _root))
        {
            Assert.Contains(last.WaitForExit(RunLimit), new[] { CliApp.Ok, CliApp.Failed });
        }

        var final = WarehouseSnapshot.Read(target);
        Assert.Equal(reference.Snapshot.TableRows, final.TableRows);
        Assert.Equal(reference.Snapshot.FactChecksums, final.FactChecksums);
        Assert.Equal(reference.Snapshot.Loaded.Select(f => (f.Name, f.Sha256, f.FactRows, f.RowsQuarantined)),
            final.Loaded.Select(f => (f.Name, f.Sha256, f.FactRows, f.RowsQuarantined)));
        Assert.Equal(0, final.OrphanFactRows);
        Assert.DoesNotContain("running", final.RunStatuses);
        Assert.InRange(final.RunStatuses.Count(s => s == "interrupted"), 1, kills); // a kill before the run began leaves no run
        Assert.Equal(reference.Folders.ToString(), Folders(inbox).ToString());
    }

    /// <summary>The same inbox loaded by one uninterrupted <c>cchc nightly</c> (in-process: the same code path).</summary>
    private (WarehouseSnapshot Snapshot, InboxState Folders) ReferenceRun()
    {
        var inbox = Path.Combine(_root, "reference-inbox");
        NightlyInbox.Write(inbox);
        var target = new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(_root, "reference.duckdb"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CliApp.Run([.. NightlyArgs(inbox, target)], stdout, stderr);

        Assert.True(code == CliApp.Failed, $"the reference run should fail only its two bad files (exit 1), got {code}:{Environment.NewLine}{stderr}");
        var snapshot = WarehouseSnapshot.Read(target);
        Assert.Equal(NightlyInbox.Files.Count - NightlyInbox.Failing.Count - 1, snapshot.Loaded.Count); // one file is a byte-identical copy
        Assert.True(snapshot.TotalFactRows > 10_000, $"the reference loaded only {snapshot.TotalFactRows} rows");
        return (snapshot, Folders(inbox));
    }

    private static string[] NightlyArgs(string inbox, WarehouseTarget target) =>
        ["nightly", "--inbox", inbox, "--warehouse", target.ToString(), "--settle", "0", "--wait", "30"];

    /// <summary>After a kill: no load half-visible, the loaded files are the first ones of the reference's order with
    /// exactly their rows, and no fact row without its file and run.</summary>
    private static void AssertCommittedState(string point, WarehouseSnapshot now, WarehouseSnapshot reference)
    {
        Assert.True(now.LoadingFiles == 0, $"{point}: etl.file shows {now.LoadingFiles} 'loading' row(s)");
        Assert.True(now.OrphanFactRows == 0, $"{point}: {now.OrphanFactRows} fact rows without a loaded file or a run");
        var prefix = reference.Loaded.Take(now.Loaded.Count).ToList();
        Assert.True(prefix.Select(f => (f.Name, f.FactRows)).SequenceEqual(now.Loaded.Select(f => (f.Name, f.FactRows))),
            $"{point}: loaded [{string.Join(", ", now.Loaded.Select(f => $"{f.Name}: {f.FactRows}"))}] is not a prefix of the reference's " +
            $"[{string.Join(", ", reference.Loaded.Select(f => $"{f.Name}: {f.FactRows}"))}]");
        Assert.Equal(prefix.Sum(f => f.FactRows), now.TotalFactRows);
    }

    /// <summary>Every inbox file is in exactly one place: still in the inbox, in processed/ or in failed/.</summary>
    private static void AssertNothingLost(string point, string inbox)
    {
        var state = Folders(inbox);
        var everywhere = state.Waiting.Concat(state.Processed).Concat(state.Failed).Order(StringComparer.Ordinal).ToList();
        Assert.True(everywhere.SequenceEqual(NightlyInbox.Files.Order(StringComparer.Ordinal)), $"{point}: {state}");
        Assert.All(state.Failed, f => Assert.Contains(f, NightlyInbox.Failing));
    }

    private static InboxState Folders(string inbox)
    {
        static IReadOnlyList<string> Names(string folder) => !Directory.Exists(folder) ? [] : Directory.GetFiles(folder)
            .Select(Path.GetFileName).OfType<string>().Where(n => !n.EndsWith(".reason.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return new InboxState(Names(inbox), Names(Path.Combine(inbox, "processed")), Names(Path.Combine(inbox, "failed")));
    }

    /// <summary>Data files (not reason notes) in the inbox and its processed/ and failed/ folders.</summary>
    private sealed record InboxState(IReadOnlyList<string> Waiting, IReadOnlyList<string> Processed, IReadOnlyList<string> Failed)
    {
        public override string ToString() =>
            $"inbox [{string.Join(", ", Waiting)}], processed [{string.Join(", ", Processed)}], failed [{string.Join(", ", Failed)}]";
    }

    /// <summary>How long the child took for its last file (between its last two events), once it has done one.</summary>
    private static TimeSpan? MeasuredFileTime(CliProcess child)
    {
        for (var n = 64; n >= 1; n--)
        {
            if (child.EventTime("file", n) is { } at)
            {
                return at - (n == 1 ? child.EventTime("run.start", 1)!.Value : child.EventTime("file", n - 1)!.Value);
            }
        }

        return null;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a killed child may still hold a handle for a moment; the OS temp cleaner takes the rest
        }
    }
}
