using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// The year a PCI workbook reports. The content wins: the weighted-total and rank headers ("PCI 2014",
/// "The Weighted PCI Score in 2017", "Thứ hạng PCI 2009"), then a title above the header that names the PCI and a
/// year, then the sheet name; the file name ("PCI 2019.xlsx") only when the content names no year (2005, 2008 and
/// 2019 do not), or the year given on the command line (<c>--year</c>), which wins over the file name and must agree
/// with the content.
/// </summary>
internal static class PciYear
{
    public static int Determine(Workbook workbook, PciTable table, int? given = null)
    {
        var fromContent = FromContent(table);
        if (given is { } year && fromContent is { } content && content.Year != year)
        {
            throw new SpreadsheetException(table.Sheet.Where(table.HeaderRow),
                $"--year {year} contradicts the workbook, whose {content.Where} name{(content.Where.EndsWith('s') ? string.Empty : "s")} {content.Year}");
        }

        if ((fromContent?.Year ?? given) is { } known)
        {
            return known;
        }

        var fileYears = PciHeaderVocabulary.YearsIn(Path.GetFileNameWithoutExtension(workbook.FileName)).Distinct().ToList();
        if (fileYears.Count == 1)
        {
            return fileYears[0];
        }

        throw new SpreadsheetException(table.Sheet.Where(table.HeaderRow),
            $"cannot tell the PCI year: neither the headers or title of sheet '{table.Sheet.Name}' (e.g. 'PCI 2017') nor the sheet name nor the file name '{workbook.FileName}' name one year; give it with --year");
    }

    /// <summary>The year the sheet itself names, and where: its total and rank headers, a title above them, its name.</summary>
    private static (int Year, string Where)? FromContent(PciTable table)
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
            return (headerYears[0], "weighted PCI and rank headers");
        }

        var titleYears = TitleCells(table).Where(PciHeaderVocabulary.NamesPci).SelectMany(PciHeaderVocabulary.YearsIn).Distinct().ToList();
        if (titleYears.Count == 1)
        {
            return (titleYears[0], "title");
        }

        var sheetYears = PciHeaderVocabulary.YearsIn(table.Sheet.Name).Distinct().ToList();
        return sheetYears.Count == 1 ? (sheetYears[0], $"sheet name '{table.Sheet.Name}'") : null;
    }

    /// <summary>Text above the header row, e.g. a title "PCI 2017 – Provincial rankings" in A1.</summary>
    private static IEnumerable<string> TitleCells(PciTable table) =>
        Enumerable.Range(0, table.HeaderRow)
            .SelectMany(r => Enumerable.Range(0, table.Sheet.ColumnCount).Select(c => table.Sheet.Text(r, c)))
            .OfType<string>();
}
