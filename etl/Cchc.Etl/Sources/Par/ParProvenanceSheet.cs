using System.Globalization;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Par;

/// <summary>Reads the provenance sheet of a synthetic PAR workbook: one row per real value, with its source.</summary>
internal static class ParProvenanceSheet
{
    public static IReadOnlyList<(ParProvenanceEntry Entry, int Row)> Read(Sheet sheet)
    {
        var header = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(0, c)).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in ParWorkbookLayout.ProvenanceColumns)
        {
            var c = header.IndexOf(name);
            if (c < 0)
            {
                throw new SpreadsheetException(sheet.Where(0), $"the provenance sheet has no '{name}' column");
            }

            index[name] = c;
        }

        var entries = new List<(ParProvenanceEntry, int)>();
        for (var r = 1; r < sheet.RowCount; r++)
        {
            if (sheet.IsBlankRow(r))
            {
                continue;
            }

            string Required(string column) =>
                sheet.Text(r, index[column]) ?? throw new SpreadsheetException(sheet.Where(r, index[column]), $"provenance '{column}' is blank");

            var kind = Required("value_kind");
            if (!ParValueKind.IsKnown(kind))
            {
                throw new SpreadsheetException(sheet.Where(r, index["value_kind"]), $"unknown provenance value kind '{kind}'");
            }

            var year = (int)sheet.RequireNumber(r, index["year"], "provenance year");
            entries.Add((new ParProvenanceEntry(
                year,
                Required("province_code"),
                Required("province"),
                Required("criterion_code"),
                kind,
                sheet.RequireNumber(r, index["value"], "provenance value"),
                Required("source"),
                sheet.Text(r, index["note"])), r));
        }

        return entries;
    }

    public static string Describe(ParProvenanceEntry e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Province} {e.Year} {e.CriterionCode} {e.ValueKind} = {e.Value}");
}
