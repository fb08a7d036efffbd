using Cchc.Etl.Loading;
using Cchc.Etl.Nightly;
using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Nightly;

/// <summary>
/// What the nightly job does with each class of database error (SqlExceptions as SqlClient raises them): a deadlock is
/// retried and the file loads; a full log stops the run and leaves every file in the inbox; only a data error fails the file.
/// </summary>
public sealed class NightlyErrorClassesTests : IDisposable
{
    private readonly TempWarehouse _temp = new();
    private readonly string _inbox;

    public NightlyErrorClassesTests()
    {
        _inbox = Path.Combine(_temp.Directory, "inbox");
        Directory.CreateDirectory(_inbox);
        TinyScoreSource.Write(Path.Combine(_inbox, "a.csv"), ("Lâm Đồng", 2017, 63.5));
        TinyScoreSource.Write(Path.Combine(_inbox, "b.csv"), ("Quảng Ninh", 2017, 70.69));
    }

    [Fact]
    public void A_deadlock_is_retried_and_the_file_loads()
    {
        var loader = new FailingLoader(1205, times: 2);
        var result = Run(loader);
        Assert.All(result.Files, f => Assert.Equal(InboxOutcome.Loaded, f.Outcome));
        Assert.Equal(2 + 2, loader.Calls);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void A_full_log_stops_the_run_and_leaves_the_files_in_the_inbox()
    {
        var result = Run(new FailingLoader(9002, times: int.MaxValue));
        var aborted = Assert.Single(result.Files);
        Assert.Equal(InboxOutcome.Aborted, aborted.Outcome);
        Assert.Contains("environment failure", aborted.Reason, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_inbox, "a.csv")) && File.Exists(Path.Combine(_inbox, "b.csv")));
        Assert.False(Directory.Exists(Path.Combine(_inbox, "failed")));
    }

    [Fact]
    public void A_deadlock_that_does_not_clear_is_not_blamed_on_the_file()
    {
        var result = Run(new FailingLoader(1205, times: int.MaxValue));
        Assert.Equal(InboxOutcome.Aborted, Assert.Single(result.Files).Outcome);
        Assert.False(Directory.Exists(Path.Combine(_inbox, "failed")));
    }

    [Fact]
    public void A_data_error_fails_the_file_and_the_run_goes_on()
    {
        var result = Run(new FailingLoader(2627, times: 1));
        Assert.Equal([InboxOutcome.Failed, InboxOutcome.Loaded], result.Files.Select(f => f.Outcome));
        Assert.True(File.Exists(Path.Combine(_inbox, "failed", "a.csv")));
    }

    private NightlyResult Run(IFileLoader loader)
    {
        using var log = new RunLog(new StringWriter(), Path.Combine(_temp.Directory, "nightly.log"));
        var options = new NightlyOptions(_inbox) { SettleTime = TimeSpan.Zero };
        return new NightlyJob(_temp.Warehouse, options, log, [loader]) { Retry = RetryPolicy.Immediate }.Run([]);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>The tiny loader, failing its first <c>times</c> calls with a SqlException of the given number.</summary>
    private sealed class FailingLoader(int number, int times) : IFileLoader
    {
        public int Calls { get; private set; }

        public string Kind => TinyScoreSource.Loader.Kind;

        public bool Recognises(string path) => TinyScoreSource.Loader.Recognises(path);

        public FileLoadResult Load(IWarehouse warehouse, long runId, string path) =>
            ++Calls <= times ? throw SqlErrors.Exception(number, $"error {number}") : TinyScoreSource.Loader.Load(warehouse, runId, path);
    }
}
