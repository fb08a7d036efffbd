using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Par;

/// <summary>
/// The result year of a PAR workbook: from titles such as "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2017" or
/// "Chỉ số CCHC năm 2017" near the top of its sheets, else from a year in the file name. Two different years in the
/// titles is an error (the parser would not know which index-year the file replaces).
/// </summary>
internal static partial class ParYear
{
    private const int TitleRows = 10;

    public static bool LooksLikePar(Workbook workbook) =>
        TopTexts(workbook).Any(t => IndexName().IsMatch(CellValues.Fold(t.Text)));

    public static int Detect(Workbook workbook)
    {
        var found = TopTexts(workbook)
            .Select(t => (t.Where, Match: YearAfterIndexName().Match(CellValues.Fold(t.Text))))
            .Where(t => t.Match.Success)
            .Select(t => (t.Where, Year: int.Parse(t.Match.Groups["year"].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var years = found.Select(f => f.Year).Distinct().ToList();
        if (years.Count > 1)
        {
            throw new SpreadsheetException(found.First(f => f.Year == years[1]).Where,
                $"the titles name several result years ({string.Join(", ", years)}); one PAR workbook holds one year");
        }

        if (years.Count == 1)
        {
            return years[0];
        }

        var fromName = FileYear().Matches(Path.GetFileNameWithoutExtension(workbook.Path)).Select(m => m.Value).Distinct().ToList();
        return fromName.Count == 1
            ? int.Parse(fromName[0], CultureInfo.InvariantCulture)
            : throw new SpreadsheetException(new SourceLocation(workbook.Path),
                "cannot tell the result year: no title like 'Chỉ số CCHC năm 2017' and no single year in the file name");
    }

    private static IEnumerable<(SourceLocation Where, string Text)> TopTexts(Workbook workbook)
    {
        foreach (var sheet in workbook.Sheets.Where(s => !s.IsHidden && !ParWorkbookLayout.IsOwnSheet(s.Name)))
        {
            for (var r = 0; r < Math.Min(TitleRows, sheet.RowCount); r++)
            {
                for (var c = 0; c < sheet.ColumnCount; c++)
                {
                    if (sheet.Text(r, c) is { } text)
                    {
                        yield return (sheet.Where(r, c), text);
                    }
                }
            }
        }
    }

    [GeneratedRegex(@"\b(chi so cai cach hanh chinh|chi so cchc|par index)\b", RegexOptions.CultureInvariant)]
    private static partial Regex IndexName();

    [GeneratedRegex(@"\b(?:chi so cai cach hanh chinh|chi so cchc|par index)(?: cap tinh)?(?: nam)? (?<year>20\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex YearAfterIndexName();

    [GeneratedRegex(@"(?<!\d)20\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FileYear();
}
