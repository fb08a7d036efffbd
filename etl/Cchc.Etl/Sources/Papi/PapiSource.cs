using Cchc.Etl.Provinces;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Papi;

/// <summary>
/// PAPI (UNDP) in the combined layout of <c>PAPI 2011-2019.xlsx</c>: one sheet per year named with its year, an English
/// header row then a Vietnamese one, the GSO province code in <c>tinhid</c> beside the province names, each dimension's
/// column followed by its sub-dimensions', and (until 2017) the unweighted total. One file covers many years; a load
/// replaces all of them. Codes: TOTAL, PAPI.D1…PAPI.D8, PAPI.D1.1… (see warehouse/README.md, "PAPI criterion codes").
/// </summary>
internal sealed class PapiSource : IIndexSource
{
    private readonly PapiCriteria _criteria = PapiCriteria.Default;
    private readonly ProvinceResolver _resolver;

    public PapiSource(ProvinceResolver? resolver = null)
    {
        _resolver = resolver ?? ProvinceResolver.Default;
    }

    public string Kind => "papi";

    public string IndexCode => IndexCodes.Papi;

    public bool Recognises(Workbook workbook)
    {
        try
        {
            return workbook.Sheets.Any(s => PapiSheetLayout.YearOf(s.Name) is not null && PapiSheetLayout.Detect(s, _criteria, _resolver) is not null);
        }
        catch (SpreadsheetException)
        {
            return true; // a PAPI header that is ambiguous is still PAPI; Parse reports the problem
        }
    }

    public ParsedScores Parse(Workbook workbook)
    {
        var isSynthetic = SyntheticMarker.IsSynthetic(workbook);
        var scores = new List<ScoreRecord>();
        var rejected = new List<QuarantineRecord>();
        var sheetOfYear = new Dictionary<int, string>();
        foreach (var sheet in workbook.Sheets.Where(s => s.Name != SyntheticMarker.SheetName && s.RowCount > 0))
        {
            if (YearSheetLayout(sheet, rejected) is not { Year: { } year } layout)
            {
                continue;
            }

            if (!sheetOfYear.TryAdd(year, sheet.Name))
            {
                throw new SpreadsheetException(sheet.Where(layout.HeaderRow),
                    $"a second sheet for PAPI {year} (the first is '{sheetOfYear[year]}'); which one is right cannot be told");
            }

            new PapiSheetReader(sheet, layout, year, _criteria, _resolver, isSynthetic).Read(scores, rejected);
        }

        if (sheetOfYear.Count == 0)
        {
            throw new SpreadsheetException(new SourceLocation(workbook.Path),
                "no PAPI year sheet found: expected sheets named with a year whose header row holds 'tinhid' and PAPI dimension names " +
                "(the layout of PAPI 2011-2019.xlsx; UNDP's fuller indicator-level releases are not in it)");
        }

        return new ParsedScores(IndexCode, sheetOfYear.Keys.Order().ToList(), scores, rejected);
    }

    /// <summary>The layout of a sheet that holds one year's PAPI, or null (with a quarantine note where a sheet looks
    /// like it was meant to: a year in its name but no header, or a PAPI header but no year).</summary>
    private PapiSheetLayout? YearSheetLayout(Sheet sheet, List<QuarantineRecord> rejected)
    {
        var year = PapiSheetLayout.YearOf(sheet.Name);
        PapiSheetLayout? layout;
        try
        {
            layout = PapiSheetLayout.Detect(sheet, _criteria, _resolver);
        }
        catch (SpreadsheetException e) when (year is null)
        {
            // Not a year sheet, so not part of the data: note why it was passed over rather than fail the file.
            rejected.Add(new QuarantineRecord(e.Location, $"sheet not loaded: {e.Problem}"));
            return null;
        }

        if (layout is null && year is not null)
        {
            rejected.Add(new QuarantineRecord(sheet.Where(0),
                "sheet not loaded: its name states a year but it has no PAPI header row (a 'tinhid' cell and PAPI dimension names)"));
        }
        else if (layout is not null && year is null)
        {
            rejected.Add(new QuarantineRecord(sheet.Where(layout.HeaderRow),
                "sheet not loaded: it has a PAPI header but its name states no year (expected e.g. '2017_PAPI')"));
            return null;
        }

        return layout;
    }
}
