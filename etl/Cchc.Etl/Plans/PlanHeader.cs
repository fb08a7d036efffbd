using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Plans;

/// <summary>
/// Finds the header of a plan table by its Vietnamese column titles (with or without diacritics, in any order, over one
/// row or two when a title like "Cơ quan thực hiện" is split into "Chủ trì" / "Phối hợp" below it).
/// </summary>
internal sealed class PlanHeader
{
    private const int RowsSearched = 40;

    private PlanHeader(int firstRow, int lastRow, IReadOnlyDictionary<PlanColumn, int> columns, IReadOnlyDictionary<PlanColumn, string> titles)
    {
        FirstRow = firstRow;
        LastRow = lastRow;
        Columns = columns;
        Titles = titles;
    }

    /// <summary>0-based row of the header (the first of two when it spans two rows).</summary>
    public int FirstRow { get; }

    /// <summary>0-based last header row; data starts below it.</summary>
    public int LastRow { get; }

    public IReadOnlyDictionary<PlanColumn, int> Columns { get; }

    /// <summary>The column titles as written, for messages.</summary>
    public IReadOnlyDictionary<PlanColumn, string> Titles { get; }

    public int? this[PlanColumn column] => Columns.TryGetValue(column, out var c) ? c : null;

    public static PlanHeader? Find(Sheet sheet)
    {
        for (var r = 0; r < Math.Min(RowsSearched, sheet.RowCount); r++)
        {
            var single = Match(sheet, r, null);
            if (single is null)
            {
                continue;
            }

            var below = r + 1 < sheet.RowCount && IsHeaderContinuation(sheet, r + 1, single.Columns[PlanColumn.Code]) ? Match(sheet, r, r + 1) : null;
            return below is not null && below.Columns.Count >= single.Columns.Count ? below : single;
        }

        return null;
    }

    /// <summary>True when the row repeats the header (Word tables repeat it on every page when copied).</summary>
    public bool IsRepeatedHeader(Sheet sheet, int row) =>
        row > LastRow && CellValues.Fold(sheet.Text(row, Columns[PlanColumn.Code])) is "stt" or "tt" && !sheet.IsBlankRow(row)
        && Columns.Where(c => c.Key != PlanColumn.Code).Count(c => Classify(CellValues.Fold(sheet.Text(row, c.Value, followMerges: true))) == c.Key) >= 2;

    private static PlanHeader? Match(Sheet sheet, int row, int? second)
    {
        var columns = new Dictionary<PlanColumn, int>();
        var titles = new Dictionary<PlanColumn, string>();
        for (var c = 0; c < sheet.ColumnCount; c++)
        {
            var title = string.Join(" ", new[] { sheet.Text(row, c, followMerges: true), second is null ? null : sheet.Text(second.Value, c, followMerges: false) }
                .Where(t => t is not null));
            if (title.Length == 0 || Classify(CellValues.Fold(title)) is not { } column || columns.ContainsKey(column))
            {
                continue;
            }

            columns[column] = c;
            titles[column] = title.ReplaceLineEndings(" ");
        }

        var isPlan = columns.ContainsKey(PlanColumn.Code) && columns.ContainsKey(PlanColumn.Name)
            && (columns.ContainsKey(PlanColumn.MaxPoints) || columns.ContainsKey(PlanColumn.AppraisedPoints) || columns.ContainsKey(PlanColumn.PointsLost))
            && (columns.ContainsKey(PlanColumn.Remedy) || columns.ContainsKey(PlanColumn.LeadAgencies));
        return isPlan ? new PlanHeader(row, second ?? row, columns, titles) : null;
    }

    /// <summary>A second header row: nothing in the STT column, and only titles (no numbers).</summary>
    private static bool IsHeaderContinuation(Sheet sheet, int row, int codeColumn)
    {
        if (sheet.Text(row, codeColumn) is not null || sheet.IsBlankRow(row))
        {
            return false;
        }

        var texts = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(row, c)).Where(t => t is not null).ToList();
        return texts.All(t => CellValues.Number(t) is null) && texts.Any(t => Classify(CellValues.Fold(t)) is not null);
    }

    internal static PlanColumn? Classify(string folded) =>
        folded is "stt" or "tt" or "so tt" or "so thu tu" ? PlanColumn.Code
        : Has(folded, "diem bi mat", "diem mat", "diem bi tru", "so diem mat") ? PlanColumn.PointsLost
        : Has(folded, "diem tham dinh", "diem dat", "diem danh gia", "diem thuc te") ? PlanColumn.AppraisedPoints
        : Has(folded, "diem chuan", "diem toi da", "thang diem") ? PlanColumn.MaxPoints
        : Has(folded, "chu tri") ? PlanColumn.LeadAgencies
        : Has(folded, "phoi hop") ? PlanColumn.CoordinatingAgencies
        : Has(folded, "giai phap", "nhiem vu") ? PlanColumn.Remedy
        : Has(folded, "thoi gian", "thoi han", "tien do") ? PlanColumn.Deadline
        : Has(folded, "ghi chu") ? PlanColumn.Note
        : Has(folded, "tieu chi", "linh vuc", "noi dung") ? PlanColumn.Name
        : null;

    private static bool Has(string folded, params string[] parts) => parts.Any(p => folded.Contains(p, StringComparison.Ordinal));
}
