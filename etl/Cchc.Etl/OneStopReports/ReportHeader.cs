using System.Text.RegularExpressions;
using Cchc.Etl.OneStop;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.OneStopReports;

/// <summary>What a column of a results report holds.</summary>
internal enum ReportColumn
{
    Sequence,
    Label,
    Note,
    ReceivedTotal,
    CarriedOver,
    ReceivedNew,
    Online,
    InPersonPostal,
    ResolvedTotal,
    Early,
    OnTime,
    Late,
    PendingTotal,
    NotDue,
    Overdue,
}

/// <summary>Whether the rows of a report name fields (lĩnh vực) or agencies (cơ quan, đơn vị).</summary>
internal enum ReportBreakdown
{
    Field,
    Agency,
}

/// <summary>
/// The header of a one-stop results report: two to four header rows with merged group cells ("Số hồ sơ nhận giải quyết",
/// "Số hồ sơ đã giải quyết", "Số hồ sơ đang giải quyết", or "Kết quả giải quyết" above the last two), leaf cells below
/// ("Tổng số", "Kỳ trước chuyển qua", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Trả trước hạn", "Đúng thời hạn",
/// "Quá hạn", "Chưa đến hạn", "Trong hạn"), and an optional column-number row "(1) (2) …" under them. A merged cell keeps
/// its value top-left only, so a group label covers its merged range; a CSV export has no merges, so a group label also
/// covers the blank cells to its right in its row until the next label, and only as far as no column has a label of its
/// own at that height. An ambiguous leaf ("Tổng số", "Quá hạn") belongs to the group above it, else to the next group in
/// the form's order (received, resolved, pending).
/// </summary>
internal sealed partial class ReportHeader
{
    /// <summary>Rows searched for the header (title rows come first).</summary>
    public const int SearchRows = 40;

    private const int MaxHeaderRows = 5;

    private readonly Dictionary<ReportColumn, List<int>> _columns;

    private ReportHeader(int firstRow, int lastRow, int dataRow, ReportBreakdown breakdown, Dictionary<ReportColumn, List<int>> columns)
    {
        FirstRow = firstRow;
        LastRow = lastRow;
        DataRow = dataRow;
        Breakdown = breakdown;
        _columns = columns;
    }

    /// <summary>First header row (0-based).</summary>
    public int FirstRow { get; }

    /// <summary>Last header row (0-based, inclusive).</summary>
    public int LastRow { get; }

    /// <summary>First table row after the header and the column-number row.</summary>
    public int DataRow { get; }

    public ReportBreakdown Breakdown { get; }

    /// <summary>The column of a role, or -1.</summary>
    public int this[ReportColumn role] => _columns.TryGetValue(role, out var c) ? c[0] : -1;

    public bool Has(ReportColumn role) => _columns.ContainsKey(role);

    /// <summary>Every column of a role (in person and postal may come as two columns, which are added).</summary>
    public IReadOnlyList<int> ColumnsOf(ReportColumn role) => _columns.TryGetValue(role, out var c) ? c : [];

    /// <summary>The columns that hold counts.</summary>
    public IEnumerable<int> CountColumns =>
        _columns.Where(c => c.Key is not (ReportColumn.Sequence or ReportColumn.Label or ReportColumn.Note)).SelectMany(c => c.Value).Order();

    /// <summary>The header of the sheet, or null; <paramref name="incomplete"/> says what a report-like header lacks.</summary>
    public static ReportHeader? Find(Sheet sheet, out string? incomplete)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        incomplete = null;
        var limit = Math.Min(sheet.RowCount, SearchRows);
        for (var anchor = 0; anchor < limit; anchor++)
        {
            if (!HasRowHeading(sheet, anchor))
            {
                continue;
            }

            // A header row has labels over the count columns; a group row ("Sở ban ngành", "I | Cấp tỉnh") has text
            // under the row headings only and ends the header.
            var headings = Enumerable.Range(0, sheet.ColumnCount).Where(c => IsRowHeading(sheet.Text(anchor, c))).Max();
            var last = anchor;
            while (last + 1 < sheet.RowCount && last + 1 - anchor < MaxHeaderRows && IsHeaderRow(sheet, last + 1, headings))
            {
                last++;
            }

            var header = Build(sheet, anchor, last, out var missing);
            if (header is not null)
            {
                return header;
            }

            incomplete ??= missing;
        }

        return null;
    }

    /// <summary>A row of column numbers under the header: "(1) (2) (3)…", "1 2 3…", "A B 1 2", "(3)=(4)+(5)+(6)" — every
    /// cell a column number (or a letter), the numbers rising by one, so that a data row of small counts never passes.</summary>
    public static bool IsColumnNumberRow(Sheet sheet, int row)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var cells = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(row, c)).OfType<string>().ToList();
        if (cells.Count < 3 || !cells.All(t => ColumnNumber().IsMatch(t)))
        {
            return false;
        }

        var numbers = cells.Select(t => ColumnNumber().Match(t).Groups["n"]).Where(g => g.Success)
            .Select(g => int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return numbers.Count >= 3 && numbers.Zip(numbers.Skip(1)).All(p => p.Second == p.First + 1);
    }

    private static bool HasRowHeading(Sheet sheet, int row) =>
        Enumerable.Range(0, sheet.ColumnCount).Any(c => IsRowHeading(sheet.Text(row, c)));

    /// <summary>"STT", "Lĩnh vực", "Đơn vị": the headings of the columns that name a row.</summary>
    private static bool IsRowHeading(string? text) =>
        text is not null && (IsSequenceHeading(DossierHeader.Key(text)) || LabelHeading(DossierHeader.Key(text)) is not null);

    /// <summary>A header row holds text only (no counts, not the column-number row, not blank), some of it over the
    /// count columns, right of the row headings.</summary>
    private static bool IsHeaderRow(Sheet sheet, int row, int lastHeadingColumn)
    {
        if (sheet.IsBlankRow(row) || IsColumnNumberRow(sheet, row)
            || !Enumerable.Range(lastHeadingColumn + 1, Math.Max(0, sheet.ColumnCount - lastHeadingColumn - 1)).Any(c => sheet.Text(row, c) is not null))
        {
            return false;
        }

        for (var c = 0; c < sheet.ColumnCount; c++)
        {
            if (sheet.Value(row, c) is double || (sheet.Text(row, c) is { } t && CellValues.ParseNumber(t) is not null))
            {
                return false;
            }
        }

        return true;
    }

    private enum Group
    {
        None,
        Received,
        Resolved,
        Pending,
    }

    private static ReportHeader? Build(Sheet sheet, int first, int last, out string? missing)
    {
        var width = sheet.ColumnCount;
        var context = new string?[last - first + 1, width];
        for (var r = first; r <= last; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var value = sheet.Text(r, c, followMerges: true);
                if (value is null && r < last && c > 0 && OwnLabels(sheet, first, r, c).Count == 0
                    && context[r - first, c - 1] is { } left && GroupOf(DossierHeader.Key(left)) != Group.None)
                {
                    value = left;
                }

                context[r - first, c] = value;
            }
        }

        var columns = new Dictionary<ReportColumn, List<int>>();
        ReportBreakdown? breakdown = null;
        var current = Group.None;
        var duplicates = new List<string>();
        for (var c = 0; c < width; c++)
        {
            var own = OwnLabels(sheet, first, last, c);
            var (leafRow, leaf) = own.Count > 0 ? own[^1] : LowestContext(context, first, c);
            if (leaf is null)
            {
                continue;
            }

            var key = DossierHeader.Key(leaf);
            ReportColumn? role;
            if (IsSequenceHeading(key))
            {
                role = ReportColumn.Sequence;
            }
            else if (LabelHeading(key) is { } kind)
            {
                role = ReportColumn.Label;
                breakdown ??= kind;
            }
            else if (key.StartsWith("ghi chu", StringComparison.Ordinal))
            {
                role = ReportColumn.Note;
            }
            else
            {
                var group = GroupOf(key);
                for (var r = leafRow - 1; group == Group.None && r >= first; r--)
                {
                    group = context[r - first, c] is { } above ? GroupOf(DossierHeader.Key(above)) : Group.None;
                }

                role = CountRole(key, leaf, group, ref current);
            }

            if (role is not { } found)
            {
                continue;
            }

            if (!columns.TryGetValue(found, out var list))
            {
                columns[found] = list = [];
            }
            else if (found != ReportColumn.InPersonPostal)
            {
                duplicates.Add($"{found} (columns {ColumnName.Of(list[0])} and {ColumnName.Of(c)})");
            }

            list.Add(c);
        }

        missing = Missing(columns, duplicates);
        if (missing is not null)
        {
            return null;
        }

        var dataRow = last + 1 < sheet.RowCount && IsColumnNumberRow(sheet, last + 1) ? last + 2 : last + 1;
        return new ReportHeader(first, last, dataRow, breakdown ?? ReportBreakdown.Field, columns);
    }

    private static string? Missing(Dictionary<ReportColumn, List<int>> columns, List<string> duplicates)
    {
        bool Has(ReportColumn c) => columns.ContainsKey(c);
        var lacks = new List<string>();
        if (!Has(ReportColumn.Label))
        {
            lacks.Add("the field or agency column (Lĩnh vực / Đơn vị)");
        }

        if (!Has(ReportColumn.ReceivedTotal) && !Has(ReportColumn.ReceivedNew) && !Has(ReportColumn.Online) && !Has(ReportColumn.InPersonPostal))
        {
            lacks.Add("dossiers received (Số hồ sơ nhận giải quyết: Tổng số)");
        }

        if (!Has(ReportColumn.OnTime))
        {
            lacks.Add("resolved on time (Đúng thời hạn)");
        }

        if (!Has(ReportColumn.Late))
        {
            lacks.Add("resolved late (Quá hạn, under Số hồ sơ đã giải quyết)");
        }

        if (!Has(ReportColumn.PendingTotal) && !(Has(ReportColumn.NotDue) && Has(ReportColumn.Overdue)))
        {
            lacks.Add("pending dossiers (Số hồ sơ đang giải quyết: Tổng số, or Chưa đến hạn and Quá hạn)");
        }

        lacks.AddRange(duplicates.Select(d => "one column for " + d));
        return lacks.Count == 0 ? null : string.Join("; ", lacks);
    }

    /// <summary>The role of a count column from its leaf text and its group; positional when the text is ambiguous.</summary>
    private static ReportColumn? CountRole(string key, string original, Group group, ref Group current)
    {
        if (original.Contains('%', StringComparison.Ordinal) || IgnoredLeaf().IsMatch(key))
        {
            return null;
        }

        (ReportColumn Role, Group Group)? found =
            CarriedOverLeaf().IsMatch(key) ? (ReportColumn.CarriedOver, Group.Received)
            : OnlineLeaf().IsMatch(key) ? (ReportColumn.Online, Group.Received)
            : InPersonLeaf().IsMatch(key) ? (ReportColumn.InPersonPostal, Group.Received)
            : NewLeaf().IsMatch(key) ? (ReportColumn.ReceivedNew, Group.Received)
            : NotDueLeaf().IsMatch(key) ? (ReportColumn.NotDue, Group.Pending)
            : OnTimeAndEarlyLeaf().IsMatch(key) ? (ReportColumn.OnTime, Group.Resolved)
            : EarlyLeaf().IsMatch(key) ? (ReportColumn.Early, Group.Resolved)
            : OnTimeLeaf().IsMatch(key) ? (ReportColumn.OnTime, Group.Resolved)
            : LateLeaf().IsMatch(key) ? LateOrOverdue(group, current)
            : TotalLeaf().IsMatch(key) ? TotalOf(group, current)
            : null;
        if (found is null)
        {
            return null;
        }

        current = found.Value.Group;
        return found.Value.Role;
    }

    private static (ReportColumn, Group) LateOrOverdue(Group group, Group current) =>
        (group == Group.None ? current : group) == Group.Pending ? (ReportColumn.Overdue, Group.Pending) : (ReportColumn.Late, Group.Resolved);

    private static (ReportColumn, Group)? TotalOf(Group group, Group current)
    {
        var g = group != Group.None ? group : current switch
        {
            Group.None => Group.Received,
            Group.Received => Group.Resolved,
            _ => Group.Pending,
        };
        return g switch
        {
            Group.Received => (ReportColumn.ReceivedTotal, g),
            Group.Resolved => (ReportColumn.ResolvedTotal, g),
            _ => (ReportColumn.PendingTotal, g),
        };
    }

    private static Group GroupOf(string key) =>
        PendingGroup().IsMatch(key) ? Group.Pending
        : ResolvedGroup().IsMatch(key) ? Group.Resolved
        : ReceivedGroup().IsMatch(key) ? Group.Received
        : Group.None;

    /// <summary>The column's own (not merged-in) header labels, top to bottom, with their rows.</summary>
    private static List<(int Row, string? Text)> OwnLabels(Sheet sheet, int first, int last, int column)
    {
        var labels = new List<(int, string?)>();
        for (var r = first; r <= last; r++)
        {
            if (sheet.Text(r, column) is { } t)
            {
                labels.Add((r, t));
            }
        }

        return labels;
    }

    private static (int Row, string? Text) LowestContext(string?[,] context, int first, int column)
    {
        for (var r = context.GetLength(0) - 1; r >= 0; r--)
        {
            if (context[r, column] is { } t)
            {
                return (first + r, t);
            }
        }

        return (first, null);
    }

    private static bool IsSequenceHeading(string key) => key is "stt" or "tt" or "so tt" or "so thu tu" or "thu tu";

    private static ReportBreakdown? LabelHeading(string key) =>
        key.StartsWith("linh vuc", StringComparison.Ordinal) || key.StartsWith("ten linh vuc", StringComparison.Ordinal)
        || key.StartsWith("cap linh vuc", StringComparison.Ordinal) || key.StartsWith("noi dung", StringComparison.Ordinal)
            ? ReportBreakdown.Field
        : AgencyHeading().IsMatch(key) ? ReportBreakdown.Agency
        : null;

    [GeneratedRegex(@"^(?:ten\s+)?(?:co quan|don vi(?!\s+(?:tinh|bao cao|nhan))|dia phuong)\b")]
    private static partial Regex AgencyHeading();

    [GeneratedRegex(@"^\(?\s*(?:(?<n>\d{1,2})|[a-d])\s*\)?(?:\s*=.*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnNumber();

    [GeneratedRegex(@"\b(?:ty le|bo sung|tra lai|xin rut|rut ho so|tu choi|huy)\b")]
    private static partial Regex IgnoredLeaf();

    [GeneratedRegex(@"\b(?:ky truoc|ton ky|ton tu ky|chuyen qua|chuyen sang)\b")]
    private static partial Regex CarriedOverLeaf();

    [GeneratedRegex(@"\b(?:moi tiep nhan|tiep nhan moi|moi nhan|tiep nhan trong ky|nhan trong ky)\b")]
    private static partial Regex NewLeaf();

    [GeneratedRegex(@"\b(?:truc tuyen|qua mang)\b")]
    private static partial Regex OnlineLeaf();

    [GeneratedRegex(@"\b(?:truc tiep|buu chinh|bcci)\b")]
    private static partial Regex InPersonLeaf();

    [GeneratedRegex(@"\b(?:chua den han|trong han|trong thoi han|chua qua han|chua toi han)\b")]
    private static partial Regex NotDueLeaf();

    [GeneratedRegex(@"\b(?:dung va truoc han|truoc va dung han|dung han va truoc han|dung truoc han)\b")]
    private static partial Regex OnTimeAndEarlyLeaf();

    [GeneratedRegex(@"\b(?:truoc han|truoc thoi han|som han)\b")]
    private static partial Regex EarlyLeaf();

    [GeneratedRegex(@"\b(?:dung han|dung thoi han|dung hen)\b")]
    private static partial Regex OnTimeLeaf();

    [GeneratedRegex(@"\b(?:qua han|tre han|tre hen|qua thoi han)\b")]
    private static partial Regex LateLeaf();

    [GeneratedRegex(@"^(?:tong so|tong cong|tong|cong)\b")]
    private static partial Regex TotalLeaf();

    [GeneratedRegex(@"\b(?:dang giai quyet|chua giai quyet|dang xu ly|chua xu ly)\b")]
    private static partial Regex PendingGroup();

    [GeneratedRegex(@"\b(?:da giai quyet|da xu ly|giai quyet xong|da tra ket qua)\b")]
    private static partial Regex ResolvedGroup();

    [GeneratedRegex(@"\b(?:nhan giai quyet|tiep nhan|ho so nhan|da nhan)\b")]
    private static partial Regex ReceivedGroup();
}
