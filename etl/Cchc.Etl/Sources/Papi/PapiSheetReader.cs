using System.Globalization;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Papi;

/// <summary>
/// Reads one year sheet of the combined PAPI layout into score records: every criterion column of every province row.
/// Cells that cannot be used (blank, not a number, outside the criterion's scale) are quarantined with their sheet,
/// row and column. Where the sheet has no total column (2018 onwards) the unweighted total is derived as the sum of
/// the year's dimensions — UNDP's own definition — and only when every dimension has a score.
/// </summary>
internal sealed class PapiSheetReader(Sheet sheet, PapiSheetLayout layout, int year, PapiCriteria criteria, ProvinceResolver resolver, bool isSynthetic)
{
    // Workbook values are single-precision floats; a scale bound may be missed by rounding (0.334 for 1/3).
    private const double ScaleTolerance = 0.005;

    public void Read(List<ScoreRecord> scores, List<QuarantineRecord> rejected)
    {
        foreach (var unknown in layout.Unknown)
        {
            rejected.Add(new QuarantineRecord(sheet.Where(layout.HeaderRow, unknown.Index),
                $"column header '{unknown.Header}' names no PAPI criterion; its values are not loaded"));
        }

        var columns = new List<(PapiColumn Column, PapiCriterion Criterion)>();
        foreach (var column in layout.Criteria)
        {
            if (criteria.Find(column.Code, year) is { } criterion)
            {
                columns.Add((column, criterion));
            }
            else
            {
                rejected.Add(new QuarantineRecord(sheet.Where(layout.HeaderRow, column.Index),
                    $"{column.Code} ('{column.Header}') is not in the PAPI catalogue for {year}; its values are not loaded"));
            }
        }

        var total = criteria.Find(IndexCodes.Total, year);
        var deriveTotal = total is not null && columns.All(c => c.Criterion.Code != IndexCodes.Total);
        var dimensions = criteria.DimensionsIn(year);
        var identify = new PapiProvinceRow(sheet, layout, year, resolver);
        for (var row = layout.FirstDataRow; row < sheet.RowCount; row++)
        {
            var province = identify.Identify(row);
            if (province is null)
            {
                continue;
            }

            var rowScores = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (column, criterion) in columns)
            {
                if (Read(row, column, criterion, rejected) is { } value)
                {
                    rowScores[criterion.Code] = value;
                    scores.Add(Score(province, criterion.Code, value, sheet.Where(row, column.Index)));
                }
            }

            if (deriveTotal)
            {
                DeriveTotal(row, province, dimensions, rowScores, scores, rejected);
            }
        }
    }

    private double? Read(int row, PapiColumn column, PapiCriterion criterion, List<QuarantineRecord> rejected)
    {
        var raw = sheet.Value(row, column.Index);
        var where = sheet.Where(row, column.Index);
        var text = CellValues.Text(raw);
        if (text is null)
        {
            rejected.Add(new QuarantineRecord(where, $"no {criterion.Code} score: the cell is blank (no data published)"));
            return null;
        }

        if (CellValues.Number(raw) is not { } value)
        {
            rejected.Add(new QuarantineRecord(where, $"{criterion.Code} score is not a number: '{text}'", text));
            return null;
        }

        if (value < criterion.MinPoints - ScaleTolerance || value > criterion.MaxPoints + ScaleTolerance)
        {
            rejected.Add(new QuarantineRecord(where,
                $"{criterion.Code} score {Format(value)} is outside its scale {Format(criterion.MinPoints)}–{Format(criterion.MaxPoints)}", text));
            return null;
        }

        return value;
    }

    private void DeriveTotal(int row, Province province, IReadOnlyList<PapiCriterion> dimensions, Dictionary<string, double> rowScores,
        List<ScoreRecord> scores, List<QuarantineRecord> rejected)
    {
        var missing = dimensions.Where(d => !rowScores.ContainsKey(d.Code)).Select(d => d.Code).ToList();
        if (missing.Count > 0)
        {
            rejected.Add(new QuarantineRecord(sheet.Where(row),
                $"TOTAL not derived for {province.ShortName} {year}: no score for {string.Join(", ", missing)} (the total is the sum of all {dimensions.Count} dimensions)"));
            return;
        }

        scores.Add(Score(province, IndexCodes.Total, dimensions.Sum(d => rowScores[d.Code]), sheet.Where(row)));
    }

    private ScoreRecord Score(Province province, string code, double value, SourceLocation where) =>
        new(IndexCodes.Papi, year, province.GsoCode, code, value, null, isSynthetic, where);

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
