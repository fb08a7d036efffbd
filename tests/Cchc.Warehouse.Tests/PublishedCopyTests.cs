using System.Diagnostics;
using Cchc.TestSupport;
using Cchc.Warehouse.Engines.DuckDb;
using DuckDB.NET.Data;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// The read-only copy Power BI opens: consistent, replaced atomically after each load, and readable by other
/// processes while the writer loads and publishes again. Readers run as real child processes (Cchc.PublishedReader),
/// because DuckDB's one-writer-or-many-readers rule and its database cache are per process.
/// </summary>
[Collection(LoadedWarehouseGroup.Name)]
public sealed class PublishedCopyTests(LoadedWarehouse loaded)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public void Publish_writes_a_consistent_read_only_copy_beside_the_warehouse()
    {
        var writer = (DuckDbWarehouse)loaded.Warehouse;
        var expected = Snapshot(writer);

        var copy = writer.Publish()!;

        Assert.Equal(Path.Combine(loaded.Directory, "test.published.duckdb"), copy.Path);
        Assert.True(copy.SizeBytes > 0);
        Assert.Equal([Path.GetFileName(copy.Path)], Directory.GetFiles(loaded.Directory, "*published*").Select(Path.GetFileName));
        using var reader = new DuckDBConnection($"Data Source={copy.Path};ACCESS_MODE=READ_ONLY");
        reader.Open();
        using var command = reader.CreateCommand();
        command.CommandText = "SELECT COUNT(*), COALESCE(CAST(SUM(score) AS DOUBLE), 0) FROM rpt.index_score";
        using (var rows = command.ExecuteReader())
        {
            rows.Read();
            Assert.Equal(expected, (rows.GetInt64(0), Math.Round(rows.GetDouble(1), 3)));
        }

        command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'rpt' ORDER BY table_name";
        var writerViews = writer.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'rpt' ORDER BY table_name");
        var copyViews = new List<string>();
        using (var rows = command.ExecuteReader())
        {
            while (rows.Read())
            {
                copyViews.Add(rows.GetString(0));
            }
        }

        Assert.Equal(writerViews, copyViews);
        command.CommandText = "DELETE FROM dw.fact_index_score";
        Assert.ThrowsAny<DuckDBException>(() => command.ExecuteNonQuery());
    }

    [Fact]
    public void A_reader_keeps_its_view_while_a_load_runs_and_publishes_and_the_next_open_sees_the_new_data()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        var writer = (DuckDbWarehouse)temp.Warehouse;
        ScoreSamples.Load(writer, IndexCodes.Pci, [2015]);
        var before = Snapshot(writer);
        var published = writer.Publish()!.Path;

        using var holder = Reader.Start(published, hold: true);
        Assert.Equal(Format(before), holder.ReadLine());

        // A load runs while the reader holds the copy: publishing mid-load is refused (it would copy uncommitted rows) …
        var run = writer.StartRun("test load PCI");
        using (var session = writer.BeginFile(run, new SourceFileInfo("/samples/pci-2016-2017.xlsx", "pci", new string('1', 64), 10)))
        {
            session.ReplaceScores(IndexCodes.Pci, [2016, 2017], [.. ScoreSamples.For(IndexCodes.Pci, 2016), .. ScoreSamples.For(IndexCodes.Pci, 2017)]);
            Assert.Throws<InvalidOperationException>(() => writer.Publish());
            session.Commit(new FileLoadOutcome(126, 0, "loaded"));
        }

        writer.FinishRun(run, "succeeded");
        var after = Snapshot(writer);
        Assert.NotEqual(before, after);

        // … and after the commit the copy is replaced although the reader still has the old one open.
        writer.Publish();
        Assert.Equal(Format(before), holder.ReadLine(askAgain: true));

        // The next open sees the new copy (this process never opened it before, so DuckDB has no old instance cached).
        using (var fresh = new DuckDBConnection($"Data Source={published};ACCESS_MODE=READ_ONLY"))
        {
            fresh.Open();
            using var command = fresh.CreateCommand();
            command.CommandText = "SELECT COUNT(*), COALESCE(CAST(SUM(score) AS DOUBLE), 0) FROM rpt.index_score";
            using var rows = command.ExecuteReader();
            rows.Read();
            Assert.Equal(after, (rows.GetInt64(0), Math.Round(rows.GetDouble(1), 3)));
        }

        Assert.Equal(Format(before), holder.ReadLine(askAgain: true));
        Assert.Equal(0, holder.WaitForExit());
        Assert.Empty(Directory.GetFiles(temp.Directory, "*.tmp-*"));
    }

    [Fact]
    public void The_published_copy_carries_no_quarantined_raw_values_folders_or_host_names()
    {
        using var temp = new TempWarehouse(WarehouseTarget.DuckDb);
        const string applicant = "Nguyễn Thị Hoa;CCCD 079188001234;0912 345 678";
        var run = temp.Warehouse.StartRun("load onestop");
        temp.Warehouse.RecordFailedFile(run, new SourceFileInfo("/home/analyst/private/exports/mot-cua-2024.csv", "onestop", new string('q', 64), 10),
            "no header", [new QuarantineRecord(new SourceLocation("mot-cua-2024.csv", "Sheet1", 7, "C"), "unparseable received date", applicant)]);
        temp.Warehouse.FinishRun(run, "failed");

        var copy = temp.Warehouse.Publish()!;
        Assert.Equal(applicant, temp.Warehouse.Query<string>("SELECT raw_values FROM etl.quarantine").Single());
        using (var reader = new DuckDBConnection($"Data Source={copy.Path};ACCESS_MODE=READ_ONLY"))
        {
            reader.Open();
            Assert.Equal((1L, 0L), Scalar2(reader, "SELECT COUNT(*), COUNT(raw_values) FROM etl.quarantine"));
            Assert.Equal("unparseable received date", Scalar(reader, "SELECT reason FROM etl.quarantine"));
            Assert.Equal("mot-cua-2024.csv", Scalar(reader, "SELECT path FROM etl.file"));
            Assert.Equal(string.Empty, Scalar(reader, "SELECT host FROM etl.run"));
            Assert.Equal("load onestop", Scalar(reader, "SELECT command FROM rpt.load_run"));
        }

        var bytes = File.ReadAllBytes(copy.Path);
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("079188001234")));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("/home/analyst")));
    }

    private static string? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }

    private static (long, long) Scalar2(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        rows.Read();
        return (rows.GetInt64(0), rows.GetInt64(1));
    }

    private static (long Rows, double Sum) Snapshot(IWarehouse warehouse) =>
        warehouse.Query<(long, double)>("SELECT COUNT(*), COALESCE(CAST(SUM(score) AS DOUBLE), 0) FROM rpt.index_score")
            .Select(r => (r.Item1, Math.Round(r.Item2, 3))).Single();

    private static string Format((long Rows, double Sum) snapshot) =>
        FormattableString.Invariant($"{snapshot.Rows} {snapshot.Sum:0.###}");

    /// <summary>A Cchc.PublishedReader child process: opens the copy read-only and prints what it sees.</summary>
    private sealed class Reader : IDisposable
    {
        private readonly Process _process;

        private Reader(Process process) => _process = process;

        public static Reader Start(string published, bool hold)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cchc.PublishedReader.dll"));
            start.ArgumentList.Add(published);
            if (hold)
            {
                start.ArgumentList.Add("--hold");
            }

            return new Reader(Process.Start(start) ?? throw new InvalidOperationException("could not start the reader process"));
        }

        public string ReadLine(bool askAgain = false)
        {
            if (askAgain)
            {
                _process.StandardInput.WriteLine("again");
                _process.StandardInput.Flush();
            }

            var line = _process.StandardOutput.ReadLineAsync().WaitAsync(ChildTimeout).GetAwaiter().GetResult();
            return line ?? throw new InvalidOperationException("the reader exited early: " + _process.StandardError.ReadToEnd());
        }

        public int WaitForExit()
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(ChildTimeout))
            {
                _process.Kill();
                throw new TimeoutException("the reader process did not exit");
            }

            return _process.ExitCode;
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }

            _process.Dispose();
        }
    }
}
