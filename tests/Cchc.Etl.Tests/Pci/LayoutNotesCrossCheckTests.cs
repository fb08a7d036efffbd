using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Pci;

/// <summary>
/// Cross-checks what the parser found (by content) against someone's hand-written notes on where each year's
/// summary columns sit (../shared/data/real/pci/layout-notes-PCI_Import.csv: 1-based sheet, rows and columns).
/// The notes are not the parser's input; agreement on every year is evidence both are right.
/// </summary>
[Collection(RealPciGroup.Name)]
public sealed class LayoutNotesCrossCheckTests(RealPciFixture fixture)
{
    private static readonly Dictionary<string, string> NoteColumns = new(StringComparer.Ordinal)
    {
        ["Entry Costs"] = "PCI.1",
        ["Land Access and Security of Tenure"] = "PCI.2",
        ["Transparency and Access to Information"] = "PCI.3",
        ["Time Costs and Regulatory Compliance"] = "PCI.4",
        ["Informal Charges"] = "PCI.5",
        ["Implementation and Consistency of Policies"] = "PCI.11",
        ["Policy Bias - SOEs only"] = "PCI.6",
        ["Policy Bias"] = "PCI.6",
        ["Proactivity of Provincial Leadership"] = "PCI.7",
        ["Business Support Services"] = "PCI.8",
        ["Labor and Training"] = "PCI.9",
        ["Legal Institutions"] = "PCI.10",
        ["Weighted Col"] = IndexCodes.Total,
    };

    [Fact]
    public void Every_year_agrees_with_the_layout_notes_on_sheet_rows_and_columns()
    {
        var notes = Workbook.Open(SharedData.Path("data", "real", "pci", "layout-notes-PCI_Import.csv")).Sheets[0];
        var header = Enumerable.Range(0, notes.ColumnCount).ToDictionary(c => notes.Text(0, c)!, c => c);
        var checkedYears = new List<int>();
        for (var r = 1; r < notes.RowCount; r++)
        {
            var year = (int)notes.Number(r, header["Year"])!.Value;
            var parsed = fixture.ParsedYear(year);
            var file = fixture.Parsed.Single(p => p.Value == parsed).Key;
            var sheetName = Workbook.Open(file).Sheets[(int)notes.Number(r, header["Sheet"])!.Value - 1].Name;
            var (begin, end) = ((int)notes.Number(r, header["Begin Row"])!.Value, (int)notes.Number(r, header["End Row"])!.Value);

            Assert.All(parsed.Scores, s => Assert.Equal(sheetName, s.Source.Sheet));
            Assert.All(parsed.Scores, s => Assert.InRange(s.Source.Row!.Value, begin, end));
            foreach (var (noteColumn, code) in NoteColumns)
            {
                if (notes.Number(r, header[noteColumn]) is not { } column)
                {
                    continue;
                }

                var letter = ColumnName.Of((int)column - 1);
                var scores = parsed.Scores.Where(s => s.CriterionCode == code).ToList();
                Assert.True(scores.Count > 0, $"{year}: the notes put {noteColumn} in column {letter}, the parser found no {code}");
                Assert.All(scores, s => Assert.True(s.Source.Column == letter, $"{year} {code}: notes say column {letter}, parser read {s.Source.Column}"));
            }

            // Every criterion the parser loaded is one the notes know about for that year.
            var noted = NoteColumns.Where(n => notes.Number(r, header[n.Key]) is not null).Select(n => n.Value).ToHashSet();
            Assert.Subset(noted, parsed.Scores.Select(s => s.CriterionCode).ToHashSet());
            checkedYears.Add(year);
        }

        Assert.Equal(Enumerable.Range(2005, 15), checkedYears);
    }
}
