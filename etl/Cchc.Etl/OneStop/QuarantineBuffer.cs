using Cchc.Warehouse;

namespace Cchc.Etl.OneStop;

/// <summary>
/// Collects rejected rows and writes them to etl.quarantine in bulk (the appender), not one INSERT per row: a log
/// with a million bad rows must not take a million round trips. Flushed by the caller between chunks.
/// </summary>
internal sealed class QuarantineBuffer(ILoadSession session, string fileName)
{
    private static readonly string[] Columns =
        ["quarantine_id", "run_id", "file_id", "file_name", "sheet", "row_number", "column_name", "reason", "raw_values", "created_at"];

    private readonly List<(string? Sheet, int Line, string? Column, string Reason, string? Raw)> _rows = [];
    private long _nextId = -1;

    public int Count => _rows.Count;

    public long Total { get; private set; }

    public void Add(string? sheet, int line, string? column, string reason, string? raw)
    {
        _rows.Add((sheet, line, column, reason, raw));
        Total++;
    }

    public void Flush()
    {
        if (_rows.Count == 0)
        {
            return;
        }

        if (_nextId < 0)
        {
            _nextId = session.Query<long>("SELECT COALESCE(MAX(quarantine_id), 0) + 1 FROM etl.quarantine").Single();
        }

        var now = DateTime.UtcNow;
        object runId = session.RunId;
        object fileId = session.FileId;
        var values = new object?[Columns.Length];
        using var writer = session.CreateBulkWriter("etl.quarantine", Columns);
        foreach (var (sheet, line, column, reason, raw) in _rows)
        {
            values[0] = _nextId++;
            values[1] = runId;
            values[2] = fileId;
            values[3] = fileName;
            values[4] = sheet;
            values[5] = line;
            values[6] = column;
            values[7] = reason;
            values[8] = raw;
            values[9] = now;
            writer.WriteRow(values);
        }

        writer.Complete();
        _rows.Clear();
    }
}
