using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// Finds a PCI table in a sheet by content, never by fixed row numbers: the header is the first row (of the first
/// 30) with a "Province" / "Tỉnh, thành phố" cell, the provinces start at the first row below it that names one,
/// and every column is classified from the header cells between (two-row English + Vietnamese headers, a group
/// row above).
/// </summary>
internal sealed class PciTableFinder(ProvinceResolver resolver)
{
    public const int MinimumSubIndices = 5;

    private const int HeaderSearchRows = 30;
    private const int MaxHeaderDepth = 6;
    private const int SampleRows = 12;

    /// <summary>The table in <paramref name="sheet"/>, or null when the sheet has no recognisable PCI header.</summary>
    public PciTable? Find(Sheet sheet)
    {
        for (var row = 0; row < Math.Min(HeaderSearchRows, sheet.RowCount); row++)
        {
            if (!RowHasProvinceHeader(sheet, row))
            {
                continue;
            }

            var firstData = FirstProvinceRow(sheet, row);
            if (firstData is null)
            {
                continue;
            }

            var table = Build(sheet, row, firstData.Value);
            if (table is not null)
            {
                return table;
            }
        }

        return null;
    }

    private PciTable? Build(Sheet sheet, int headerRow, int firstData)
    {
        var nameColumns = Enumerable.Range(0, sheet.ColumnCount).Where(c => IsNameColumn(sheet, c, firstData)).ToList();
        if (nameColumns.Count == 0)
        {
            return null;
        }

        var headerFrom = Math.Max(0, headerRow - 1);
        var columns = new Dictionary<int, PciColumnRole>();
        var texts = new Dictionary<int, IReadOnlyList<string>>();
        for (var c = 0; c < sheet.ColumnCount; c++)
        {
            var cells = Enumerable.Range(headerFrom, firstData - headerFrom).Select(r => sheet.Text(r, c)).OfType<string>().ToList();
            texts[c] = cells;
            var role = Combine(cells.Select(PciHeaderVocabulary.Classify).ToList());
            if (role.Kind != PciColumnKind.Ignored && !nameColumns.Contains(c))
            {
                columns[c] = role;
            }
        }

        if (!columns.Values.Any(r => r.Kind is PciColumnKind.Rank or PciColumnKind.Order) && UnlabelledOrderColumn(sheet, firstData, columns, nameColumns) is { } order)
        {
            columns[order] = new PciColumnRole(PciColumnKind.Order);
        }

        return new PciTable(sheet, headerRow, firstData, columns, nameColumns, texts);
    }

    /// <summary>One role per column from the roles of its header cells; two different sub-index names over one
    /// column make it <see cref="PciColumnKind.Ambiguous"/>.</summary>
    private static PciColumnRole Combine(IReadOnlyList<PciColumnRole> roles)
    {
        var codes = roles.Where(r => r.Kind == PciColumnKind.SubIndex).Select(r => r.Code!).Distinct().ToList();
        if (codes.Count > 1)
        {
            return new PciColumnRole(PciColumnKind.Ambiguous, string.Join(" or ", codes));
        }

        PciColumnKind[] precedence = [PciColumnKind.ProvinceName, PciColumnKind.SubIndex, PciColumnKind.Rank, PciColumnKind.Total, PciColumnKind.Order];
        foreach (var kind in precedence)
        {
            var match = roles.FirstOrDefault(r => r.Kind == kind);
            if (match.Kind == kind)
            {
                return match;
            }
        }

        return PciColumnRole.Ignored;
    }

    private static bool RowHasProvinceHeader(Sheet sheet, int row) =>
        Enumerable.Range(0, sheet.ColumnCount).Any(c => PciHeaderVocabulary.Classify(sheet.Text(row, c)).Kind == PciColumnKind.ProvinceName);

    private int? FirstProvinceRow(Sheet sheet, int headerRow)
    {
        for (var row = headerRow + 1; row < Math.Min(sheet.RowCount, headerRow + MaxHeaderDepth); row++)
        {
            if (Enumerable.Range(0, sheet.ColumnCount).Any(c => resolver.IsProvinceName(sheet.Text(row, c))))
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>Most of the first rows name a province (a stray typo must not hide the column).</summary>
    private bool IsNameColumn(Sheet sheet, int column, int firstData)
    {
        var texts = Enumerable.Range(firstData, Math.Min(SampleRows, sheet.RowCount - firstData))
            .Select(r => sheet.Text(r, column))
            .OfType<string>()
            .Where(t => CellValues.ParseNumber(t) is null)
            .ToList();
        return texts.Count >= Math.Min(3, SampleRows) && texts.Count(resolver.IsProvinceName) * 3 >= texts.Count * 2;
    }

    /// <summary>2006 numbers its rows 1, 2, 3… in a column without a header: that running number is the order.</summary>
    private static int? UnlabelledOrderColumn(Sheet sheet, int firstData, Dictionary<int, PciColumnRole> columns, IReadOnlyList<int> nameColumns)
    {
        var rows = Math.Min(SampleRows, sheet.RowCount - firstData);
        if (rows < 3)
        {
            return null;
        }

        return Enumerable.Range(0, sheet.ColumnCount)
            .Where(c => !columns.ContainsKey(c) && !nameColumns.Contains(c))
            .Cast<int?>()
            .FirstOrDefault(c => Enumerable.Range(0, rows).All(i => sheet.Number(firstData + i, c!.Value) is { } n && n == i + 1));
    }
}
