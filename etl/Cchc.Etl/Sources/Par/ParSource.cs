using System.Globalization;
using Cchc.Etl.Provinces;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Par;

/// <summary>
/// The yearly PAR Index appraisal-result workbook for all provinces (Bộ Nội vụ): totals with rank, field scores with
/// rank, criterion and sub-criterion scores, on one or several sheets. Every sheet with a result table contributes;
/// a value printed on two sheets (a field total on the summary and on its detail sheet) must agree. Header max
/// points must match the catalogue version for that year, otherwise the file was scored under another methodology
/// and loading it would mislabel every "points lost".
/// In a synthetic workbook every record is synthetic except the values its provenance sheet lists as real; a real
/// record never carries a synthetic rank (its rank is then left for the warehouse to compute).
/// </summary>
internal sealed class ParSource(ParCatalogue? catalogue = null) : IIndexSource
{
    private const double Tolerance = 1e-6;

    private readonly ParCatalogue _catalogue = catalogue ?? ParCatalogue.Default;

    public string Kind => "par";

    public string IndexCode => IndexCodes.Par;

    public bool Recognises(Workbook workbook) => ParYear.LooksLikePar(workbook);

    public ParsedScores Parse(Workbook workbook)
    {
        var year = ParYear.Detect(workbook);
        var methodology = _catalogue.TryFor(year)
            ?? throw new SpreadsheetException(new SourceLocation(workbook.Path), $"the PAR catalogue has no methodology for {year}");
        var values = new ParValues();
        var rejected = new List<QuarantineRecord>();
        var tables = workbook.Sheets
            .Where(s => !s.IsHidden && !ParWorkbookLayout.IsOwnSheet(s.Name))
            .Select(ParTableReader.Read)
            .OfType<ParTable>()
            .ToList();
        if (tables.Count == 0)
        {
            throw new SpreadsheetException(new SourceLocation(workbook.Path), "no sheet with a table of provinces");
        }

        foreach (var table in tables)
        {
            ReadTable(table, year, methodology, values, rejected);
        }

        var synthetic = SyntheticMarker.IsSynthetic(workbook);
        var provenance = synthetic && workbook.SheetNamed(ParWorkbookLayout.ProvenanceSheet) is { } sheet
            ? Reconcile(sheet, year, methodology, values)
            : [];
        var realScores = provenance.Where(p => p.Entry.ValueKind == ParValueKind.Score)
            .Select(p => (p.ProvinceKey, p.Entry.CriterionCode)).ToHashSet();
        var realRanks = provenance.Where(p => p.Entry.ValueKind == ParValueKind.Rank)
            .Select(p => (p.ProvinceKey, p.Entry.CriterionCode)).ToHashSet();

        var order = methodology.Criteria.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        var records = new List<ScoreRecord>();
        foreach (var key in values.Keys.OrderBy(k => k.ProvinceKey).ThenBy(k => order[k.Code]))
        {
            var score = values.Score(key);
            var rank = values.Rank(key);
            var isReal = !synthetic || realScores.Contains(key);
            if (synthetic && isReal && !realRanks.Contains(key))
            {
                rank = null;
            }

            var province = ProvinceCatalog.Default.ByKey(key.ProvinceKey);
            var where = score?.Where ?? rank!.Value.Where;
            records.Add(new ScoreRecord(IndexCodes.Par, year, province.GsoCode, key.Code, score?.Value, rank?.Value, !isReal, where));
        }

        var companion = provenance.Select(p => (p.ProvinceKey, p.Entry)).ToList();
        return new ParsedScores(IndexCodes.Par, [year], records, rejected)
        {
            WriteCompanionFacts = session => ParValueSourceWriter.Replace(session, year, companion),
        };
    }

    private static void ReadTable(ParTable table, int year, ParMethodology methodology, ParValues values, List<QuarantineRecord> rejected)
    {
        var sheet = table.Sheet;
        var columns = new List<ParColumn>();
        foreach (var column in table.Columns)
        {
            var criterion = methodology.Find(column.Code);
            if (criterion is null)
            {
                rejected.Add(new QuarantineRecord(sheet.Where(column.HeaderRow, column.HeaderColumn),
                    $"criterion '{column.Code}' is not in PAR methodology {methodology.Version} ({year}); column skipped",
                    sheet.Text(column.HeaderRow, column.HeaderColumn)));
                continue;
            }

            if (column.Kind == ParColumnKind.Score && column.HeaderMax is { } max && Math.Abs(max - (double)criterion.MaxPoints) > Tolerance)
            {
                throw new SpreadsheetException(sheet.Where(column.HeaderRow, column.HeaderColumn),
                    string.Create(CultureInfo.InvariantCulture,
                        $"criterion {column.Code} has max points {max} in the header but {criterion.MaxPoints} in PAR methodology {methodology.Version} for {year}: the file was scored under another methodology"));
            }

            columns.Add(column);
        }

        var seen = new HashSet<int>();
        foreach (var row in table.DataRows)
        {
            var name = sheet.Text(row, table.ProvinceColumn);
            var province = ProvinceResolver.Default.Resolve(name, year);
            if (province is null)
            {
                rejected.Add(new QuarantineRecord(sheet.Where(row, table.ProvinceColumn), $"'{name}' is not a province in {year}", name));
                continue;
            }

            if (!seen.Add(province.Key))
            {
                rejected.Add(new QuarantineRecord(sheet.Where(row, table.ProvinceColumn),
                    $"{province.ShortName} appears twice on sheet '{sheet.Name}'; the later row is ignored", name));
                continue;
            }

            foreach (var column in columns)
            {
                ReadCell(sheet, row, column, province, values, rejected);
            }
        }
    }

    private static void ReadCell(Sheet sheet, int row, ParColumn column, Province province, ParValues values, List<QuarantineRecord> rejected)
    {
        var where = sheet.Where(row, column.Column);
        var raw = sheet.Value(row, column.Column);
        var number = CellValues.Number(raw);
        var what = column.Kind == ParColumnKind.Rank ? "rank" : "score";
        if (number is null)
        {
            rejected.Add(new QuarantineRecord(where,
                CellValues.Text(raw) is null ? $"blank {what} for {province.ShortName}, criterion {column.Code}"
                    : $"{what} for {province.ShortName}, criterion {column.Code} is not a number",
                CellValues.Text(raw)));
            return;
        }

        var key = (province.Key, column.Code);
        if (column.Kind == ParColumnKind.Rank)
        {
            if (number.Value < 1 || number.Value != Math.Floor(number.Value))
            {
                rejected.Add(new QuarantineRecord(where, $"rank of {province.ShortName}, criterion {column.Code} is not a whole number ≥ 1", CellValues.Text(raw)));
                return;
            }

            values.AddRank(key, (int)number.Value, where, rejected);
            return;
        }

        values.AddScore(key, number.Value, where, rejected);
    }

    /// <summary>Checks every provenance row against the table: a value is only marked real if the table holds exactly it.</summary>
    private static List<(int ProvinceKey, ParProvenanceEntry Entry)> Reconcile(Sheet sheet, int year, ParMethodology methodology, ParValues values)
    {
        var result = new List<(int, ParProvenanceEntry)>();
        foreach (var (entry, row) in ParProvenanceSheet.Read(sheet))
        {
            var where = sheet.Where(row);
            var province = entry.Year == year
                ? ProvinceCatalog.Default.ByCode(entry.ProvinceCode, year)
                : throw new SpreadsheetException(where, $"provenance row for {entry.Year} in a {year} workbook");
            if (province is null)
            {
                throw new SpreadsheetException(where, $"provenance names province code '{entry.ProvinceCode}', which does not exist in {year}");
            }

            var key = (province.Key, entry.CriterionCode);
            double? actual = entry.ValueKind switch
            {
                ParValueKind.Score => values.Score(key)?.Value,
                ParValueKind.Rank => values.Rank(key)?.Value,
                _ => values.AppraisalPart(province.Key, entry.CriterionCode, methodology),
            };
            if (actual is null || Math.Abs(actual.Value - entry.Value) > Tolerance)
            {
                throw new SpreadsheetException(where, string.Create(CultureInfo.InvariantCulture,
                    $"provenance says {ParProvenanceSheet.Describe(entry)} is real, but the table has {(actual is null ? "no such value" : actual.Value)}"));
            }

            result.Add((province.Key, entry));
        }

        return result;
    }
}
