using Cchc.Warehouse.Engines.SqlServer;

namespace Cchc.Warehouse.Tests.SqlServer;

/// <summary>The rows SqlBulkCopy receives are typed by the target's columns, whatever CLR type a loader passed.</summary>
public sealed class StagingBufferTests
{
    private static readonly SqlColumn[] Columns =
    [
        new("id", "bigint"), new("year", "int"), new("day", "date"), new("at", "datetime2"), new("score", "float"),
        new("flag", "bit"), new("name", "nvarchar"), new("amount", "decimal"),
    ];

    [Fact]
    public void Values_are_converted_to_the_column_types()
    {
        using var buffer = new StagingBuffer(Columns, "dw.probe");
        int id = 7;
        short year = 2024;
        float score = 1.5f;
        buffer.Add([id, year, new DateOnly(2024, 11, 18), new DateTime(2024, 11, 18, 8, 30, 0), score, true, "Lâm Đồng", 12.5]);
        buffer.Add([8L, 2025, null, null, null, null, null, null]);

        Assert.Equal(2, buffer.Count);
        var first = buffer.Table.Rows[0].ItemArray;
        Assert.Equal<object?>([7L, 2024, new DateTime(2024, 11, 18), new DateTime(2024, 11, 18, 8, 30, 0), 1.5, true, "Lâm Đồng", 12.5m], first);
        Assert.All(buffer.Table.Rows[1].ItemArray.Skip(2), v => Assert.Equal(DBNull.Value, v));
        Assert.Equal([typeof(long), typeof(int), typeof(DateTime), typeof(DateTime), typeof(double), typeof(bool), typeof(string), typeof(decimal)],
            buffer.Table.Columns.Cast<System.Data.DataColumn>().Select(c => c.DataType));
        buffer.Clear();
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void A_value_that_does_not_fit_names_its_column()
    {
        using var buffer = new StagingBuffer(Columns, "dw.probe");
        var e = Assert.Throws<InvalidOperationException>(() => buffer.Add([1L, 3_000_000_000L, null, null, null, null, null, null]));
        Assert.Contains("column year (int)", e.Message);
        Assert.Throws<ArgumentException>(() => buffer.Add([1L]));
        Assert.Throws<NotSupportedException>(() => new StagingBuffer([new SqlColumn("g", "geography")], "dw.probe"));
    }
}
