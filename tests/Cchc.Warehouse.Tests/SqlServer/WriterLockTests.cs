using System.Data;
using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines.DuckDb;
using Cchc.Warehouse.Engines.SqlServer;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>
/// One writer per warehouse, held in the warehouse itself: on SQL Server the engine takes the application lock
/// 'cchc.writer' (session owner) on its own connection before it writes, so writers on two machines meet it; each run
/// holds a lock of its own while it lives, and only runs whose lock is free are marked interrupted.
/// </summary>
public sealed class WriterLockTests
{
    private static readonly WarehouseTarget Target = SqlServerRecording.Target;

    [Fact]
    public void A_SqlServer_writer_takes_the_database_lock_before_its_first_write_and_a_run_lock_while_it_runs()
    {
        var connection = new RecordingConnection();
        using var warehouse = SqlServerRecording.Open(connection);
        var before = connection.Commands.Count;
        var run = warehouse.StartRun("load pci");
        var sent = connection.Commands.Skip(before).ToList();
        Assert.Equal(SqlServerStatements.AcquireWriterLock, sent[0].Sql);
        Assert.Contains("@LockOwner = N'Session'", sent[0].Sql, StringComparison.Ordinal);
        Assert.Contains(sent, c => c.Sql == SqlServerStatements.AcquireRunLock);
        warehouse.FinishRun(run, "succeeded");
        Assert.Equal(SqlServerStatements.ReleaseRunLock, connection.Commands[^1].Sql);

        // The lock is taken once per session, not before every write.
        warehouse.FinishRun(warehouse.StartRun("again"), "succeeded");
        Assert.Single(connection.Commands, c => c.Sql == SqlServerStatements.AcquireWriterLock);
    }

    [Fact]
    public void A_second_SqlServer_writer_gets_a_clear_message_and_writes_nothing()
    {
        var connection = new RecordingConnection
        {
            Respond = (sql, _) => sql == SqlServerStatements.AcquireWriterLock ? One(-1) : sql == SqlServerStatements.WriterLockHolder ? One("cchc writer: cchc nightly (pid 42) on etl01") : null,
        };
        using var warehouse = SqlServerRecording.Open(connection);
        var e = Assert.Throws<WarehouseBusyException>(() => warehouse.StartRun("load pci"));
        Assert.Contains("cchc nightly (pid 42) on etl01", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(connection.Commands, c => c.Sql.Contains("INSERT INTO etl.run", StringComparison.Ordinal));
        Assert.DoesNotContain("recording", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void Another_writers_live_run_is_never_marked_interrupted(int lockIsFree, bool marked)
    {
        var connection = new RecordingConnection
        {
            Respond = (sql, _) => sql.StartsWith("SELECT run_id FROM etl.run WHERE status = 'running'", StringComparison.Ordinal) ? One(7L)
                : sql == SqlServerStatements.RunLockIsFree ? One(lockIsFree)
                : null,
        };
        using var warehouse = SqlServerRecording.Open(connection);
        var closed = warehouse.CloseInterruptedRuns(9);
        Assert.Equal(marked ? [7L] : [], closed);
        Assert.Equal(marked, connection.Commands.Any(c => c.Sql.Contains("UPDATE etl.run SET ended_at", StringComparison.Ordinal)));
    }

    [Fact]
    public void On_DuckDB_a_run_of_this_process_is_alive_until_it_finishes_or_its_connection_closes()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        var live = temp.Warehouse.StartRun("live load");
        using (var other = WarehouseFactory.Open(temp.Target))
        {
            var closed = other.CloseInterruptedRuns(other.StartRun("nightly"));
            Assert.DoesNotContain(live, closed);
        }

        var crashed = temp.Warehouse.StartRun("crashed load");
        temp.Reopen();
        var found = temp.Warehouse.CloseInterruptedRuns(temp.Warehouse.StartRun("nightly"));
        Assert.Contains(crashed, found);
        Assert.Contains(live, found);
    }

    [Fact]
    public void A_second_DuckDB_writer_is_refused_naming_the_first()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        temp.Close();
        using var first = WarehouseFactory.OpenWriter(temp.Target, "cchc load pci (analyst)", TimeSpan.Zero);
        var e = Assert.Throws<WarehouseBusyException>(() => WarehouseFactory.OpenWriter(temp.Target, "cchc nightly", TimeSpan.Zero));
        Assert.Contains("cchc load pci (analyst)", e.Message, StringComparison.Ordinal);
    }

    private static DataTable One(object value)
    {
        var table = SqlServerRecording.Rows(("value", value.GetType()));
        table.Rows.Add(value);
        return table;
    }
}
