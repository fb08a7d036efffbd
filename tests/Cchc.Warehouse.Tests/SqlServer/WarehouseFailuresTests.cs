using Cchc.TestSupport.SqlServer;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// SQL Server errors are classified by number: transient ones (deadlock, timeouts, transport) are retried with
/// backoff, environment failures (log or filegroup full, permission denied) stop the run, the rest are the file's.
/// </summary>
public sealed class WarehouseFailuresTests
{
    [Theory]
    [InlineData(1205, FailureKind.Transient)]   // deadlock victim
    [InlineData(1222, FailureKind.Transient)]   // lock request timeout
    [InlineData(-2, FailureKind.Transient)]     // command timeout
    [InlineData(10054, FailureKind.Transient)]  // connection reset by the peer
    [InlineData(233, FailureKind.Transient)]    // no process on the other end of the pipe
    [InlineData(40613, FailureKind.Transient)]  // Azure SQL: database not currently available
    [InlineData(9002, FailureKind.Environment)] // transaction log full
    [InlineData(1105, FailureKind.Environment)] // filegroup full
    [InlineData(229, FailureKind.Environment)]  // permission denied on an object
    [InlineData(262, FailureKind.Environment)]  // CREATE permission denied
    [InlineData(18456, FailureKind.Environment)] // login failed
    [InlineData(2627, FailureKind.Data)]        // duplicate key
    [InlineData(2628, FailureKind.Data)]        // string or binary data would be truncated
    [InlineData(515, FailureKind.Data)]         // NULL into a NOT NULL column
    [InlineData(8115, FailureKind.Data)]        // arithmetic overflow
    public void Error_numbers_are_classified(int number, FailureKind expected)
    {
        Assert.Equal(expected, WarehouseFailures.ClassifySqlError(number));
        Assert.Equal(expected, WarehouseFailures.Classify(SqlErrors.Exception(number, $"error {number}")));
        Assert.Equal(expected, WarehouseFailures.Classify(new InvalidOperationException("wrapped", SqlErrors.Exception(number, "inner"))));
    }

    [Fact]
    public void The_most_severe_error_of_a_batch_wins() =>
        Assert.Equal(FailureKind.Environment, WarehouseFailures.ClassifySqlErrors([2627, 1205, 9002]));

    [Fact]
    public void DuckDB_and_IO_errors_are_classified_without_callers_matching_types()
    {
        Assert.Equal(FailureKind.Environment, WarehouseFailures.Classify(new IOException("No space left on device")));
        Assert.Equal(FailureKind.Environment, WarehouseFailures.ClassifyDuckDb("IO Error: Could not write file \"x.wal\": No space left on device"));
        Assert.Equal(FailureKind.Data, WarehouseFailures.ClassifyDuckDb("Constraint Error: Duplicate key \"id: 1\""));
        Assert.Equal(FailureKind.Data, WarehouseFailures.Classify(new FormatException("bad number")));
    }

    [Fact]
    public void Transient_failures_are_retried_with_growing_delays_and_others_are_not()
    {
        var attempts = 0;
        var delays = new List<TimeSpan>();
        var policy = new RetryPolicy(4, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(3));
        var result = policy.Run(
            () => ++attempts < 3 ? throw SqlErrors.Exception(1205, "deadlock victim") : "loaded",
            (_, _, delay) => delays.Add(delay));
        Assert.Equal("loaded", result);
        Assert.Equal(3, attempts);
        Assert.Equal(2, delays.Count);
        Assert.True(policy.Delay(2) > policy.Delay(1) || policy.Delay(2) >= TimeSpan.FromMilliseconds(2));
        Assert.True(policy.Delay(10) <= TimeSpan.FromMilliseconds(3 * 1.2));

        attempts = 0;
        Assert.Throws<Microsoft.Data.SqlClient.SqlException>(() => policy.Run<string>(() => { attempts++; throw SqlErrors.Exception(9002, "log full"); }));
        Assert.Equal(1, attempts);

        attempts = 0;
        Assert.Throws<Microsoft.Data.SqlClient.SqlException>(() => policy.Run<string>(() => { attempts++; throw SqlErrors.Exception(1205, "deadlock"); }));
        Assert.Equal(4, attempts);
    }
}
