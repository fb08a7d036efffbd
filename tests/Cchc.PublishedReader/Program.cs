using DuckDB.NET.Data;

// Usage: Cchc.PublishedReader <published.duckdb> [--hold]
// Opens the copy read-only (as Power BI's ODBC connection does) and prints one line "<rows> <score sum>" read from
// rpt.index_score. With --hold it keeps the same connection open, and prints the line again for every line read from
// stdin, until stdin closes: the parent replaces the file in between and checks what this reader still sees.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Cchc.PublishedReader <published.duckdb> [--hold]");
    return 2;
}

using var connection = new DuckDBConnection($"Data Source={args[0]};ACCESS_MODE=READ_ONLY");
connection.Open();
Console.WriteLine(Snapshot(connection));
if (args.Contains("--hold"))
{
    while (Console.ReadLine() is not null)
    {
        Console.WriteLine(Snapshot(connection));
    }
}

return 0;

static string Snapshot(DuckDBConnection connection)
{
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*), COALESCE(CAST(SUM(score) AS DOUBLE), 0) FROM rpt.index_score";
    using var reader = command.ExecuteReader();
    reader.Read();
    return FormattableString.Invariant($"{reader.GetInt64(0)} {reader.GetDouble(1):0.###}");
}
