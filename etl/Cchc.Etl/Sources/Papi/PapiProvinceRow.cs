using System.Globalization;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Papi;

/// <summary>
/// Decides what a data row of a PAPI year sheet is: a province (identified by its GSO code in <c>tinhid</c>, with the
/// names beside it cross-checked), a summary row ("Highest", "Điểm cao nhất" …) or a note, which are not provinces.
/// A row whose id and names disagree, or that names no province, is an error naming the sheet and row.
/// </summary>
internal sealed class PapiProvinceRow(Sheet sheet, PapiSheetLayout layout, int year, ProvinceResolver resolver)
{
    // Folded labels of the summary rows the releases append (the combined workbook ends each sheet with "Highest").
    private static readonly HashSet<string> SummaryLabels = new(StringComparer.Ordinal)
    {
        "highest", "lowest", "max", "maximum", "min", "minimum", "mean", "median", "average", "national", "nationalaverage",
        "diemcaonhat", "diemthapnhat", "caonhat", "thapnhat", "trungbinh", "trungvi", "toanquoc", "canuoc",
    };

    /// <summary>The province of <paramref name="row"/>, or null for blank, summary and note rows.</summary>
    /// <exception cref="SpreadsheetException">The id is not a province code that year, or a name contradicts it.</exception>
    public Province? Identify(int row)
    {
        if (sheet.IsBlankRow(row) || IsSummaryRow(row))
        {
            return null;
        }

        var idText = sheet.Text(row, layout.IdColumn);
        var id = sheet.Number(row, layout.IdColumn);
        if (id is null)
        {
            if (!HasScores(row))
            {
                return null; // a note or title line between or below the data
            }

            throw new SpreadsheetException(sheet.Where(row, layout.IdColumn),
                $"tinhid '{idText ?? "(blank)"}' is not a GSO province code, but the row {Describe(row)} has scores");
        }

        var code = id.Value == Math.Floor(id.Value) && id.Value is >= 1 and < 100
            ? ((int)id.Value).ToString("00", CultureInfo.InvariantCulture)
            : null;
        var province = (code is null ? null : ProvinceCatalog.Default.ByCode(code, year))
            ?? throw new SpreadsheetException(sheet.Where(row, layout.IdColumn),
                $"tinhid '{idText}' is not the GSO code of a province in {year} (row {Describe(row)})");

        foreach (var column in layout.NameColumns)
        {
            var name = sheet.Text(row, column);
            if (name is null)
            {
                continue;
            }

            var named = resolver.Require(name, year, sheet.Where(row, column));
            if (named.GsoCode != province.GsoCode)
            {
                throw new SpreadsheetException(sheet.Where(row, column),
                    $"tinhid {province.GsoCode} ({province.ShortName}) does not match the province name '{name}' (GSO {named.GsoCode} {named.ShortName})");
            }
        }

        return province;
    }

    private bool IsSummaryRow(int row) =>
        layout.NameColumns.Append(layout.IdColumn)
            .Select(c => sheet.Text(row, c))
            .Any(t => t is not null && SummaryLabels.Contains(PapiCriteria.HeaderKey(t)));

    private bool HasScores(int row) => layout.Criteria.Any(c => sheet.Number(row, c.Index) is not null);

    private string Describe(int row)
    {
        var names = layout.NameColumns.Select(c => sheet.Text(row, c)).OfType<string>().ToList();
        return names.Count == 0 ? "without a province name" : $"'{string.Join(" / ", names)}'";
    }
}
