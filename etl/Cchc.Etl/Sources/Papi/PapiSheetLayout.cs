using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Papi;

/// <summary>A column holding one criterion's scores.</summary>
internal sealed record PapiColumn(int Index, string Code, string Header);

/// <summary>A header cell that names nothing PAPI knows (its values are not loaded).</summary>
internal sealed record UnknownColumn(int Index, string Header);

/// <summary>
/// Where things are in one year sheet of the combined PAPI layout, found by content: the header row is the first row
/// with a province-id cell ("tinhid") and at least three PAPI criterion names; the header rows below it that also
/// name criteria (the Vietnamese row) are part of the header; province-name columns are those headed like one
/// ("tentinh_eng", "Tỉnh/Thành phố") or whose data cells are mostly province names. Nothing depends on fixed row or column positions.
/// </summary>
internal sealed partial class PapiSheetLayout
{
    private const int HeaderSearchRows = 40;
    private const int MinimumCriterionHeaders = 3;

    private static readonly HashSet<string> IdHeaders = new(StringComparer.Ordinal) { "tinhid", "matinh", "provinceid", "idtinh" };

    // Folded header fragments of province-name columns ("tentinh_eng", "Tỉnh/Thành phố", "Province").
    private static readonly string[] NameHeaderFragments = ["tentinh", "tinhthanhpho", "province"];

    private PapiSheetLayout(int? year, int headerRow, int firstDataRow, int idColumn, IReadOnlyList<int> nameColumns,
        IReadOnlyList<PapiColumn> criteria, IReadOnlyList<UnknownColumn> unknown)
    {
        Year = year;
        HeaderRow = headerRow;
        FirstDataRow = firstDataRow;
        IdColumn = idColumn;
        NameColumns = nameColumns;
        Criteria = criteria;
        Unknown = unknown;
    }

    /// <summary>The year the sheet's name states ("2017_PAPI" → 2017), or null.</summary>
    public int? Year { get; }

    public int HeaderRow { get; }

    public int FirstDataRow { get; }

    public int IdColumn { get; }

    public IReadOnlyList<int> NameColumns { get; }

    public IReadOnlyList<PapiColumn> Criteria { get; }

    public IReadOnlyList<UnknownColumn> Unknown { get; }

    public static int? YearOf(string sheetName) =>
        YearPattern().Match(sheetName) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The layout of <paramref name="sheet"/>, or null when it has no PAPI header row.</summary>
    /// <exception cref="SpreadsheetException">The header is ambiguous (two columns for one criterion, or an English
    /// and a Vietnamese header naming different criteria).</exception>
    public static PapiSheetLayout? Detect(Sheet sheet, PapiCriteria criteria, ProvinceResolver resolver)
    {
        var headerRow = FindHeaderRow(sheet, criteria);
        if (headerRow is null)
        {
            return null;
        }

        var headerRows = new List<int> { headerRow.Value };
        while (headerRows.Count < 3 && IsHeaderRow(sheet, headerRows[^1] + 1, criteria))
        {
            headerRows.Add(headerRows[^1] + 1);
        }

        var firstDataRow = headerRows[^1] + 1;
        var idColumn = IdColumnOf(sheet, headerRow.Value)!.Value;
        var columns = new List<PapiColumn>();
        var others = new List<UnknownColumn>();
        for (var c = 0; c < sheet.ColumnCount; c++)
        {
            if (c == idColumn)
            {
                continue;
            }

            var headers = headerRows.Select(r => sheet.Text(r, c, followMerges: true)).OfType<string>().ToList();
            var codes = headers.Select(criteria.CodeForHeader).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count > 1)
            {
                throw new SpreadsheetException(sheet.Where(headerRow.Value, c),
                    $"the header rows name different criteria in one column: {string.Join(" / ", headers.Select(h => $"'{h}'"))} ({string.Join(", ", codes)})");
            }

            if (codes.Count == 1)
            {
                if (columns.FirstOrDefault(x => x.Code == codes[0]) is { } twin)
                {
                    throw new SpreadsheetException(sheet.Where(headerRow.Value, c),
                        $"two columns hold {codes[0]}: {ColumnName.Of(twin.Index)} and {ColumnName.Of(c)} (the combined PAPI layout has one column per criterion; UNDP's fuller indicator-level releases are not in it)");
                }

                columns.Add(new PapiColumn(c, codes[0], headers[0]));
            }
            else if (headers.Count > 0 || HasText(sheet, firstDataRow, c))
            {
                others.Add(new UnknownColumn(c, headers.Count > 0 ? headers[0] : "(no header)"));
            }
        }

        var nameColumns = others
            .Where(o => IsNameHeader(o.Header) || IsProvinceNameColumn(sheet, firstDataRow, o.Index, resolver))
            .Select(o => o.Index)
            .ToList();
        var unknown = others.Where(o => !nameColumns.Contains(o.Index)).ToList();
        return new PapiSheetLayout(YearOf(sheet.Name), headerRow.Value, firstDataRow, idColumn, nameColumns, columns, unknown);
    }

    private static int? FindHeaderRow(Sheet sheet, PapiCriteria criteria)
    {
        for (var r = 0; r < Math.Min(sheet.RowCount, HeaderSearchRows); r++)
        {
            if (IdColumnOf(sheet, r) is not null && CriterionHeaders(sheet, r, criteria) >= MinimumCriterionHeaders)
            {
                return r;
            }
        }

        return null;
    }

    private static bool IsHeaderRow(Sheet sheet, int row, PapiCriteria criteria) =>
        row < sheet.RowCount && CriterionHeaders(sheet, row, criteria) >= MinimumCriterionHeaders;

    private static int? IdColumnOf(Sheet sheet, int row)
    {
        for (var c = 0; c < sheet.ColumnCount; c++)
        {
            if (sheet.Text(row, c) is { } text && IdHeaders.Contains(PapiCriteria.HeaderKey(text)))
            {
                return c;
            }
        }

        return null;
    }

    private static int CriterionHeaders(Sheet sheet, int row, PapiCriteria criteria) =>
        Enumerable.Range(0, sheet.ColumnCount).Count(c => criteria.CodeForHeader(sheet.Text(row, c, followMerges: true)) is not null);

    private static bool HasText(Sheet sheet, int firstDataRow, int column) =>
        Enumerable.Range(firstDataRow, Math.Max(0, sheet.RowCount - firstDataRow)).Any(r => sheet.Text(r, column) is not null);

    private static bool IsNameHeader(string header)
    {
        var key = PapiCriteria.HeaderKey(header);
        return NameHeaderFragments.Any(f => key.Contains(f, StringComparison.Ordinal));
    }

    /// <summary>A column is also a province-name column when at least half of its non-blank data cells are province names
    /// (the rest being summary labels such as "Highest").</summary>
    private static bool IsProvinceNameColumn(Sheet sheet, int firstDataRow, int column, ProvinceResolver resolver)
    {
        var texts = Enumerable.Range(firstDataRow, Math.Max(0, sheet.RowCount - firstDataRow))
            .Select(r => sheet.Text(r, column))
            .OfType<string>()
            .Where(t => CellValues.Number(t) is null)
            .ToList();
        return texts.Count > 0 && texts.Count(resolver.IsProvinceName) * 2 >= texts.Count;
    }

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
