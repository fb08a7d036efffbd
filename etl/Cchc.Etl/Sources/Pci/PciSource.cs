using Cchc.Etl.Provinces;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// VCCI's Provincial Competitiveness Index workbooks, 2005 onwards, in every published layout: the summary table
/// (weighted PCI, published rank, each sub-index) is found by its header wherever it sits, its year read from the
/// content (else <paramref name="givenYear"/>, <c>--year</c>, else the file name), and its sub-index columns mapped to the
/// catalogue codes PCI.1…PCI.11.
/// </summary>
internal sealed class PciSource(ProvinceResolver? resolver = null, int? givenYear = null) : IIndexSource
{
    private readonly ProvinceResolver _resolver = resolver ?? ProvinceResolver.Default;

    public IReadOnlyList<string> OptionNames => ["year"];

    public IIndexSource WithOptions(Func<string, string?> optionValue) => new PciSource(resolver, Loading.LoaderOptions.Year(optionValue, "year"));

    public string Kind => "pci";

    public string IndexCode => IndexCodes.Pci;

    public bool Recognises(Workbook workbook)
    {
        try
        {
            return FindTables(workbook).Any(t => t.IsSummary);
        }
        catch (SpreadsheetException)
        {
            return false;
        }
    }

    public ParsedScores Parse(Workbook workbook)
    {
        var tables = FindTables(workbook);
        var summary = tables.Where(t => t.IsSummary).OrderByDescending(t => t.SubIndexColumns.Count).FirstOrDefault()
            ?? throw new SpreadsheetException(new SourceLocation(workbook.Path),
                "no PCI summary table: no sheet has a header row with a province column, the weighted PCI and at least " +
                $"{PciTableFinder.MinimumSubIndices} sub-indices (sheets: {string.Join(", ", workbook.Sheets.Select(s => $"'{s.Name}'"))})");
        var year = PciYear.Determine(workbook, summary, givenYear);
        CheckAgainstCatalogue(summary, year);

        var reader = new PciTableReader(_resolver);
        var values = reader.Read(summary, year);
        var rejected = values.Rejected.ToList();
        var rankingTables = tables.Where(t => t != summary && t.IsRanking && !t.IsSummary).Select(t => reader.Read(t, year));
        var ranks = PciRanks.From(values, rankingTables, rejected);

        var synthetic = SyntheticMarker.IsSynthetic(workbook);
        var scores = values.Values
            .Where(v => v.Role.Kind is PciColumnKind.Total or PciColumnKind.SubIndex)
            .Select(v => v.Role.Kind == PciColumnKind.Total
                ? new ScoreRecord(IndexCode, year, v.Province.GsoCode, IndexCodes.Total, v.Value,
                    ranks.TryGetValue(v.Province.GsoCode, out var rank) ? rank : null, synthetic, v.Where)
                : new ScoreRecord(IndexCode, year, v.Province.GsoCode, v.Role.Code!, v.Value, null, synthetic, v.Where))
            .ToList();
        return new ParsedScores(IndexCode, [year], scores, rejected);
    }

    /// <summary>Summary and ranking tables of the visible sheets; hidden sheets only when no visible sheet has a
    /// summary (2014–2016 hide an English 'Summary' that is a stale copy of 2013).</summary>
    private List<PciTable> FindTables(Workbook workbook)
    {
        var finder = new PciTableFinder(_resolver);
        var sheets = workbook.Sheets.Where(s => s.Name != SyntheticMarker.SheetName).ToList();
        var visible = sheets.Where(s => !s.IsHidden).Select(finder.Find).OfType<PciTable>().ToList();
        return visible.Any(t => t.IsSummary)
            ? visible
            : sheets.Where(s => s.IsHidden).Select(finder.Find).OfType<PciTable>().Concat(visible).ToList();
    }

    /// <summary>The sub-index columns must be exactly the year's sub-indices in the catalogue: a missing, doubled or
    /// unexpected one means the header was misread, and loading would mix up criteria.</summary>
    private static void CheckAgainstCatalogue(PciTable table, int year)
    {
        var sheet = table.Sheet;
        if (PciCatalogue.TotalFor(year) is null)
        {
            throw new SpreadsheetException(sheet.Where(table.HeaderRow),
                $"the PCI catalogue has no methodology for {year} (it starts in {PciCatalogue.FirstYear})");
        }

        foreach (var (column, role) in table.Columns.Where(c => c.Value.Kind == PciColumnKind.Ambiguous))
        {
            throw new SpreadsheetException(sheet.Where(table.HeaderRow, column),
                $"header '{table.HeaderOf(column)}' names two different sub-indices ({role.Code}); cannot tell which the column holds");
        }

        var expected = PciCatalogue.SubIndicesIn(year);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (column, code) in table.SubIndexColumns)
        {
            if (seen.TryGetValue(code, out var earlier))
            {
                throw new SpreadsheetException(sheet.Where(table.HeaderRow, column),
                    $"two columns read as {code} ({ColumnName.Of(earlier)} '{table.HeaderOf(earlier)}' and {ColumnName.Of(column)} '{table.HeaderOf(column)}')");
            }

            seen[code] = column;
            if (expected.All(c => c.Code != code))
            {
                throw new SpreadsheetException(sheet.Where(table.HeaderRow, column),
                    $"header '{table.HeaderOf(column)}' reads as {code}, which PCI {year} does not have (its sub-indices: {string.Join(", ", expected.Select(c => c.Code))})");
            }
        }

        var missing = expected.Where(c => !seen.ContainsKey(c.Code)).ToList();
        if (missing.Count > 0)
        {
            throw new SpreadsheetException(sheet.Where(table.HeaderRow),
                $"no column for {string.Join("; ", missing.Select(c => $"{c.Code} {c.NameEn} ({c.NameVi})"))}, which PCI {year} has");
        }
    }
}
