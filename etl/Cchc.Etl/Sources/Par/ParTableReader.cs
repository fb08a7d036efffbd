using System.Text.RegularExpressions;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Par;

/// <summary>Whether a column holds scores or published ranks.</summary>
internal enum ParColumnKind
{
    Score,
    Rank,
}

/// <summary>A column of a PAR result table, recognised from its (merged, multi-row) header.</summary>
/// <param name="HeaderMax">Max points printed in the header, e.g. "(1,5)", when there is one.</param>
/// <param name="HeaderRow">Row of the header cell that carries the code (the top-left cell of its merged range).</param>
/// <param name="HeaderColumn">Column of that cell.</param>
internal sealed record ParColumn(int Column, string Code, ParColumnKind Kind, double? HeaderMax, int HeaderRow, int HeaderColumn);

/// <summary>A sheet's result table: where the provinces are and what each column means.</summary>
internal sealed record ParTable(Sheet Sheet, int ProvinceColumn, IReadOnlyList<int> DataRows, IReadOnlyList<ParColumn> Columns);

/// <summary>
/// Finds the result table in a sheet the way a reader of a Bộ Nội vụ publication would: the rows that name a province
/// are the data; the up to three non-blank rows just above them are the header (a row of column numbers "(1) (2) …"
/// is skipped; cells merged across most of the table are titles, not headers). Each column's criterion code is the
/// deepest code in its header ("1.1.2 …", "1. CÔNG TÁC …", "Tổng điểm lĩnh vực 1"), or TOTAL for "Chỉ số CCHC";
/// a "Xếp hạng" header makes it a rank column.
/// </summary>
internal static partial class ParTableReader
{
    private const int MaxHeaderRows = 3;

    public static ParTable? Read(Sheet sheet)
    {
        var provinceColumn = FindProvinceColumn(sheet);
        if (provinceColumn is null)
        {
            return null;
        }

        var dataRows = Enumerable.Range(0, sheet.RowCount)
            .Where(r => ProvinceResolver.Default.IsProvinceName(sheet.Text(r, provinceColumn.Value)))
            .ToList();
        var headerRows = HeaderRowsAbove(sheet, dataRows[0]);
        var lastColumn = LastUsedColumn(sheet, headerRows, dataRows);
        var columns = new List<ParColumn>();
        for (var c = provinceColumn.Value + 1; c <= lastColumn; c++)
        {
            if (Classify(sheet, headerRows, c, provinceColumn.Value, lastColumn) is { } column)
            {
                columns.Add(column);
            }
        }

        return new ParTable(sheet, provinceColumn.Value, dataRows, columns);
    }

    private static int? FindProvinceColumn(Sheet sheet)
    {
        var votes = new int[4];
        for (var r = 0; r < sheet.RowCount; r++)
        {
            for (var c = 0; c < Math.Min(votes.Length, sheet.ColumnCount); c++)
            {
                if (ProvinceResolver.Default.IsProvinceName(sheet.Text(r, c)))
                {
                    votes[c]++;
                    break;
                }
            }
        }

        var best = Array.IndexOf(votes, votes.Max());
        return votes[best] >= 3 ? best : null;
    }

    private static List<int> HeaderRowsAbove(Sheet sheet, int firstDataRow)
    {
        var rows = new List<int>();
        for (var r = firstDataRow - 1; r >= 0 && rows.Count < MaxHeaderRows; r--)
        {
            if (sheet.IsBlankRow(r))
            {
                if (rows.Count > 0)
                {
                    break;
                }

                continue;
            }

            if (IsNumberingRow(sheet, r))
            {
                continue;
            }

            rows.Insert(0, r);
        }

        return rows;
    }

    /// <summary>Vietnamese tables often number their columns under the header: "(1) (2) (3) …" or "1 2 3 …".</summary>
    private static bool IsNumberingRow(Sheet sheet, int row)
    {
        var cells = Enumerable.Range(0, sheet.ColumnCount).Select(c => sheet.Text(row, c)).Where(t => t is not null).ToList();
        return cells.Count > 1 && cells.All(t => NumberingCell().IsMatch(t!));
    }

    private static int LastUsedColumn(Sheet sheet, IReadOnlyList<int> headerRows, IReadOnlyList<int> dataRows)
    {
        var last = 0;
        foreach (var r in headerRows.Concat(dataRows))
        {
            for (var c = sheet.ColumnCount - 1; c > last; c--)
            {
                if (sheet.Text(r, c) is not null)
                {
                    last = c;
                    break;
                }
            }
        }

        return last;
    }

    private static ParColumn? Classify(Sheet sheet, IReadOnlyList<int> headerRows, int column, int provinceColumn, int lastColumn)
    {
        var texts = headerRows.Select(r => HeaderText(sheet, r, column, provinceColumn, lastColumn))
            .OfType<(int Row, int Column, string Text)>()
            .ToList();
        if (texts.Count == 0)
        {
            return null;
        }

        var deepest = CellValues.Fold(texts[^1].Text);
        var kind = RankHeader().IsMatch(deepest) ? ParColumnKind.Rank : ParColumnKind.Score;
        for (var i = texts.Count - 1; i >= 0; i--)
        {
            if (CodeOf(texts[i].Text) is { } code)
            {
                return new ParColumn(column, code, kind, MaxOf(texts[i].Text), texts[i].Row, texts[i].Column);
            }
        }

        return null;
    }

    /// <summary>A header cell's text and where it sits (the top-left of its merged range), unless the cell belongs to a
    /// title merged across most of the table.</summary>
    private static (int Row, int Column, string Text)? HeaderText(Sheet sheet, int row, int column, int provinceColumn, int lastColumn)
    {
        var merged = sheet.Merged.FirstOrDefault(m => m.Contains(row, column));
        if (merged != default)
        {
            if ((merged.ToColumn - merged.FromColumn + 1) * 2 > lastColumn - provinceColumn + 1 && merged.FromColumn <= provinceColumn)
            {
                return null;
            }

            (row, column) = (merged.FromRow, merged.FromColumn);
        }

        return sheet.Text(row, column) is { } text ? (row, column, text) : null;
    }

    internal static string? CodeOf(string header)
    {
        var text = header.Trim();
        if (LeadingCode().Match(text) is { Success: true } m)
        {
            return m.Groups["code"].Value;
        }

        var folded = CellValues.Fold(text);
        if (FieldWords().Match(folded) is { Success: true } f)
        {
            return f.Groups["field"].Value;
        }

        return TotalWords().IsMatch(folded) ? ParCodes.Total : null;
    }

    internal static double? MaxOf(string header) =>
        HeaderMax().Match(header.Trim()) is { Success: true } m ? CellValues.ParseNumber(m.Groups["max"].Value) : null;

    [GeneratedRegex(@"^\(?\d{1,3}\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberingCell();

    [GeneratedRegex(@"\b(xep hang|thu hang)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RankHeader();

    [GeneratedRegex(@"^(?<code>[1-9]\d?(?:\.[1-9]\d?){0,2})\.?(?:\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingCode();

    [GeneratedRegex(@"\blinh vuc (?<field>[1-9])\b", RegexOptions.CultureInvariant)]
    private static partial Regex FieldWords();

    [GeneratedRegex(@"\b(chi so cchc|chi so cai cach hanh chinh|par index|tong diem)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TotalWords();

    [GeneratedRegex(@"\((?<max>\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderMax();
}
