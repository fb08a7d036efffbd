using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Pci;

/// <summary>One value read from a PCI table: a province's total, rank or sub-index, and the cell it came from.</summary>
internal sealed record PciValue(Province Province, PciColumnRole Role, double Value, SourceLocation Where);

/// <summary>What a table held for one year: values by province and the cells that could not be used.</summary>
internal sealed record PciTableValues(
    PciTable Table,
    IReadOnlyList<PciValue> Values,
    IReadOnlyList<Province> ProvincesInTotalOrder,
    IReadOnlyList<QuarantineRecord> Rejected);

/// <summary>
/// Reads the province rows of a <see cref="PciTable"/>. Both layout families are read the same way once each value
/// column knows its province column (<see cref="PciTable.NameColumnFor"/>): the province rows run from the first
/// province to the first blank, statistic (Min, Median, Max, Trung vị) or repeated-header row; rows below that
/// repeat provinces as highlights (Hà Nội in 2010–2017) and are never loaded. A name that is not a province is an
/// error naming the cell; a cell that is not a number, or a score off its scale (sub-indices 0–10, the weighted PCI
/// 0–100), is quarantined with its location.
/// </summary>
internal sealed class PciTableReader(ProvinceResolver resolver)
{
    private const double SubIndexMax = 10;
    private const double TotalMax = 100;

    public PciTableValues Read(PciTable table, int year)
    {
        var sheet = table.Sheet;
        var end = EndOfProvinceRows(table, year);
        var rows = Enumerable.Range(table.FirstDataRow, end - table.FirstDataRow).ToList();
        var provincesByCell = new Dictionary<(int Row, int Column), Province>();
        foreach (var nameColumn in table.NameColumns)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var province = resolver.Require(sheet.Text(row, nameColumn), year, sheet.Where(row, nameColumn));
                if (seen.TryGetValue(province.GsoCode, out var earlier))
                {
                    throw new SpreadsheetException(sheet.Where(row, nameColumn),
                        $"{province.ShortName} is listed twice in this column (rows {earlier + 1} and {row + 1})");
                }

                seen[province.GsoCode] = row;
                provincesByCell[(row, nameColumn)] = province;
            }
        }

        CheckNothingBelow(table, end, year, provincesByCell.Values.Select(p => p.GsoCode).ToHashSet(StringComparer.Ordinal));

        var values = new List<PciValue>();
        var rejected = new List<QuarantineRecord>();
        foreach (var (column, role) in table.Columns.Where(c => c.Value.IsValue || c.Value.Kind == PciColumnKind.Order).OrderBy(c => c.Key))
        {
            // A running number counts the rows of the weighted-total column, whose names may sit elsewhere.
            var nameColumn = table.NameColumnFor(role.Kind == PciColumnKind.Order && table.TotalColumn is { } t ? t : column);
            foreach (var row in rows)
            {
                var province = provincesByCell[(row, nameColumn)];
                if (ReadNumber(table, row, column, role, province, rejected) is { } number)
                {
                    values.Add(new PciValue(province, role, number, sheet.Where(row, column)));
                }
            }
        }

        var totalOrder = table.TotalColumn is { } total
            ? rows.Select(r => provincesByCell[(r, table.NameColumnFor(total))]).ToList()
            : [];
        return new PciTableValues(table, values, totalOrder, rejected);
    }

    private static double? ReadNumber(PciTable table, int row, int column, PciColumnRole role, Province province, List<QuarantineRecord> rejected)
    {
        var sheet = table.Sheet;
        var raw = sheet.Value(row, column);
        var what = role.Kind switch
        {
            PciColumnKind.SubIndex => $"{role.Code} score of {province.ShortName}",
            PciColumnKind.Total => $"weighted PCI of {province.ShortName}",
            PciColumnKind.Rank => $"rank of {province.ShortName}",
            _ => $"row number of {province.ShortName}",
        };
        var text = CellValues.Text(raw);
        var number = CellValues.Number(raw);
        string? problem =
            number is null && text is null ? $"{what} is blank"
            : number is null && CellValues.IsErrorValue(raw) ? $"{what} is the Excel error {text}"
            : number is null ? $"{what} is not a number: '{text}'"
            : role.Kind is PciColumnKind.Rank or PciColumnKind.Order && (number < 1 || number != Math.Floor(number.Value)) ? $"{what} is not a whole number ≥ 1: '{text}'"
            : role.Kind == PciColumnKind.SubIndex && number is < 0 or > SubIndexMax ? $"{what} is outside the 0–{SubIndexMax} scale: {text}"
            : role.Kind == PciColumnKind.Total && number is < 0 or > TotalMax ? $"{what} is outside the 0–{TotalMax} scale: {text}"
            : null;
        if (problem is null)
        {
            return number;
        }

        rejected.Add(new QuarantineRecord(sheet.Where(row, column), problem, $"{province.GsoCode};{role};{text}"));
        return null;
    }

    /// <summary>The first row after the province rows (0-based, exclusive).</summary>
    private int EndOfProvinceRows(PciTable table, int year)
    {
        var sheet = table.Sheet;
        var column = table.NameColumns[0];
        var row = table.FirstDataRow;
        for (; row < sheet.RowCount; row++)
        {
            var label = sheet.Text(row, column);
            if (label is null || PciHeaderVocabulary.IsSummaryLabel(label))
            {
                break;
            }

            // Not a province and not a statistic: an unknown province, reported where it is.
            resolver.Require(label, year, sheet.Where(row, column));
        }

        return row;
    }

    /// <summary>Below the table only statistics, notes and highlight rows repeating a listed province may follow.
    /// A new province there means the table was cut by a blank or statistic row; a row of numbers under a name we
    /// cannot read is an unknown province. Both are errors rather than silent drops.</summary>
    private void CheckNothingBelow(PciTable table, int end, int year, HashSet<string> listed)
    {
        var sheet = table.Sheet;
        foreach (var column in table.NameColumns)
        {
            for (var row = end; row < sheet.RowCount; row++)
            {
                var label = sheet.Text(row, column);
                if (label is null || PciHeaderVocabulary.IsSummaryLabel(label))
                {
                    continue;
                }

                var province = resolver.Resolve(label, year);
                if (province is not null && !listed.Contains(province.GsoCode))
                {
                    throw new SpreadsheetException(sheet.Where(row, column),
                        $"{province.ShortName} appears below the province rows (the last is row {end}); is there a blank or summary row inside the table?");
                }

                if (province is null && CellValues.Number(sheet.Value(row, column + 1)) is not null)
                {
                    resolver.Require(label, year, sheet.Where(row, column));
                }
            }
        }
    }
}
