using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// The year a PCI workbook reports. The content wins: the weighted-total and rank headers ("PCI 2014",
/// "The Weighted PCI Score in 2017", "Thứ hạng PCI 2009"), then a title above the header that names the PCI and a
/// year, then the sheet name; the file name ("PCI 2019.xlsx") only when the content names no year (2005, 2008 and
/// 2019 do not).
/// </summary>
internal static class PciYear
{
    public static int Determine(Workbook workbook, PciTable table)
    {
        var headerYears = table.Columns
            .Where(c => c.Value.Kind is PciColumnKind.Total or PciColumnKind.Rank)
            .SelectMany(c => table.HeaderTexts.TryGetValue(c.Key, out var texts) ? texts : [])
            .SelectMany(PciHeaderVocabulary.YearsIn)
            .Distinct()
            .ToList();
        if (headerYears.Count > 1)
        {
            throw new SpreadsheetException(table.Sheet.Where(table.HeaderRow),
                $"the weighted PCI and rank headers name different years ({string.Join(", ", headerYears)}); cannot tell which year the sheet reports");
        }

        if (headerYears.Count == 1)
        {
            return headerYears[0];
        }

        var titleYears = TitleCells(table).Where(PciHeaderVocabulary.NamesPci).SelectMany(PciHeaderVocabulary.YearsIn).Distinct().ToList();
        if (titleYears.Count == 1)
        {
            return titleYears[0];
        }

        var sheetYears = PciHeaderVocabulary.YearsIn(table.Sheet.Name).Distinct().ToList();
        if (sheetYears.Count == 1)
        {
            return sheetYears[0];
        }

        var fileYears = PciHeaderVocabulary.YearsIn(Path.GetFileNameWithoutExtension(workbook.FileName)).Distinct().ToList();
        if (fileYears.Count == 1)
        {
            return fileYears[0];
        }

        throw new SpreadsheetException(table.Sheet.Where(table.HeaderRow),
            $"cannot tell the PCI year: neither the headers or title of sheet '{table.Sheet.Name}' (e.g. 'PCI 2017') nor the sheet name nor the file name '{workbook.FileName}' name one year");
    }

    /// <summary>Text above the header row, e.g. a title "PCI 2017 – Provincial rankings" in A1.</summary>
    private static IEnumerable<string> TitleCells(PciTable table) =>
        Enumerable.Range(0, table.HeaderRow)
            .SelectMany(r => Enumerable.Range(0, table.Sheet.ColumnCount).Select(c => table.Sheet.Text(r, c)))
            .OfType<string>();
}
