using Cchc.Etl.Loading;
using Cchc.Etl.Nightly;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Nightly;

/// <summary>
/// A night with hostile and misbehaving files beside good ones, through the real loaders: one file never stops the
/// run, attempts are counted per content hash (a file that keeps failing — or keeps taking the process down — moves to
/// failed/ after the limit), a file deferred too long is reported loudly, and every run ends with a recorded status.
/// </summary>
public sealed class NightlyHostileTests : IDisposable
{
    private readonly TempWarehouse _temp = new();
    private readonly string _inbox;
    private readonly StringWriter _console = new();

    public NightlyHostileTests()
    {
        _inbox = Path.Combine(_temp.Directory, "inbox");
        Directory.CreateDirectory(_inbox);
    }

    private IWarehouse W => _temp.Warehouse;

    private string LogFile => Path.Combine(_temp.Directory, "nightly.jsonl");

    private NightlyResult Night(IReadOnlyList<IFileLoader>? loaders = null, NightlyOptions? options = null)
    {
        using var log = new RunLog(_console, LogFile);
        return new NightlyJob(W, options ?? new NightlyOptions(_inbox) { SettleTime = TimeSpan.Zero }, log, loaders).Run([]);
    }

    private void Drop(string fixture, string name, int minutesOld)
    {
        var path = Path.Combine(_inbox, name);
        File.Copy(fixture, path, overwrite: true);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-minutesOld));
    }

    private void DropHostileAndGood()
    {
        Drop(SharedData.Fixture("pci", "same-name", "2017", "PCI.xlsx"), "PCI.xlsx", 50);
        Drop(SharedData.Fixture("docx", "hostile", "huge-gridspan.docx"), "Phụ lục kế hoạch.docx", 40);
        Drop(SharedData.Fixture("docx", "hostile", "entity-expansion.docx"), "bao-cao.docx", 30);
        Drop(SharedData.Fixture("plan", "same-name", "lam-dong", "Phụ lục.csv"), "Phụ lục.csv", 20);
        Drop(SharedData.Fixture("onestop", "semicolon-bom-datetime.csv"), "export.csv", 10);
    }

    private IReadOnlyList<string> Runs() => W.Query<string>("SELECT status FROM etl.run ORDER BY run_id");

    [Fact]
    public void A_hostile_file_beside_good_ones_fails_alone_and_a_second_night_with_it_again_neither_dies_nor_reloads()
    {
        DropHostileAndGood();

        var first = Night();

        var outcomes = first.Files.ToDictionary(f => f.File, f => f.Outcome);
        Assert.Equal(InboxOutcome.Loaded, outcomes["PCI.xlsx"]);
        Assert.Equal(InboxOutcome.Loaded, outcomes["Phụ lục.csv"]);
        Assert.Equal(InboxOutcome.Loaded, outcomes["export.csv"]);
        Assert.Equal(InboxOutcome.Failed, outcomes["Phụ lục kế hoạch.docx"]);
        Assert.Equal(InboxOutcome.Failed, outcomes["bao-cao.docx"]);
        Assert.Contains("w:gridSpan is 2,000,000,000", first.Files.Single(f => f.File == "Phụ lục kế hoạch.docx").Reason);
        Assert.Contains("DTD", first.Files.Single(f => f.File == "bao-cao.docx").Reason);
        Assert.Contains("gridSpan", File.ReadAllText(Path.Combine(_inbox, "failed", "Phụ lục kế hoạch.docx.reason.txt")));
        var facts = FactRows();
        Assert.True(facts > 0);
        Assert.Equal(["partial"], Runs());

        // The operator drops the same files again: the hostile ones fail again, cleanly; the good ones are unchanged.
        DropHostileAndGood();
        var second = Night();

        Assert.Equal(3, second.Count(InboxOutcome.Skipped));
        Assert.Equal(2, second.Count(InboxOutcome.Failed));
        Assert.Equal(0, second.Count(InboxOutcome.Loaded));
        Assert.Equal(facts, FactRows());
        Assert.Equal(3L, W.Query<long>("SELECT COUNT(*) FROM etl.file WHERE status = 'loaded'").Single());
        Assert.Equal(["partial", "failed"], Runs());
        Assert.Empty(InboxScanner.Scan(_inbox));
        Assert.Empty(W.Query<string>("SELECT sha256 FROM etl.inbox_attempt"));
    }

    [Fact]
    public void A_file_that_keeps_failing_unexpectedly_is_retried_then_moved_to_failed_after_the_limit()
    {
        Drop(SharedData.Fixture("onestop", "semicolon-bom-datetime.csv"), "export.csv", 20);
        File.WriteAllText(Path.Combine(_inbox, "odd.boom"), "anything");
        IReadOnlyList<IFileLoader> loaders = [new ThrowingLoader(() => new InvalidOperationException("a reader bug")), .. LoaderRegistry.All];

        var nights = Enumerable.Range(0, 3).Select(_ => Night(loaders)).ToList();

        var odd = nights.Select(n => n.Files.Single(f => f.File == "odd.boom")).ToList();
        Assert.Equal([InboxOutcome.Retrying, InboxOutcome.Retrying, InboxOutcome.Failed], odd.Select(f => f.Outcome));
        Assert.Contains("attempt 1 of 3 failed: could not be loaded (InvalidOperationException): a reader bug", odd[0].Reason);
        Assert.Contains("attempt 2 of 3 failed", odd[1].Reason);
        Assert.Contains("gave up after 3 failed attempts (limit 3); the last: could not be loaded (InvalidOperationException): a reader bug", odd[2].Reason);
        Assert.True(File.Exists(Path.Combine(_inbox, "failed", "odd.boom.reason.txt")));
        Assert.Equal(InboxOutcome.Loaded, nights[0].Files.Single(f => f.File == "export.csv").Outcome);
        Assert.False(nights[0].Succeeded);
        Assert.Equal(["partial", "failed", "failed"], Runs());
        Assert.Empty(W.Query<string>("SELECT sha256 FROM etl.inbox_attempt"));
        Assert.Equal(3L, W.Query<long>("SELECT COUNT(*) FROM etl.file WHERE file_name = 'odd.boom' AND status = 'failed'").Single());
    }

    [Fact]
    public void Running_out_of_memory_on_one_file_is_that_file_s_failed_attempt_not_the_run_s_end()
    {
        File.WriteAllText(Path.Combine(_inbox, "a-huge.boom"), "anything");
        File.SetLastWriteTimeUtc(Path.Combine(_inbox, "a-huge.boom"), DateTime.UtcNow.AddMinutes(-30));
        Drop(SharedData.Fixture("onestop", "semicolon-bom-datetime.csv"), "export.csv", 10);
#pragma warning disable CA2201 // stands in for the runtime's own: a reader that asked for an array too big for memory
        IReadOnlyList<IFileLoader> loaders = [new ThrowingLoader(() => new OutOfMemoryException("Array dimensions exceeded supported range.")), .. LoaderRegistry.All];
#pragma warning restore CA2201

        var night = Night(loaders);

        Assert.Equal(InboxOutcome.Retrying, night.Files[0].Outcome);
        Assert.Contains("OutOfMemoryException", night.Files[0].Reason);
        Assert.Equal(InboxOutcome.Loaded, night.Files[1].Outcome);
        Assert.Equal(["partial"], Runs());
    }

    [Fact]
    public void An_attempt_that_took_the_process_down_counts_and_the_file_moves_to_failed_at_the_limit()
    {
        var path = Path.Combine(_inbox, "crasher.docx");
        File.Copy(SharedData.Fixture("docx", "hostile", "deep-nesting.docx"), path);
        var sha = FileHash.Sha256(path);
        var memory = new InboxMemory(W);
        for (var run = 1; run <= 3; run++)
        {
            memory.BeginAttempt(sha, "crasher.docx", run); // each night died on it before the attempt could end
        }

        var night = Night();

        var crasher = night.Files.Single();
        Assert.Equal(InboxOutcome.Failed, crasher.Outcome);
        Assert.Contains("gave up after 3 failed attempts (limit 3); the last: the attempt in run 3 never finished (the process ended while on this file", crasher.Reason);
        Assert.True(File.Exists(Path.Combine(_inbox, "failed", "crasher.docx")));
        Assert.Equal(["failed"], Runs());
    }

    [Fact]
    public void The_machine_failing_on_a_file_stops_the_run_with_a_recorded_status_and_does_not_count_an_attempt()
    {
        Drop(SharedData.Fixture("onestop", "semicolon-bom-datetime.csv"), "z-export.csv", 10);
        File.WriteAllText(Path.Combine(_inbox, "a-first.boom"), "anything");
        File.SetLastWriteTimeUtc(Path.Combine(_inbox, "a-first.boom"), DateTime.UtcNow.AddMinutes(-30));
        IReadOnlyList<IFileLoader> loaders =
            [new ThrowingLoader(() => new WarehouseCommitException("The commit failed: IO Error: No space left on device", new IOException("No space left on device"))), .. LoaderRegistry.All];

        var night = Night(loaders);

        Assert.Equal([InboxOutcome.Aborted], night.Files.Select(f => f.Outcome));
        Assert.Equal(["failed"], Runs());
        Assert.Empty(W.Query<string>("SELECT sha256 FROM etl.inbox_attempt"));
        Assert.Equal(2, InboxScanner.Scan(_inbox).Count);
    }

    [Fact]
    public void A_file_deferred_longer_than_the_alert_time_is_reported_loudly()
    {
        var locked = Path.Combine(_inbox, "locked.csv");
        File.Copy(SharedData.Fixture("onestop", "semicolon-bom-datetime.csv"), locked);
        var options = new NightlyOptions(_inbox) { SettleTime = TimeSpan.Zero, DeferredAlertAfter = TimeSpan.Zero };
        NightlyResult first, second;
        using (new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            first = Night(options: options);
            Thread.Sleep(20);
            second = Night(options: options);
        }

        Assert.False(first.Files.Single().Overdue);
        Assert.True(second.Files.Single().Overdue);
        Assert.EndsWith("1 overdue in the inbox", second.Summary);
        Assert.Contains(File.ReadAllLines(LogFile), l => l.Contains("\"event\":\"file.overdue\"", StringComparison.Ordinal) && l.Contains("OVERDUE", StringComparison.Ordinal));
        var deferral = new InboxMemory(W).Deferrals().Single();
        Assert.True(deferral.IsOverdue);
        Assert.Equal(2, deferral.Deferrals);

        var third = Night(options: options);
        Assert.Equal(InboxOutcome.Loaded, third.Files.Single().Outcome);
        Assert.Empty(new InboxMemory(W).Deferrals());
    }

    private long FactRows() =>
        W.Query<long>("SELECT (SELECT COUNT(*) FROM dw.fact_index_score) + (SELECT COUNT(*) FROM dw.fact_remediation_task) + (SELECT COUNT(*) FROM dw.fact_dossier)").Single();

    public void Dispose()
    {
        _console.Dispose();
        _temp.Dispose();
    }

    /// <summary>A loader of *.boom files that throws what it is given: a reader's bug, memory, the machine.</summary>
    private sealed class ThrowingLoader(Func<Exception> failure) : IFileLoader
    {
        public string Kind => "boom";

        public bool Recognises(string path) => path.EndsWith(".boom", StringComparison.Ordinal);

        public FileLoadResult Load(IWarehouse warehouse, long runId, string path) => throw failure();
    }
}
