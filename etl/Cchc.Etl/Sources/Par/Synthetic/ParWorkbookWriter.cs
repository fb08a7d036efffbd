using System.Globalization;
using System.Text;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>
/// Writes one year of the PAR sample the way the ministry publishes results: a summary sheet ("Tổng hợp": total with
/// rank, rank change, each field with rank) and one sheet per field ("Lĩnh vực 1" …) with every criterion and
/// sub-criterion; merged title rows, two-level Vietnamese headers that carry codes and max points ("1.1. Kế hoạch CCHC
/// (1,5)"), a row of column numbers, rows ordered by rank, a national-average row and a footnote. Some cells hold text
/// with a decimal comma ("5,1611", "70,99%") and some province names lack diacritics or carry "Tỉnh"/"TP.", as in
/// real files. The PROVENANCE sheet lists the real values with their sources; the SYNTHETIC sheet marks the rest.
/// </summary>
internal static class ParWorkbookWriter
{
    private const string SummarySheet = "Tổng hợp";
    private const int SummaryHeaderRow = 5;
    private const int FieldHeaderRow = 3;

    public static void Write(string path, ParYearSample year, ParYearSample? previous)
    {
        var writer = new XlsxWriter();
        WriteSummary(writer.AddSheet(SummarySheet), year, previous);
        foreach (var field in year.Methodology.Fields)
        {
            WriteField(writer.AddSheet($"Lĩnh vực {field.Code}"), year, field);
        }

        WriteProvenance(writer.AddSheet(ParWorkbookLayout.ProvenanceSheet), year);
        SyntheticMarker.Stamp(writer, string.Create(CultureInfo.InvariantCulture,
            $"PAR Index {year.Year}: results for {year.Provinces.Count} provinces under methodology {year.Methodology.Version}. Every value is synthetic except the {year.RealValues.Count} real values listed on sheet {ParWorkbookLayout.ProvenanceSheet}, with their sources."));
        writer.Save(path);
    }

    private static void WriteSummary(XlsxWriter.SheetData sheet, ParYearSample year, ParYearSample? previous)
    {
        var fields = year.Methodology.Fields;
        var last = 4 + (2 * fields.Count);
        Title(sheet, last, year);
        var h = SummaryHeaderRow;
        sheet.Set(h, 0, "STT").Merge(h, 0, h + 1, 0);
        sheet.Set(h, 1, "Tỉnh, thành phố").Merge(h, 1, h + 1, 1);
        sheet.Set(h, 2, $"Chỉ số CCHC năm {year.Year}").Merge(h, 2, h, 3);
        sheet.Set(h + 1, 2, "Điểm (%)").Set(h + 1, 3, "Xếp hạng");
        sheet.Set(h, 4, $"Tăng (+), giảm (-) bậc so với năm {year.Year - 1}").Merge(h, 4, h + 1, 4);
        for (var i = 0; i < fields.Count; i++)
        {
            var c = 5 + (2 * i);
            sheet.Set(h, c, $"{fields[i].Code}. {fields[i].NameVi} ({Max(fields[i].MaxPoints)})").Merge(h, c, h, c + 1);
            sheet.Set(h + 1, c, "Điểm").Set(h + 1, c + 1, "Xếp hạng");
        }

        Numbering(sheet, h + 2, last);
        var previousRanks = previous?.Provinces.ToDictionary(p => p.Province.Key, p => p.Rank);
        var row = h + 3;
        foreach (var (p, i) in year.Provinces.Select((p, i) => (p, i)))
        {
            sheet.Set(row, 0, i + 1).Set(row, 1, NameVariant(p.Province, i));
            sheet.Set(row, 2, i % 4 == 1 || IsReal(year, p, ParCodes.Total) ? Percent(p.Total) : (double)p.Total);
            sheet.Set(row, 3, i % 11 == 5 ? p.Rank.ToString(CultureInfo.InvariantCulture) : p.Rank);
            if (previousRanks?.GetValueOrDefault(p.Province.Key) is { } before and > 0)
            {
                sheet.Set(row, 4, before - p.Rank);
            }

            for (var f = 0; f < fields.Count; f++)
            {
                var c = 5 + (2 * f);
                sheet.Set(row, c, Score(p.Scores[fields[f].Code], row, c));
                sheet.Set(row, c + 1, p.FieldRanks[fields[f].Code]);
            }

            row++;
        }

        Footer(sheet, row + 1, year, fields.Select((f, i) => (Column: 5 + (2 * i), Code: f.Code)).Prepend((Column: 2, Code: ParCodes.Total)));
    }

    private static void WriteField(XlsxWriter.SheetData sheet, ParYearSample year, ParCriterion field)
    {
        var m = year.Methodology;
        var columns = new List<(int Column, string Code)> { (2, field.Code) };
        var col = 3;
        var h = FieldHeaderRow;
        foreach (var criterion in m.ChildrenOf(field.Code))
        {
            var subs = m.ChildrenOf(criterion.Code);
            sheet.Set(h, col, $"{criterion.Code}. {criterion.NameVi} ({Max(criterion.MaxPoints)})");
            if (subs.Count == 0)
            {
                sheet.Merge(h, col, h + 1, col);
                columns.Add((col++, criterion.Code));
                continue;
            }

            sheet.Merge(h, col, h, col + subs.Count);
            sheet.Set(h + 1, col, "Cộng");
            columns.Add((col++, criterion.Code));
            foreach (var sub in subs)
            {
                sheet.Set(h + 1, col, $"{sub.Code}. {sub.NameVi} ({Max(sub.MaxPoints)})");
                columns.Add((col++, sub.Code));
            }
        }

        var last = col - 1;
        sheet.Set(0, 0, $"LĨNH VỰC {field.Code}: {field.NameVi.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))} — CHỈ SỐ CCHC NĂM {year.Year}").Merge(0, 0, 0, last);
        sheet.Set(1, 0, $"Điểm tối đa của lĩnh vực: {Max(field.MaxPoints)}; điểm các tiêu chí, tiêu chí thành phần do Bộ Nội vụ thẩm định hoặc điều tra xã hội học").Merge(1, 0, 1, last);
        sheet.Set(h, 0, "STT").Merge(h, 0, h + 1, 0);
        sheet.Set(h, 1, "Tỉnh, thành phố").Merge(h, 1, h + 1, 1);
        sheet.Set(h, 2, $"Tổng điểm lĩnh vực {field.Code} ({Max(field.MaxPoints)})").Merge(h, 2, h + 1, 2);
        Numbering(sheet, h + 2, last);
        var row = h + 3;
        foreach (var (p, i) in year.Provinces.Select((p, i) => (p, i)))
        {
            sheet.Set(row, 0, i + 1).Set(row, 1, NameVariant(p.Province, i + 3));
            foreach (var (c, code) in columns)
            {
                sheet.Set(row, c, Score(p.Scores[code], row, c));
            }

            row++;
        }

        Footer(sheet, row + 1, year, columns);
    }

    private static void WriteProvenance(XlsxWriter.SheetData sheet, ParYearSample year)
    {
        sheet.Row(0, [.. ParWorkbookLayout.ProvenanceColumns]);
        var row = 1;
        foreach (var e in year.RealValues)
        {
            sheet.Row(row++, e.Year, e.ProvinceCode, e.Province, e.CriterionCode, e.ValueKind, e.Value, e.Source, e.Note);
        }
    }

    private static void Title(XlsxWriter.SheetData sheet, int last, ParYearSample year)
    {
        sheet.Set(0, 0, "BỘ NỘI VỤ").Merge(0, 0, 0, 3);
        sheet.Set(0, 6, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").Merge(0, 6, 0, last);
        sheet.Set(1, 6, "Độc lập - Tự do - Hạnh phúc").Merge(1, 6, 1, last);
        sheet.Set(2, 0, $"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year.Year} CỦA CÁC TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG").Merge(2, 0, 2, last);
        sheet.Set(3, 0, $"(Xác định theo Quyết định số {year.Methodology.Version["PAR-".Length..]}/QĐ-BNV — DỮ LIỆU MÔ PHỎNG, xem sheet SYNTHETIC và PROVENANCE)").Merge(3, 0, 3, last);
    }

    private static void Numbering(XlsxWriter.SheetData sheet, int row, int last)
    {
        for (var c = 0; c <= last; c++)
        {
            sheet.Set(row, c, $"({c + 1})");
        }
    }

    private static void Footer(XlsxWriter.SheetData sheet, int row, ParYearSample year, IEnumerable<(int Column, string Code)> columns)
    {
        sheet.Set(row, 1, "Trung bình cả nước");
        foreach (var (c, code) in columns)
        {
            var average = year.Provinces.Average(p => p.Scores[code]);
            sheet.Set(row, c, (double)Math.Round(average, code == ParCodes.Total ? 2 : 4, MidpointRounding.AwayFromZero));
        }

        sheet.Set(row + 2, 0, "Ghi chú: số liệu mô phỏng để thử nghiệm phần mềm; chỉ các giá trị liệt kê ở sheet PROVENANCE là số liệu thật, kèm nguồn.");
    }

    private static bool IsReal(ParYearSample year, ParProvinceResult p, string code) =>
        year.RealValues.Any(v => v.ProvinceCode == p.Province.GsoCode && v.CriterionCode == code && v.ValueKind == ParValueKind.Score);

    /// <summary>Most cells are numbers; about one in seven is text with a decimal comma, as typed by hand.</summary>
    private static object Score(decimal value, int row, int column) =>
        ((row * 31) + (column * 17)) % 7 == 0 ? Comma(value) : (double)value;

    private static string Percent(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',') + "%";

    private static string Comma(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Max(decimal value) => Comma(value);

    /// <summary>Province names as different offices type them: official, short, without diacritics, "TP." prefix.</summary>
    private static string NameVariant(Province p, int i) => (i % 9) switch
    {
        0 => p.OfficialName,
        4 => TextFolding.StripDiacritics(p.ShortName),
        7 when p.ProvinceType.StartsWith("Thành phố", StringComparison.Ordinal) => "TP. " + p.ShortName,
        _ => p.ShortName == "Hồ Chí Minh" ? "TP. Hồ Chí Minh" : p.ShortName,
    };

}
