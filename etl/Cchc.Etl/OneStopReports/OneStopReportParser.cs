using System.Globalization;
using Cchc.Etl.OneStop;
using Cchc.Etl.Provinces;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.OneStopReports;

/// <summary>A results report as read from its file: one report per sheet that has the form's header.</summary>
/// <param name="RowsRead">Table rows read between the header (and its column-number row) and the end of the table.</param>
/// <param name="RowsSkipped">Of those, the group, total, heading and blank rows (never loaded as facts).</param>
/// <param name="ProvinceSource">How the province was decided, for the load summary.</param>
internal sealed record ParsedOneStopReport(
    IReadOnlyList<OneStopReport> Reports,
    IReadOnlyList<QuarantineRecord> Rejected,
    int RowsRead,
    int RowsSkipped,
    string ProvinceSource);

/// <summary>A results report that cannot be loaded at all, naming where: file, sheet, row.</summary>
internal sealed class OneStopReportFormatException(SourceLocation location, string problem)
    : Exception($"{location}: {problem}")
{
    public SourceLocation Location { get; } = location;

    public string Problem { get; } = problem;
}

/// <summary>
/// Reads the national one-stop results report (tình hình, kết quả giải quyết TTHC: forms 06a/06b/06c of the Government
/// Office circulars) from a sheet: the title block (province, period, form code), the header, then the table — level
/// group rows ("I. Cấp tỉnh"), rows per field or agency (and fields under an agency), subtotal and grand-total rows —
/// down to the signature block. Only the lowest-grain rows become facts; group and total rows are kept as written for
/// the data-quality rules; rows that cannot be read go to quarantine with their sheet, row and column.
/// </summary>
internal static class OneStopReportParser
{
    /// <summary>A results report is a few hundred rows; a bigger file is something else and is not opened whole.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private static readonly (ReportColumn Role, string Name)[] CountRoles =
    [
        (ReportColumn.ReceivedTotal, "received total (Tổng số nhận giải quyết)"),
        (ReportColumn.CarriedOver, "carried over (Kỳ trước chuyển qua)"),
        (ReportColumn.ReceivedNew, "newly received (Mới tiếp nhận)"),
        (ReportColumn.Online, "received online (Trực tuyến)"),
        (ReportColumn.InPersonPostal, "received in person or by post (Trực tiếp, dịch vụ bưu chính)"),
        (ReportColumn.ResolvedTotal, "resolved total (Số hồ sơ đã giải quyết)"),
        (ReportColumn.Early, "resolved early (Trả trước hạn)"),
        (ReportColumn.OnTime, "resolved on time (Đúng thời hạn)"),
        (ReportColumn.Late, "resolved late (Quá hạn)"),
        (ReportColumn.PendingTotal, "pending total (Số hồ sơ đang giải quyết)"),
        (ReportColumn.NotDue, "pending, not yet due (Chưa đến hạn)"),
        (ReportColumn.Overdue, "pending, overdue (Quá hạn)"),
    ];

    /// <summary>The sheets that may hold a report: visible, not the synthetic marker sheet.</summary>
    public static IEnumerable<Sheet> DataSheets(Workbook workbook)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        return workbook.Sheets.Where(s => !s.IsHidden && s.Name != SyntheticMarker.SheetName);
    }

    public static bool LooksLikeReport(Workbook workbook) => DataSheets(workbook).Any(s => ReportHeader.Find(s, out _) is not null);

    /// <param name="setting">The province for a report that names none: <c>--province</c> (a report naming another
    /// province is refused) or the deployment's <c>CCHC_PROVINCE</c>.</param>
    public static ParsedOneStopReport Parse(Workbook workbook, ProvinceSetting setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var provinceCode = setting.Given;
        ArgumentNullException.ThrowIfNull(workbook);
        var isSynthetic = SyntheticMarker.IsSynthetic(workbook)
            || (workbook.Format == FileFormat.Csv && workbook.Sheets[0].Text(0, 0) is { } first && first.StartsWith(SyntheticMarker.CsvCommentLine, StringComparison.Ordinal));
        var sheets = new List<(Sheet Sheet, ReportHeader Header, List<string> Title, int End)>();
        string? incomplete = null;
        foreach (var sheet in DataSheets(workbook))
        {
            if (ReportHeader.Find(sheet, out var missing) is { } header)
            {
                var end = TableEnd(sheet, header);
                sheets.Add((sheet, header, Lines(sheet, 0, header.FirstRow), end));
            }
            else
            {
                incomplete ??= missing is null ? null : $"sheet '{sheet.Name}': {missing}";
            }
        }

        var where = new SourceLocation(workbook.Path);
        if (sheets.Count == 0)
        {
            throw new OneStopReportFormatException(where, incomplete is not null
                ? $"the one-stop results report lacks columns: {incomplete}"
                : "not a one-stop results report: no sheet has the form's header (STT, Lĩnh vực or Đơn vị, Số hồ sơ nhận giải quyết, Số hồ sơ đã giải quyết, Số hồ sơ đang giải quyết)");
        }

        var named = sheets.Select(s => ReportTitle.ProvinceCode(s.Title, Lines(s.Sheet, s.End, s.Sheet.RowCount))).ToList();
        var fileProvince = named.FirstOrDefault(c => c is not null);
        var reports = new List<OneStopReport>();
        var rejected = new List<QuarantineRecord>();
        int read = 0, skipped = 0;
        for (var i = 0; i < sheets.Count; i++)
        {
            var (sheet, header, title, end) = sheets[i];
            var sheetWhere = new SourceLocation(workbook.Path, sheet.Name);
            if (provinceCode is not null && named[i] is { } stated && stated != provinceCode)
            {
                throw new OneStopReportFormatException(sheetWhere,
                    $"the report names the province {Name(stated)} ({stated}), but --province says {Name(provinceCode)} ({provinceCode})");
            }

            var code = named[i] ?? fileProvince ?? provinceCode ?? setting.DeploymentDefault
                ?? throw new OneStopReportFormatException(sheetWhere,
                    $"the report names no province (no 'UBND tỉnh …' above the table, no place in the signature line): give it with --province (a GSO code or a name), or set {ProvinceSetting.EnvironmentVariable} for the deployment");
            ReportPeriod period;
            try
            {
                period = ReportPeriodParser.Parse(title)
                    ?? throw new OneStopReportFormatException(sheetWhere,
                        "no reporting period above the table: expected a line such as 'Kỳ báo cáo: Quý II năm 2019 (từ ngày 01/04/2019 đến ngày 30/06/2019)'");
            }
            catch (FormatException e)
            {
                throw new OneStopReportFormatException(sheetWhere, "the reporting period cannot be read: " + e.Message);
            }

            var province = ProvinceEntity(code, period.End)
                ?? throw new OneStopReportFormatException(sheetWhere, $"no province with GSO code {code} on {period.End:dd/MM/yyyy}");
            var table = new TableReader(sheet, header, period, ReportVocabulary.TitleLevel(title)).Read(end);
            read += table.RowsRead;
            skipped += table.RowsSkipped;
            rejected.AddRange(table.Rejected);
            var levels = table.Rows.Select(r => r.LevelCode).Concat(table.Levels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            reports.Add(new OneStopReport(
                new OneStopReportScope(province.Key, period.Start, period.End, levels),
                period,
                ReportTitle.FormCode(title),
                isSynthetic,
                table.Rows,
                table.Subtotals));
        }

        var source = named.Any(n => n is not null) ? "named by the report"
            : provinceCode is not null ? $"{provinceCode} ({ProvinceSetting.Name(provinceCode)}) from --province (the report names none)"
            : $"{setting.DeploymentDefault} ({ProvinceSetting.Name(setting.DeploymentDefault!)}) from the deployment default {ProvinceSetting.EnvironmentVariable} (the report names none)";
        return new ParsedOneStopReport(reports, rejected, read, skipped, source);
    }

    private static string Name(string code) => ProvinceCatalog.Default.All.FirstOrDefault(p => p.GsoCode == code)?.ShortName ?? code;

    /// <summary>The province entity on the period's last day (a report of late 2025 belongs to the merged province).</summary>
    private static Province? ProvinceEntity(string code, DateOnly day)
    {
        var onDay = new ProvinceOnDay();
        return onDay.TryResolve(code, day, out var province) ? province : null;
    }

    /// <summary>The row where what follows the table begins (signatures, "Nơi nhận:", "Ghi chú:"), or the sheet's end.</summary>
    private static int TableEnd(Sheet sheet, ReportHeader header)
    {
        var counts = header.CountColumns.ToList();
        for (var r = header.DataRow; r < sheet.RowCount; r++)
        {
            if (counts.Any(c => ReportVocabulary.Count(sheet.Value(r, c), out _) is not null))
            {
                continue;
            }

            var cells = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(r, c)).OfType<string>().ToList();
            if (cells.Any(ReportVocabulary.StartsFooter)
                || (cells.Count > 0 && sheet.Text(r, header[ReportColumn.Label]) is null && !IsGroupOrTotal(sheet, header, r)))
            {
                return r;
            }
        }

        return sheet.RowCount;
    }

    private static bool IsGroupOrTotal(Sheet sheet, ReportHeader header, int row)
    {
        var sequence = header.Has(ReportColumn.Sequence) ? sheet.Text(row, header[ReportColumn.Sequence]) : null;
        var name = sheet.Text(row, header[ReportColumn.Label]) ?? sequence;
        return ReportVocabulary.IsGroupNumber(sequence)
            || (name is not null && (ReportVocabulary.IsTotal(name) || ReportVocabulary.LevelOf(name) != DossierLevel.Unknown));
    }

    /// <summary>Each row's non-blank cells joined by spaces (a period or title split over cells reads as one line).</summary>
    private static List<string> Lines(Sheet sheet, int from, int to)
    {
        var lines = new List<string>();
        for (var r = from; r < to; r++)
        {
            var cells = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(r, c)).OfType<string>().ToList();
            if (cells.Count > 0)
            {
                lines.Add(string.Join(' ', cells));
            }
        }

        return lines;
    }

    /// <summary>The table of one sheet: rows classified, parents of child rows found, counts read.</summary>
    private sealed class TableReader(Sheet sheet, ReportHeader header, ReportPeriod period, DossierLevel titleLevel)
    {
        private enum Kind
        {
            Blank,
            Group,
            Total,
            Heading,
            Leaf,
        }

        private sealed record Entry(int Row, Kind Kind, string? Sequence, string? Label, DossierLevel Level)
        {
            public bool IsChild { get; init; }

            /// <summary>A row that is a whole level ("1 | Cấp tỉnh | …", or a level group with counts and no rows under it).</summary>
            public bool IsLevelRow { get; set; }

            public string? Parent { get; set; }

            public bool IsParent { get; set; }
        }

        public List<OneStopReportRow> Rows { get; } = [];

        public List<OneStopReportSubtotal> Subtotals { get; } = [];

        public List<QuarantineRecord> Rejected { get; } = [];

        /// <summary>Levels the table has a group or subtotal for.</summary>
        public HashSet<string> Levels { get; } = new(StringComparer.Ordinal);

        public int RowsRead { get; private set; }

        public int RowsSkipped { get; private set; }

        public TableReader Read(int end)
        {
            var entries = Classify(end);
            PromoteLonelyLevelGroups(entries);
            FindParents(entries);
            foreach (var e in entries)
            {
                RowsRead++;
                switch (e.Kind)
                {
                    case Kind.Leaf when !e.IsParent:
                        Leaf(e);
                        break;
                    case Kind.Leaf when e.IsLevelRow:
                        // A level row above its own field rows: the level's subtotal.
                        RowsSkipped++;
                        AddSubtotal(e, OneStopReportSubtotal.Level, e.Level, null);
                        break;
                    case Kind.Leaf:
                        // A row with counts above its own child rows (an agency above its fields): a subtotal.
                        RowsSkipped++;
                        AddSubtotal(e, OneStopReportSubtotal.Agency, e.Level, Clean(e.Label!));
                        break;
                    case Kind.Group:
                        RowsSkipped++;
                        if (e.Level != DossierLevel.Unknown)
                        {
                            Levels.Add(LevelCode(e.Level));
                            AddSubtotal(e, OneStopReportSubtotal.Level, e.Level, null);
                        }

                        break;
                    case Kind.Total:
                        RowsSkipped++;
                        AddSubtotal(e, e.Level == DossierLevel.Unknown ? OneStopReportSubtotal.GrandTotal : OneStopReportSubtotal.Level, e.Level, null);
                        break;
                    default:
                        RowsSkipped++;
                        break;
                }
            }

            return this;
        }

        private List<Entry> Classify(int end)
        {
            var entries = new List<Entry>();
            var level = titleLevel;
            var counts = header.CountColumns.ToList();
            for (var r = header.DataRow; r < end; r++)
            {
                if (sheet.IsBlankRow(r))
                {
                    entries.Add(new Entry(r, Kind.Blank, null, null, level));
                    continue;
                }

                var sequence = header.Has(ReportColumn.Sequence) ? sheet.Text(r, header[ReportColumn.Sequence]) : null;
                var label = sheet.Text(r, header[ReportColumn.Label]);
                var name = label ?? sequence;
                var hasCounts = counts.Any(c => sheet.Text(r, c) is not null);
                var numbered = sequence is not null && sequence.Any(char.IsAsciiDigit);
                if (name is not null && !numbered && ReportVocabulary.IsTotal(name))
                {
                    var totalLevel = ReportVocabulary.TotalLevel(name);
                    entries.Add(new Entry(r, Kind.Total, sequence, name, totalLevel));
                    continue;
                }

                if (name is not null && !numbered && (ReportVocabulary.IsGroupNumber(sequence) || ReportVocabulary.LevelOf(name) != DossierLevel.Unknown))
                {
                    level = ReportVocabulary.LevelOf(name);
                    if (level == DossierLevel.Unknown)
                    {
                        level = titleLevel;
                    }

                    entries.Add(new Entry(r, Kind.Group, sequence, name, level));
                    continue;
                }

                if (numbered && label is not null && ReportVocabulary.LevelOf(label) is var rowLevel and not DossierLevel.Unknown)
                {
                    // "1 | Cấp tỉnh | counts": a report per level; the rows that may follow it are that level's.
                    level = rowLevel;
                    entries.Add(new Entry(r, hasCounts ? Kind.Leaf : Kind.Heading, sequence, label, level) { IsLevelRow = true });
                    continue;
                }

                var kind = hasCounts ? Kind.Leaf : label is not null ? Kind.Heading : Kind.Blank;
                entries.Add(new Entry(r, kind, sequence, label, level) { IsChild = label is not null && ReportVocabulary.IsChild(sequence, label) });
            }

            return entries;
        }

        /// <summary>A level group row with counts and no rows under it is itself the lowest grain (a report per level).</summary>
        private void PromoteLonelyLevelGroups(List<Entry> entries)
        {
            var counts = header.CountColumns.ToList();
            for (var i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e.Kind != Kind.Group || e.Level == DossierLevel.Unknown || !counts.Any(c => sheet.Text(e.Row, c) is not null))
                {
                    continue;
                }

                var next = entries.Skip(i + 1).FirstOrDefault(x => x.Kind is not Kind.Blank);
                if (next is null || next.Kind is Kind.Group or Kind.Total)
                {
                    entries[i] = e with { Kind = Kind.Leaf, IsLevelRow = true };
                }
            }
        }

        /// <summary>Child rows ("1.1", "- Đất đai") belong to the numbered row above them, which is then their agency
        /// (or, for a level row, their level).</summary>
        private static void FindParents(List<Entry> entries)
        {
            Entry? parent = null;
            foreach (var e in entries)
            {
                if (e.Kind is Kind.Group or Kind.Total)
                {
                    parent = null;
                }
                else if (e.Kind is Kind.Leaf or Kind.Heading && !e.IsChild)
                {
                    parent = e;
                }
                else if (e.IsChild && parent is not null)
                {
                    parent.IsParent = true;
                    e.Parent = parent.IsLevelRow ? null : Clean(parent.Label!);
                }
            }
        }

        private void Leaf(Entry e)
        {
            var where = sheet.Where(e.Row);
            var raw = string.Join(';', Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(e.Row, c) ?? string.Empty));
            if (e.Label is null)
            {
                Rejected.Add(new QuarantineRecord(sheet.Where(e.Row, header[ReportColumn.Label]), "a row with counts but no field or agency name", raw));
                return;
            }

            if (e.Level == DossierLevel.Unknown)
            {
                Rejected.Add(new QuarantineRecord(where,
                    "no level for this row: it is under no level group row (I. Cấp tỉnh / II. Cấp huyện / III. Cấp xã) and the title names no level", raw));
                return;
            }

            if (e.Level == DossierLevel.District && period.Start >= ProvinceCatalog.ReformDate)
            {
                Rejected.Add(new QuarantineRecord(where, $"a district-level row in a report of {period.Label}: there is no district level from 1 July 2025", raw));
                return;
            }

            if (ReadCounts(e.Row, out var problemColumn, out var problem) is not { } counts)
            {
                Rejected.Add(new QuarantineRecord(sheet.Where(e.Row, problemColumn), problem!, raw));
                return;
            }

            var name = Clean(e.Label);
            var (field, agency) = e.IsLevelRow ? (null, null)
                : e.Parent is not null ? (name, e.Parent)
                : header.Breakdown == ReportBreakdown.Field ? (name, (string?)null) : ((string?)null, name);
            var note = header.Has(ReportColumn.Note) ? sheet.Text(e.Row, header[ReportColumn.Note]) : null;
            Rows.Add(new OneStopReportRow(LevelCode(e.Level), field, agency, WithTotals(counts), note, where));
        }

        private void AddSubtotal(Entry e, string kind, DossierLevel level, string? agency)
        {
            if (ReadCounts(e.Row, out var column, out var problem) is not { } counts)
            {
                if (problem is not null)
                {
                    // A group or total row that cannot be read is not loaded anyway; say so, so that the check it
                    // would have allowed is not silently missing.
                    Rejected.Add(new QuarantineRecord(sheet.Where(e.Row, column), "group or total row not checked: " + problem, null));
                    RowsSkipped--;
                }

                return;
            }

            if (kind == OneStopReportSubtotal.Level && level != DossierLevel.Unknown)
            {
                Levels.Add(LevelCode(level));
            }

            Subtotals.Add(new OneStopReportSubtotal(kind, level == DossierLevel.Unknown ? null : LevelCode(level), agency,
                e.Label ?? e.Sequence ?? string.Empty, counts, sheet.Where(e.Row)));
        }

        /// <summary>The row's counts as written (a blank cell in a row that has counts is zero); null with the problem
        /// when a cell is not a count, or when the row has no count at all.</summary>
        private ReportCounts? ReadCounts(int row, out int? problemColumn, out string? problem)
        {
            problemColumn = null;
            problem = null;
            var values = new Dictionary<ReportColumn, int?>();
            var any = false;
            foreach (var (role, description) in CountRoles)
            {
                var columns = header.ColumnsOf(role);
                if (columns.Count == 0)
                {
                    values[role] = null;
                    continue;
                }

                var sum = 0;
                foreach (var c in columns)
                {
                    var count = ReportVocabulary.Count(sheet.Value(row, c), out var cellProblem);
                    if (cellProblem is not null)
                    {
                        problemColumn = c;
                        problem = $"{description}: {cellProblem}";
                        return null;
                    }

                    any |= count is not null;
                    sum = checked(sum + (count ?? 0));
                }

                values[role] = sum;
            }

            if (!any)
            {
                return null;
            }

            return new ReportCounts(
                values[ReportColumn.ReceivedTotal], values[ReportColumn.CarriedOver], values[ReportColumn.ReceivedNew],
                values[ReportColumn.Online], values[ReportColumn.InPersonPostal], values[ReportColumn.ResolvedTotal],
                values[ReportColumn.Early], values[ReportColumn.OnTime], values[ReportColumn.Late], values[ReportColumn.PendingTotal],
                values[ReportColumn.NotDue], values[ReportColumn.Overdue]);
        }

        /// <summary>A fact always has its three totals: a form without a total column has them as the sum of its parts.</summary>
        private static ReportCounts WithTotals(ReportCounts c)
        {
            var newlyReceived = c.ReceivedNew ?? (c.ReceivedOnline is null && c.ReceivedInPersonPostal is null ? null : (c.ReceivedOnline ?? 0) + (c.ReceivedInPersonPostal ?? 0));
            return c with
            {
                ReceivedNew = newlyReceived,
                ReceivedTotal = c.ReceivedTotal ?? (c.CarriedOver ?? 0) + (newlyReceived ?? 0),
                ResolvedTotal = c.ResolvedTotal ?? (c.ResolvedEarly ?? 0) + (c.ResolvedOnTime ?? 0) + (c.ResolvedLate ?? 0),
                PendingTotal = c.PendingTotal ?? (c.PendingNotDue ?? 0) + (c.PendingOverdue ?? 0),
            };
        }

        private static string Clean(string label) => ReportVocabulary.StripBullet(ChildNumberPrefix(label));

        /// <summary>"1. UBND huyện Đức Trọng" → "UBND huyện Đức Trọng" (the number is the STT written into the name).</summary>
        private static string ChildNumberPrefix(string label)
        {
            var i = 0;
            while (i < label.Length && (char.IsAsciiDigit(label[i]) || label[i] == '.'))
            {
                i++;
            }

            return i > 0 && i < label.Length && label[i] is ' ' or ')' ? label[(i + 1)..].Trim() : label.Trim();
        }

        private static string LevelCode(DossierLevel level) => level.ToString().ToLower(CultureInfo.InvariantCulture);
    }
}
