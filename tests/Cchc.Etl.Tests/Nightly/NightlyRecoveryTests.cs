using Cchc.Etl.Nightly;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Nightly;

/// <summary>What a nightly run finds after a crash: runs left 'running', and an inbox that is not there.</summary>
public sealed class NightlyRecoveryTests : IDisposable
{
    private readonly TempWarehouse _temp = new();
    private readonly StringWriter _console = new();

    private NightlyResult RunNightly(string inbox)
    {
        using var log = new RunLog(_console);
        return new NightlyJob(_temp.Warehouse, new NightlyOptions(inbox) { SettleTime = TimeSpan.Zero }, log, [TinyScoreSource.Loader]).Run([]);
    }

    [Fact]
    public void A_run_a_killed_process_left_running_is_marked_interrupted_with_what_it_committed()
    {
        var inbox = Path.Combine(_temp.Directory, "inbox");
        Directory.CreateDirectory(inbox);
        var killed = _temp.Warehouse.StartRun("nightly --inbox " + inbox);
        var path = Path.Combine(inbox, "a.csv");
        TinyScoreSource.Write(path, ("Lâm Đồng", 2017, 63.5));
        Assert.True(TinyScoreSource.Loader.Load(_temp.Warehouse, killed, path).Succeeded);
        File.Delete(path);
        _temp.Reopen(); // the killed process's connection is gone, and its run with it

        var next = RunNightly(inbox);

        var runs = _temp.Warehouse.Query<(long Id, string Status, int Files, string? Message)>(
            "SELECT run_id, status, files_loaded, message FROM etl.run ORDER BY run_id");
        Assert.Equal([(killed, "interrupted"), (next.RunId, "succeeded")], runs.Select(r => (r.Id, r.Status)));
        Assert.Equal(1, runs[0].Files);
        Assert.Contains($"found by run {next.RunId}", runs[0].Message);
        Assert.Contains("run.interrupted", _console.ToString());
    }

    [Fact]
    public void A_missing_inbox_fails_before_any_run_is_recorded()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => RunNightly(Path.Combine(_temp.Directory, "not-mounted")));

        Assert.Contains("not-mounted", e.Message);
        Assert.Empty(_temp.Warehouse.Query<long>("SELECT run_id FROM etl.run"));
    }

    public void Dispose()
    {
        _console.Dispose();
        _temp.Dispose();
    }
}
