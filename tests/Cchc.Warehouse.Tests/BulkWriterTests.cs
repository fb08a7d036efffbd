using Cchc.TestSupport;
using Cchc.Warehouse.Engines;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// The bulk writer of the embedded engine, which stores values straight into DuckDB's native vectors: every column type
/// the schema uses, both ways of writing a row, nulls across chunk boundaries, and the refusals that name the column.
/// </summary>
public sealed class BulkWriterTests
{
    private static readonly string[] ProbeColumns = ["id", "count_int", "score", "ratio", "flag", "name", "day", "seen_at"];

    private const string CreateProbe =
        """
        CREATE TABLE etl.writer_probe (
            id BIGINT NOT NULL, count_int INTEGER, score DOUBLE, ratio REAL, flag BOOLEAN, name VARCHAR, day DATE, seen_at TIMESTAMP)
        """;

    private static readonly DateTime At = new(2025, 7, 1, 8, 30, 15, 250);

    [Fact]
    public void Typed_appends_and_object_rows_store_the_same_values()
    {
        using var temp = new TempWarehouse();
        var rows = Write(temp.Warehouse, writer =>
        {
            writer.Append(1L);
            writer.Append(2024);
            writer.Append(70.69);
            writer.Append(0.75);
            writer.Append(true);
            writer.Append("Thừa Thiên Huế");
            writer.Append(new DateOnly(2025, 7, 1));
            writer.Append(At);
            writer.EndRow();
            writer.WriteRow([2L, 2024, 70.69, 0.75f, true, "Thừa Thiên Huế", new DateOnly(2025, 7, 1), At]);
        });

        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0] with { Id = 2 }, rows[1]);
        Assert.Equal(new ProbeRow(1, 2024, 70.69, 0.75, true, "Thừa Thiên Huế", new DateTime(2025, 7, 1), At), rows[0]);
    }

    [Fact]
    public void Nulls_short_and_long_texts_survive_many_chunks_and_flushes()
    {
        const int count = 40_000;
        using var temp = new TempWarehouse();
        var rows = Write(temp.Warehouse, writer =>
        {
            for (var i = 0; i < count; i++)
            {
                writer.Append((long)i);
                if (i % 3 == 0)
                {
                    writer.AppendNull();
                }
                else
                {
                    writer.Append(i);
                }

                writer.Append(i * 0.5);
                writer.AppendNull();
                writer.Append(i % 2 == 0);
                writer.Append(i % 5 == 0 ? null : i % 2 == 0 ? "68" : $"000.00.27.H42-{i:D6}-Đà Lạt");
                writer.Append(i % 7 == 0 ? null : new DateOnly(2024, 1, 1).AddDays(i % 700));
                writer.Append(new DateTime(2024, 1, 1).AddMinutes(i));
                writer.EndRow();
            }
        });

        Assert.Equal(count, rows.Count);
        for (var i = 0; i < count; i++)
        {
            var row = rows[i];
            Assert.Equal(i, row.Id);
            Assert.Equal(i % 3 == 0 ? null : i, row.CountInt);
            Assert.Equal(i * 0.5, row.Score);
            Assert.Null(row.Ratio);
            Assert.Equal(i % 2 == 0, row.Flag);
            Assert.Equal(i % 5 == 0 ? null : i % 2 == 0 ? "68" : $"000.00.27.H42-{i:D6}-Đà Lạt", row.Name);
            Assert.Equal(i % 7 == 0 ? null : new DateTime(2024, 1, 1).AddDays(i % 700), row.Day);
            Assert.Equal(new DateTime(2024, 1, 1).AddMinutes(i), row.At);
        }
    }

    [Fact]
    public void A_wrong_type_a_short_row_and_an_extra_value_name_the_table_and_column()
    {
        using var temp = new TempWarehouse();
        var rows = Write(temp.Warehouse, writer =>
        {
            writer.Append(1L);
            var wrongType = Assert.Throws<InvalidOperationException>(() => writer.Append("2024"));
            Assert.Equal("Cannot write text to etl.writer_probe.count_int, a INTEGER column.", wrongType.Message);

            writer.Append(2L);
            writer.Append(5);
            var shortRow = Assert.Throws<InvalidOperationException>(writer.EndRow);
            Assert.Contains("ended after 2 of its 8 columns", shortRow.Message, StringComparison.Ordinal);

            var tooBig = Assert.Throws<InvalidOperationException>(() => writer.WriteRow([3L, 4L << 40, null, null, null, null, null, null]));
            Assert.Contains("etl.writer_probe.count_int", tooBig.Message, StringComparison.Ordinal);

            var extra = Assert.Throws<ArgumentException>(() => writer.WriteRow([4L, 1, null, null, null, null, null, null, "one too many"]));
            Assert.Contains("needs 8 values", extra.Message, StringComparison.Ordinal);

            // The refused rows left nothing behind: the next whole row is written as the first.
            writer.WriteRow([5L, 6, null, null, null, "kept", null, null]);
        });

        Assert.Equal([(5L, (int?)6, "kept")], rows.Select(r => (r.Id, r.CountInt, r.Name)).ToList());
    }

    [Fact]
    public void A_null_in_a_not_null_column_fails_as_the_file_s_data()
    {
        using var temp = new TempWarehouse();
        var run = temp.Warehouse.StartRun("bulk writer probe");
        using var session = temp.Warehouse.BeginFile(run, new SourceFileInfo("/x/probe.csv", "probe", new string('p', 64), 1));
        session.Execute(CreateProbe);
        var failure = Record.Exception(() =>
        {
            using var writer = session.CreateBulkWriter("etl.writer_probe", ProbeColumns);
            writer.WriteRow([null, 1, null, null, null, null, null, null]);
            writer.Complete();
        });

        Assert.NotNull(failure);
        Assert.Contains("writer_probe", failure.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.Data, WarehouseFailures.Classify(failure));
    }

    [Fact]
    public void The_object_row_writers_take_typed_appends_as_whole_rows()
    {
        var writer = new RowsKept("etl.writer_probe", 3);
        writer.Append(1L);
        writer.Append("Huế");
        writer.Append((DateOnly?)null);
        writer.EndRow();
        writer.Append(2L);
        Assert.Throws<InvalidOperationException>(writer.EndRow);
        writer.Append(3L);
        writer.AppendNull();
        writer.Append(new DateOnly(2025, 7, 1));
        Assert.Throws<InvalidOperationException>(() => writer.Append(4));
        writer.Append(5L);
        writer.Append("x");
        writer.Append(true);
        writer.EndRow();

        Assert.Equal([[1L, "Huế", null], [5L, "x", true]], writer.Rows);
    }

    [Fact]
    public void One_engine_thread_lasts_as_long_as_the_session()
    {
        using var temp = new TempWarehouse();
        temp.Warehouse.Execute("SET threads = 3");
        var run = temp.Warehouse.StartRun("threads probe");
        using (var session = temp.Warehouse.BeginFile(run, new SourceFileInfo("/x/probe.csv", "probe", new string('p', 64), 1)))
        {
            session.UseOneEngineThread();
            Assert.Equal(1L, session.Query<long>("SELECT current_setting('threads')").Single());
            session.Commit(new FileLoadOutcome(0, 0, "loaded"));
        }

        Assert.Equal(3L, temp.Warehouse.Query<long>("SELECT current_setting('threads')").Single());
        using (var rolledBack = temp.Warehouse.BeginFile(run, new SourceFileInfo("/x/probe-2.csv", "probe", new string('q', 64), 1)))
        {
            Assert.Equal(3L, rolledBack.Query<long>("SELECT current_setting('threads')").Single());
            rolledBack.UseOneEngineThread();
        }

        Assert.Equal(3L, temp.Warehouse.Query<long>("SELECT current_setting('threads')").Single());
    }

    private static List<ProbeRow> Write(IWarehouse warehouse, Action<IBulkWriter> write)
    {
        var run = warehouse.StartRun("bulk writer probe");
        using (var session = warehouse.BeginFile(run, new SourceFileInfo("/x/probe.csv", "probe", new string('p', 64), 1)))
        {
            session.Execute(CreateProbe);
            using (var writer = session.CreateBulkWriter("etl.writer_probe", ProbeColumns))
            {
                write(writer);
            }

            var rows = session.Query<ProbeRow>("SELECT id AS Id, count_int AS CountInt, score AS Score, CAST(ratio AS DOUBLE) AS Ratio, flag AS Flag, name AS Name, CAST(day AS TIMESTAMP) AS Day, seen_at AS At FROM etl.writer_probe ORDER BY id").ToList();
            session.Commit(new FileLoadOutcome(rows.Count, 0, "loaded"));
            return rows;
        }
    }

    private sealed record ProbeRow(long Id, int? CountInt, double? Score, double? Ratio, bool? Flag, string? Name, DateTime? Day, DateTime? At);

    /// <summary>The typed appends of <see cref="ObjectRowWriter"/> (SQL Server's writers) collected as the rows they become.</summary>
    private sealed class RowsKept(string table, int columns) : ObjectRowWriter(table, columns)
    {
        public List<object?[]> Rows { get; } = [];

        public override void WriteRow(ReadOnlySpan<object?> values) => Rows.Add(values.ToArray());

        public override void Complete()
        {
        }

        public override void Dispose()
        {
        }
    }
}
