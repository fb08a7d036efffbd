using System.Text.RegularExpressions;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Cli.Tests.Nightly;

/// <summary>
/// The environment failing under <c>cchc nightly</c>: the warehouse's disk fills up (a small tmpfs; where mounting is
/// not permitted, a file-size limit on the child process, <c>ulimit -f</c>, which kills it with SIGXFSZ when the
/// warehouse grows past it), a per-process file-size limit, and a read-only inbox (tmpfs remounted read-only). Each
/// ends with a clear outcome, the warehouse at a committed state, every file still somewhere, and the next run
/// finishing the work. (Locked, zero-byte and growing files: NightlyJobTests and NightlyCommandTests.)
/// </summary>
public sealed class NightlyFaultTests : IDisposable
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(3);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-fault-" + Guid.NewGuid().ToString("N")[..12]);

    public NightlyFaultTests()
    {
        Directory.CreateDirectory(_root);
    }

    [SkippableFact]
    public void A_full_disk_stops_the_run_at_its_last_commit_and_the_next_run_finishes_the_work()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (tmpfs, or bash ulimit as the fallback)");
        using var volume = TmpfsVolume.TryMount(Path.Combine(_root, "volume"), 48, out var whyNot);
        if (volume is null)
        {
            // Fallback where mounting is not permitted: the same property under a file-size limit.
            A_file_size_limit_kills_the_run_and_the_next_run_finishes_the_work();
            return;
        }

        var inbox = Path.Combine(_root, "inbox");
        NightlyInbox.Write(inbox, NightlyInbox.Loadable.Take(6));
        var target = new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(volume.Path, "warehouse.duckdb"));
        WarehouseFactory.Open(target).Dispose(); // the schema fits; the loads will not
        var filler = volume.Fill(leave: 160 * 1024);

        using (var full = CliProcess.Start(Args(inbox, target), _root))
        {
            var code = full.WaitForExit(RunLimit);
            Assert.True(code == CliApp.EnvironmentFailure && Regex.IsMatch(full.Output, "(?i)no space|disk|could not write|IO Error")
                        && full.Output.Contains("run.abort", StringComparison.Ordinal), $"exit {code}:{Environment.NewLine}{full.Output}");
        }

        File.Delete(filler);
        var after = WarehouseSnapshot.Read(target);
        Assert.Equal(0, after.LoadingFiles);
        Assert.Equal(0, after.OrphanFactRows);
        var waiting = Directory.GetFiles(inbox).Select(Path.GetFileName).ToList();
        Assert.True(waiting.Count > 0, "the disk never filled: every file loaded");
        Assert.False(Directory.Exists(Path.Combine(inbox, "failed")) && Directory.GetFiles(Path.Combine(inbox, "failed")).Length > 0,
            "a file was failed for the disk's fault; it must stay in the inbox for the next run");
        Assert.Equal(6, waiting.Count + after.Loaded.Count(f => f.FactRows > 0));

        AssertNextRunCompletes(inbox, target, 6);
    }

    [SkippableFact]
    public void A_file_size_limit_kills_the_run_and_the_next_run_finishes_the_work()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs bash ulimit (Linux)");
        var inbox = Path.Combine(_root, "limited-inbox");
        NightlyInbox.Write(inbox, NightlyInbox.Loadable.Take(6));
        var target = new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(_root, "limited.duckdb"));
        WarehouseFactory.Open(target).Dispose();

        // 256 KiB per file: the loads' write-ahead log outgrows it, and the kernel stops the process (SIGXFSZ).
        using (var limited = CliProcess.Start(Args(inbox, target), _root, shellPrefix: "ulimit -f 256;"))
        {
            Assert.NotEqual(CliApp.Ok, limited.WaitForExit(RunLimit));
        }

        var after = WarehouseSnapshot.Read(target);
        Assert.Equal(0, after.LoadingFiles);
        Assert.Equal(0, after.OrphanFactRows);
        var waiting = Directory.GetFiles(inbox).Length;
        Assert.True(waiting > 0, "the limit was never reached: every file loaded");
        Assert.Equal(6, waiting + after.Loaded.Count);

        AssertNextRunCompletes(inbox, target, 6);
    }

    [SkippableFact]
    public void A_read_only_inbox_loads_everything_moves_nothing_and_the_next_run_tidies_up()
    {
        var inbox = Path.Combine(_root, "ro-inbox");
        using var volume = TmpfsVolume.TryMount(inbox, 16, out var whyNot);
        Skip.IfNot(OperatingSystem.IsLinux(), "needs Linux (tmpfs, chattr or chmod)");
        NightlyInbox.Write(inbox, count: 2);
        File.WriteAllBytes(Path.Combine(inbox, "zz-empty.xlsx"), []);

        // Read-only by the strongest means at hand: a read-only remount; for root without mount rights the immutable
        // attribute (root passes through chmod); chmod for ordinary users.
        ImmutableDirectory? immutable = null;
        var chmodded = false;
        if (volume is not null)
        {
            volume.RemountReadOnly();
        }
        else if (Environment.UserName == "root")
        {
            immutable = ImmutableDirectory.TryApply(inbox, out var whyNotImmutable);
            Skip.If(immutable is null, $"cannot make a read-only inbox for root here: {whyNot}; {whyNotImmutable}");
        }
        else if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(inbox, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            chmodded = true;
        }

        using var releaseOnFailure = immutable;
        var target = new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(_root, "ro.duckdb"));
        var log = Path.Combine(_root, "ro.log");
        var first = CliHarness.Run(["nightly", "--inbox", inbox, "--warehouse", target.ToString(), "--settle", "0", "--log", log]);

        Assert.Equal(CliApp.Failed, first.ExitCode); // the zero-byte file
        Assert.Contains("2 loaded, 0 unchanged, 0 deferred, 1 failed", first.Out);
        Assert.Contains("could not move it", first.Out);
        Assert.Equal(3, Directory.GetFiles(inbox).Length);
        var loaded = WarehouseSnapshot.Read(target);
        Assert.Equal(2, loaded.Loaded.Count);

        if (chmodded && OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(inbox, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else if (immutable is not null)
        {
            immutable.Release();
        }
        else
        {
            volume!.RemountReadWrite();
        }

        var second = CliHarness.Run(["nightly", "--inbox", inbox, "--warehouse", target.ToString(), "--settle", "0", "--log", log]);

        Assert.Contains("0 loaded, 2 unchanged, 0 deferred, 1 failed", second.Out);
        Assert.Empty(Directory.GetFiles(inbox));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(inbox, "processed")).Length);
        var tidied = WarehouseSnapshot.Read(target);
        Assert.Equal(loaded.TableRows, tidied.TableRows);
        Assert.Equal(loaded.FactChecksums, tidied.FactChecksums);
    }

    private static string[] Args(string inbox, WarehouseTarget target) =>
        ["nightly", "--inbox", inbox, "--warehouse", target.ToString(), "--settle", "0"];

    /// <summary>With the fault gone, one run loads what was left; the result equals a run that never met the fault.</summary>
    private void AssertNextRunCompletes(string inbox, WarehouseTarget target, int files)
    {
        var rerun = CliHarness.Run(Args(inbox, target));
        Assert.True(rerun.ExitCode == CliApp.Ok, rerun.Err);
        Assert.Empty(Directory.GetFiles(inbox));

        var referenceInbox = Path.Combine(_root, "reference-" + Path.GetFileName(inbox));
        NightlyInbox.Write(referenceInbox, NightlyInbox.Loadable.Take(files));
        var reference = new WarehouseTarget(WarehouseTarget.DuckDb, Path.Combine(_root, "reference-" + Path.GetFileName(inbox) + ".duckdb"));
        Assert.Equal(CliApp.Ok, CliHarness.Run(Args(referenceInbox, reference)).ExitCode);
        var expected = WarehouseSnapshot.Read(reference);
        var actual = WarehouseSnapshot.Read(target);
        Assert.Equal(expected.TableRows, actual.TableRows);
        Assert.Equal(expected.FactChecksums, actual.FactChecksums);
        Assert.Equal(expected.Loaded.Select(f => (f.Name, f.FactRows)), actual.Loaded.Select(f => (f.Name, f.FactRows)));
        Assert.DoesNotContain("running", actual.RunStatuses);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
