using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// The year a PCI workbook reports. The content wins: the weighted-total and rank headers ("PCI 2014",
/// "The Weighted PCI Score in 2017", "Thứ hạng PCI 2009"), then the sheet name; the file name ("PCI 2019.xlsx")
/// only when the content names no year (2005, 2008, 2019 do not).
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
            $"cannot tell the PCI year: neither the headers of sheet '{table.Sheet.Name}' (e.g. 'PCI 2017') nor the sheet name nor the file name '{workbook.FileName}' name one year");
    }
}
