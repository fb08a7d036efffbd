using Cchc.Etl.Nightly;
using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Engines.DuckDb;

namespace Cchc.Etl.Tests.Nightly;

public sealed class NightlyJobTests : IDisposable
{
    private readonly TempWarehouse _temp = new();
    private readonly string _inbox;
    private readonly StringWriter _console = new();

    public NightlyJobTests()
    {
        _inbox = Path.Combine(_temp.Directory, "inbox");
        Directory.CreateDirectory(_inbox);
    }

    private IWarehouse W => _temp.Warehouse;

    private NightlyResult RunNightly(TimeSpan? settle = null)
    {
        using var log = new RunLog(_console, Path.Combine(_temp.Directory, "nightly.log"));
        var options = new NightlyOptions(_inbox) { SettleTime = settle ?? TimeSpan.FromMilliseconds(20) };
        return new NightlyJob(W, options, log, [TinyScoreSource.Loader]).Run([]);
    }

    private string Inbox(string name) => Path.Combine(_inbox, name);

    private long Scores() => W.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single();

    [Fact]
    public void Each_file_gets_its_own_outcome_and_goes_where_it_belongs()
    {
        TinyScoreSource.Write(Inbox("a.csv"), ("Lâm Đồng", 2017, 63.5), ("Quảng Ninh", 2017, 70.69));
        TinyScoreSource.Write(Inbox("b.csv"), ("Atlantis", 2018, 50));
        File.WriteAllText(Inbox("notes.csv"), "hello,world\n1,2\n");
        File.WriteAllBytes(Inbox("empty.xlsx"), []);
        TinyScoreSource.Write(Inbox("c.csv"), ("HCMC", 2018, 65));

        var result = RunNightly();

        Assert.False(result.Succeeded);
        var outcomes = result.Files.ToDictionary(f => f.File, f => f.Outcome);
        Assert.Equal(InboxOutcome.Loaded, outcomes["a.csv"]);
        Assert.Equal(InboxOutcome.Failed, outcomes["b.csv"]);
        Assert.Equal(InboxOutcome.Failed, outcomes["notes.csv"]);
        Assert.Equal(InboxOutcome.Failed, outcomes["empty.xlsx"]);
        Assert.Equal(InboxOutcome.Loaded, outcomes["c.csv"]);
        Assert.Equal(3, Scores());
        Assert.Contains("unknown province 'Atlantis'", result.Files.Single(f => f.File == "b.csv").Reason);
        Assert.Contains("row 2", result.Files.Single(f => f.File == "b.csv").Reason);
        Assert.True(File.Exists(Path.Combine(_inbox, "processed", "a.csv")));
        Assert.True(File.Exists(Path.Combine(_inbox, "failed", "b.csv")));
        Assert.Contains("Atlantis", File.ReadAllText(Path.Combine(_inbox, "failed", "b.csv.reason.txt")));
        Assert.Empty(InboxScanner.Scan(_inbox));

        var run = W.Query<(string Status, int Loaded, int Failed)>("SELECT status, files_loaded, files_failed FROM etl.run WHERE run_id = @id", new { id = result.RunId }).Single();
        Assert.Equal(("partial", 2, 3), run);
        Assert.All(W.Query<long>("SELECT DISTINCT run_id FROM dw.fact_index_score"), id => Assert.Equal(result.RunId, id));
        var logLines = File.ReadAllLines(Path.Combine(_temp.Directory, "nightly.log"));
        Assert.All(logLines, l => Assert.StartsWith("{\"ts\":", l));
        Assert.Contains(logLines, l => l.Contains("\"event\":\"run.end\"") );
        Assert.Contains(logLines, l => l.Contains("\"ms\":"));
    }

    [Fact]
    public void Rerunning_with_the_same_file_changes_nothing()
    {
        TinyScoreSource.Write(Inbox("a.csv"), ("Lâm Đồng", 2017, 63.5));
        RunNightly();
        File.Copy(Path.Combine(_inbox, "processed", "a.csv"), Inbox("a.csv"));

        var second = RunNightly();

        Assert.Equal(InboxOutcome.Skipped, second.Files.Single().Outcome);
        Assert.True(second.Succeeded);
        Assert.Equal(1, Scores());
        Assert.Equal(1L, W.Query<long>("SELECT COUNT(*) FROM etl.file").Single());
    }

    [Fact]
    public void A_corrected_file_replaces_the_years_it_covers_and_leaves_the_others_to_its_earlier_version()
    {
        TinyScoreSource.Write(Inbox("pci.csv"), ("Lâm Đồng", 2016, 60), ("Lâm Đồng", 2017, 63.5));
        RunNightly();
        TinyScoreSource.Write(Inbox("pci.csv"), ("Lâm Đồng", 2017, 64));

        var second = RunNightly();

        // File identity is what a file covers, not its name: the second pci.csv covers 2017 only.
        Assert.Equal(InboxOutcome.Loaded, second.Files.Single().Outcome);
        Assert.Equal([(2016, 60.0), (2017, 64.0)], W.Query<(int, double)>("SELECT year, score FROM dw.fact_index_score ORDER BY year"));
        Assert.Equal(["loaded", "loaded"], W.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(_inbox, "processed")).Length);

        TinyScoreSource.Write(Inbox("scores, corrected.csv"), ("Lâm Đồng", 2016, 61), ("Lâm Đồng", 2017, 65));
        RunNightly();

        // A file that covers everything both earlier ones covered retires them, whatever it is called.
        Assert.Equal([(2016, 61.0), (2017, 65.0)], W.Query<(int, double)>("SELECT year, score FROM dw.fact_index_score ORDER BY year"));
        Assert.Equal(["replaced", "replaced", "loaded"], W.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    [Fact]
    public async Task A_file_still_being_written_or_locked_is_left_for_the_next_run()
    {
        var growing = Inbox("growing.csv");
        TinyScoreSource.Write(growing, ("Lâm Đồng", 2017, 63.5));
        var locked = Inbox("locked.csv");
        TinyScoreSource.Write(locked, ("Quảng Ninh", 2017, 70.69));
        File.SetLastWriteTimeUtc(locked, DateTime.UtcNow.AddMinutes(-5));
        using var cts = new CancellationTokenSource();
        var appending = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A dedicated thread, so that a busy thread pool (tests run in parallel) cannot pause the writer for longer
        // than the settle time and make the file look finished.
        var writer = Task.Factory.StartNew(
            () =>
            {
                while (!cts.IsCancellationRequested)
                {
                    File.AppendAllText(growing, "Quảng Ninh,2016,60\n");
                    appending.TrySetResult();
                    Thread.Sleep(5);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        await appending.Task;

        NightlyResult result;
        using (new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            result = RunNightly(TimeSpan.FromMilliseconds(500));
        }

        await cts.CancelAsync();
        await writer;
        Assert.All(result.Files, f => Assert.Equal(InboxOutcome.Deferred, f.Outcome));
        Assert.True(result.Succeeded);
        Assert.True(File.Exists(growing) && File.Exists(locked));
        Assert.Equal(0, Scores());

        var next = RunNightly();
        Assert.All(next.Files, f => Assert.Equal(InboxOutcome.Loaded, f.Outcome));
    }

    [Fact]
    public async Task A_second_writer_waits_or_gets_a_clear_message()
    {
        using var first = WriterLock.Acquire(_temp.Target, "first", TimeSpan.Zero);
        var e = Assert.Throws<WarehouseBusyException>(() => WriterLock.Acquire(_temp.Target, "second", TimeSpan.Zero));
        Assert.Contains("held by first", e.Message);

        var release = Task.Run(async () =>
        {
            await Task.Delay(300);
            first.Dispose();
        });
        using var second = WriterLock.Acquire(_temp.Target, "second", TimeSpan.FromSeconds(10));
        await release;
    }

    public void Dispose()
    {
        _console.Dispose();
        _temp.Dispose();
    }
}
