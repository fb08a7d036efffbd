using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Plans;

/// <summary>
/// Reads a remediation plan in the layout of the seed's appendix from its tables (Excel sheets, CSV, Word tables).
/// Rows are keyed by their STT (1, 1.1, 1.1.2); a row without STT and without points continues the row above (Word
/// wraps long cells); Roman-numbered section rows are skipped; anything else that cannot be used is quarantined with
/// its location. Province and years come from the document text or from <see cref="PlanLoadOptions"/>.
/// </summary>
internal sealed partial class RemediationPlanParser(ProvinceResolver resolver)
{
    public static RemediationPlanParser Default { get; } = new(ProvinceResolver.Default);

    /// <summary>Whether any table of the document has the plan's columns.</summary>
    public static bool LooksLikePlan(PlanDocument document) => document.Tables.Any(t => PlanHeader.Find(t) is not null);

    public ParsedPlan Parse(PlanDocument document, PlanLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= PlanLoadOptions.None;
        var file = new SourceLocation(document.Path);
        var tables = document.Tables.Select(t => (Sheet: t, Header: PlanHeader.Find(t))).Where(t => t.Header is not null).ToList();
        if (tables.Count == 0)
        {
            throw new PlanFormatException(file,
                "no table with the plan's columns (STT, Lĩnh vực/Tiêu chí/Tiêu chí thành phần, Điểm chuẩn, Điểm thẩm định, Điểm bị mất, Giải pháp, Cơ quan chủ trì thực hiện, …)");
        }

        var context = document.Paragraphs
            .Concat(tables.SelectMany(t => Enumerable.Range(0, t.Header!.FirstRow).Select(r => RowText(t.Sheet, r))))
            .ToList();
        var identity = PlanIdentity.Detect(context);
        var planYear = ChooseYear(file, options.PlanYear, identity.TitleYear ?? identity.PlanDate?.Year, "--year", "plan year");
        var (province, provinceHow) = ChooseProvince(file, options.Province, options.DefaultProvince, identity, planYear);
        var resultYear = options.ResultYear ?? identity.ResultYear ?? planYear - 1;

        var rows = new List<PlanRow>();
        var rejected = new List<QuarantineRecord>();
        var count = new RowTally();
        foreach (var (sheet, header) in tables)
        {
            ReadRows(sheet, header!, rows, rejected, count);
        }

        if (rows.Count == 0)
        {
            throw new PlanFormatException(tables[0].Sheet.Where(tables[0].Header!.LastRow), "the plan table has a header but no criterion rows below it");
        }

        return new ParsedPlan(province, planYear, resultYear, identity.PlanNumber, identity.PlanDate, document.IsSynthetic, rows, rejected)
        {
            RowsRead = count.Read,
            RowsSkipped = count.Skipped,
            ProvinceDecision = $"{province.GsoCode} ({province.ShortName}) {provinceHow}",
        };
    }

    private static void ReadRows(Sheet sheet, PlanHeader header, List<PlanRow> rows, List<QuarantineRecord> rejected, RowTally count)
    {
        var firstRowOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        PlanRow? previous = null;
        var lastRow = sheet.RowCount - 1;
        while (lastRow > header.LastRow && sheet.IsBlankRow(lastRow))
        {
            lastRow--;
        }

        for (var r = header.LastRow + 1; r <= lastRow; r++)
        {
            count.Read++;
            if (sheet.IsBlankRow(r) || header.IsRepeatedHeader(sheet, r) || IsColumnNumbering(sheet, r))
            {
                count.Skipped++;
                continue;
            }

            var codeText = Text(sheet, header, PlanColumn.Code, r, followMerges: false);
            var name = Text(sheet, header, PlanColumn.Name, r, followMerges: false);
            var code = NormaliseCode(codeText, name);
            var numbers = ReadNumbers(sheet, header, r, out var numberProblem);
            if (numberProblem is not null)
            {
                rejected.Add(numberProblem);
                continue;
            }

            if (code is null && codeText is not null && SectionNumber().IsMatch(codeText))
            {
                count.Skipped++;
                continue;
            }

            if (code is null && codeText is not null)
            {
                rejected.Add(Reject(sheet, header, r, PlanColumn.Code, $"STT '{codeText}' is not a criterion code (like 1, 1.1 or 1.1.2)"));
                continue;
            }

            if (code is null)
            {
                if (numbers.Any(n => n is not null))
                {
                    rejected.Add(Reject(sheet, header, r, PlanColumn.Code, "the row has points but no STT, so its criterion is unknown"));
                }
                else if (previous is null)
                {
                    rejected.Add(new QuarantineRecord(sheet.Where(r), "text before the first criterion row", RowText(sheet, r)));
                }
                else
                {
                    // Word wraps a long remedy or agency list onto a row of its own: it belongs to the row above.
                    var merged = Continue(previous, sheet, header, r);
                    rows[^1] = merged;
                    previous = merged;
                    count.Skipped++;
                }

                continue;
            }

            if (firstRowOfCode.TryGetValue(code, out var firstRow) && numbers.Any(n => n is not null))
            {
                rejected.Add(Reject(sheet, header, r, PlanColumn.Code, $"criterion {code} is listed twice with points (first at row {firstRow + 1})"));
                continue;
            }

            firstRowOfCode.TryAdd(code, r);
            previous = new PlanRow(
                code, name, numbers[0], numbers[1], numbers[2],
                Text(sheet, header, PlanColumn.Remedy, r, followMerges: true),
                Text(sheet, header, PlanColumn.LeadAgencies, r, followMerges: true),
                Text(sheet, header, PlanColumn.CoordinatingAgencies, r, followMerges: true),
                Text(sheet, header, PlanColumn.Deadline, r, followMerges: true),
                Text(sheet, header, PlanColumn.Note, r, followMerges: true),
                sheet.Where(r));
            rows.Add(previous);
        }
    }

    private static PlanRow Continue(PlanRow row, Sheet sheet, PlanHeader header, int r)
    {
        string? Join(string? above, PlanColumn column) =>
            Text(sheet, header, column, r, followMerges: false) is { } more ? (above is null ? more : above + "\n" + more) : above;

        return row with
        {
            CriterionName = Join(row.CriterionName, PlanColumn.Name),
            Remedy = Join(row.Remedy, PlanColumn.Remedy),
            LeadAgencies = Join(row.LeadAgencies, PlanColumn.LeadAgencies),
            CoordinatingAgencies = Join(row.CoordinatingAgencies, PlanColumn.CoordinatingAgencies),
            Deadline = Join(row.Deadline, PlanColumn.Deadline),
            Note = Join(row.Note, PlanColumn.Note),
        };
    }

    /// <summary>Max points, appraised points and points lost; a cell with text that is not a number rejects the row.</summary>
    private static double?[] ReadNumbers(Sheet sheet, PlanHeader header, int r, out QuarantineRecord? problem)
    {
        problem = null;
        var values = new double?[3];
        PlanColumn[] columns = [PlanColumn.MaxPoints, PlanColumn.AppraisedPoints, PlanColumn.PointsLost];
        for (var i = 0; i < columns.Length; i++)
        {
            if (header[columns[i]] is not { } c || sheet.Text(r, c) is not { } text)
            {
                continue;
            }

            values[i] = CellValues.Number(sheet.Value(r, c));
            if (values[i] is null)
            {
                problem = Reject(sheet, header, r, columns[i], $"{header.Titles[columns[i]]} is not a number: '{text}'");
                return values;
            }
        }

        return values;
    }

    private static QuarantineRecord Reject(Sheet sheet, PlanHeader header, int r, PlanColumn column, string reason)
    {
        var where = sheet.Where(r, header[column]);
        return new QuarantineRecord(where, $"{PlanFormatException.Describe(where)}: {reason}", RowText(sheet, r));
    }

    private static string? Text(Sheet sheet, PlanHeader header, PlanColumn column, int r, bool followMerges) =>
        header[column] is { } c ? sheet.Text(r, c, followMerges) : null;

    /// <summary>"1", "1.1.", "1,1" (a decimal comma typed by Excel), "TỔNG CỘNG" → TOTAL; null when not a code.</summary>
    internal static string? NormaliseCode(string? codeText, string? name)
    {
        if (codeText is null)
        {
            return IsTotal(name) ? IndexCodes.Total : null;
        }

        var t = codeText.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.').TrimEnd('.');
        return CriterionCode().IsMatch(t) ? t : IsTotal(codeText) ? IndexCodes.Total : null;
    }

    private static bool IsTotal(string? text) => CellValues.Fold(text) is "tong" or "tong cong" or "tong diem" or "tong so" or "total";

    /// <summary>A row "1 2 3 4 …" or "(1) (2) (3) …" under a header numbers its columns.</summary>
    private static bool IsColumnNumbering(Sheet sheet, int r)
    {
        var cells = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(r, c)).Where(t => t is not null).ToList();
        if (cells.Count < 4)
        {
            return false;
        }

        var numbers = cells.Select(t => int.TryParse(t!.Trim('(', ')'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
        return numbers.All(n => n is not null) && numbers.Zip(numbers.Skip(1)).All(p => p.Second == p.First + 1);
    }

    private static string RowText(Sheet sheet, int r) =>
        string.Join(" | ", Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(r, c)).Where(t => t is not null));

    private static int ChooseYear(SourceLocation file, int? option, int? fromDocument, string optionName, string what)
    {
        if (option is not null && fromDocument is not null && option != fromDocument)
        {
            throw new PlanFormatException(file, $"{optionName} {option} contradicts the document, which gives {what} {fromDocument}");
        }

        return option ?? fromDocument
            ?? throw new PlanFormatException(file, $"the document does not say its {what} (no 'KẾ HOẠCH … NĂM yyyy' title or 'ngày … tháng … năm …' date): give {optionName}");
    }

    /// <summary>Rows read below the plan headers, and those deliberately not loaded.</summary>
    private sealed class RowTally
    {
        public int Read { get; set; }

        public int Skipped { get; set; }
    }

    private (Province Province, string How) ChooseProvince(SourceLocation file, string? option, string? deploymentDefault, PlanIdentity identity, int planYear)
    {
        var fromDocument = identity.ProvinceCandidates.Select(name => resolver.Resolve(name, planYear)).FirstOrDefault(p => p is not null);
        Province? fromOption = null;
        if (option is not null)
        {
            fromOption = resolver.Resolve(option, planYear) ?? ProvinceCatalog.Default.ByCode(option, planYear)
                ?? throw new PlanFormatException(file, $"--province '{option}' is not a province in {planYear}");
        }

        if (fromOption is not null && fromDocument is not null && fromOption.Key != fromDocument.Key)
        {
            throw new PlanFormatException(file, $"--province {fromOption.ShortName} contradicts the document, which is a plan of {fromDocument.ShortName}");
        }

        if (fromDocument is not null)
        {
            return (fromDocument, "from the document's title" + (fromOption is null ? string.Empty : "; --province agrees"));
        }

        if (fromOption is not null)
        {
            return (fromOption, "from --province (the document names none)");
        }

        if (deploymentDefault is not null)
        {
            var deployed = resolver.Resolve(deploymentDefault, planYear) ?? ProvinceCatalog.Default.ByCode(deploymentDefault, planYear)
                ?? throw new PlanFormatException(file, $"the deployment's province {ProvinceSetting.EnvironmentVariable}='{deploymentDefault}' is not a province in {planYear}");
            return (deployed, $"from the deployment default {ProvinceSetting.EnvironmentVariable} (the document names none)");
        }

        throw new PlanFormatException(file,
            $"the document does not say whose plan it is (no '… của UBND tỉnh <name>'): give --province (or set {ProvinceSetting.EnvironmentVariable} for the deployment)");
    }

    [GeneratedRegex(@"^\d{1,2}(\.\d{1,2}){0,3}$")]
    private static partial Regex CriterionCode();

    [GeneratedRegex(@"^([IVXLC]+|[A-ZĐ])\.?$")]
    private static partial Regex SectionNumber();
}
