using System.Globalization;
using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse.OneStopReports;

namespace Cchc.Etl.Samples;

/// <summary>
/// The synthetic one-stop results reports: what Lâm Đồng's offices would have filed on the national form for the
/// synthetic dossier world of <see cref="OneStopLogGenerator"/> — the four quarters of 2017 per level and field
/// (Biểu 06c of the 2017 circular: a year before the sample's dossier logs begin, so the reports are the only one-stop
/// evidence for PAR 2017), and the first half of 2024 per agency (Biểu số 06 of Circular 01/2020, from 15 December to
/// 14 June as Decree 09/2019 cuts reporting periods off). Counts come from <see cref="OneStopReportTally"/>; every
/// workbook carries the SYNTHETIC sheet.
/// </summary>
internal sealed class OneStopReportSampleWriter(int rowsPerYear = 14_000) : ISampleWriter
{
    private const int Columns = 14;
    private static readonly string[] LevelGroups = ["", "CẤP TỈNH", "CẤP HUYỆN", "CẤP XÃ"];
    private static readonly string[] AgencyGroups = ["", "Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"];
    private static readonly string[] Roman = ["", "I", "II", "III"];
    private static readonly string[] Quarters = ["", "I", "II", "III", "IV"];

    public IReadOnlyList<SampleFile> Write(string directory)
    {
        var generator = new OneStopLogGenerator(rowsPerYear);
        var files = new List<SampleFile>();
        var world2017 = generator.ReceivedIn(2016).Concat(generator.ReceivedIn(2017)).ToList();
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            var from = new DateOnly(2017, ((quarter - 1) * 3) + 1, 1);
            var to = from.AddMonths(3).AddDays(-1);
            var path = Path.Combine(directory, $"bao-cao-ket-qua-tthc-lam-dong-2017-quy-{quarter}.xlsx");
            PerField(world2017, from, to, $"Quý {Quarters[quarter]} năm 2017").Save(path);
            files.Add(new SampleFile(OneStopReportLoader.KindName, path));
        }

        var world2024 = generator.ReceivedIn(2023).Concat(generator.ReceivedIn(2024)).ToList();
        var agencies = Path.Combine(directory, "bao-cao-ket-qua-tthc-lam-dong-6-thang-2024-theo-don-vi.xlsx");
        PerAgency(world2024, new DateOnly(2023, 12, 15), new DateOnly(2024, 6, 14)).Save(agencies);
        files.Add(new SampleFile(OneStopReportLoader.KindName, agencies));
        return files;
    }

    /// <summary>Biểu 06c: levels (I, II, III) with their fields, subtotals and the grand total.</summary>
    private static XlsxWriter PerField(IReadOnlyList<SyntheticDossier> world, DateOnly from, DateOnly to, string period)
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("Biểu 06c");
        var row = Title(sheet, "Biểu số 06c/VPCP/KSTT", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TRÊN ĐỊA BÀN TỈNH", period, from, to);
        row = Header(sheet, row, "Lĩnh vực, công việc giải quyết theo cấp");
        var all = new List<ReportCounts>();
        for (var level = 1; level <= 3; level++)
        {
            var fields = world.Where(d => d.Level == level).GroupBy(d => d.Procedure.Field).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Name: g.Key, Counts: OneStopReportTally.Count(g, from, to))).Where(f => f.Counts.ReceivedTotal > 0).ToList();
            sheet.Row(row++, [Roman[level], LevelGroups[level], .. Values(OneStopReportTally.Sum(fields.Select(f => f.Counts)))]);
            for (var i = 0; i < fields.Count; i++)
            {
                sheet.Row(row++, [(i + 1).ToString(CultureInfo.InvariantCulture), fields[i].Name, .. Values(fields[i].Counts)]);
            }

            all.AddRange(fields.Select(f => f.Counts));
        }

        sheet.Row(row++, [null, "TỔNG CỘNG", .. Values(OneStopReportTally.Sum(all))]);
        Signature(sheet, row + 1, to);
        SyntheticMarker.Stamp(writer, Description);
        return writer;
    }

    /// <summary>Biểu số 06 (Circular 01/2020): agencies under unnumbered level groups, the total last.</summary>
    private static XlsxWriter PerAgency(IReadOnlyList<SyntheticDossier> world, DateOnly from, DateOnly to)
    {
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("Biểu 06");
        var row = Title(sheet, "Biểu số 06/VPCP/KSTT", "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
            "6 tháng đầu năm 2024", from, to);
        row = AgencyHeader(sheet, row);
        var all = new List<ReportCounts>();
        for (var level = 1; level <= 3; level++)
        {
            var agencies = world.Where(d => d.Level == level).GroupBy(d => d.Agency.Name).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Name: g.Key, Counts: OneStopReportTally.Count(g, from, to))).Where(a => a.Counts.ReceivedTotal > 0).ToList();
            sheet.Set(row, 0, AgencyGroups[level]).Merge(row, 0, row, Columns - 1);
            row++;
            for (var i = 0; i < agencies.Count; i++)
            {
                sheet.Row(row++, [i + 1, agencies[i].Name, .. AgencyValues(agencies[i].Counts)]);
            }

            all.AddRange(agencies.Select(a => a.Counts));
        }

        sheet.Row(row++, [null, "Tổng số", .. AgencyValues(OneStopReportTally.Sum(all))]);
        Signature(sheet, row + 1, to);
        SyntheticMarker.Stamp(writer, Description);
        return writer;
    }

    private const string Description =
        "Báo cáo tình hình, kết quả giải quyết TTHC do CchcAnalytics tạo từ bộ hồ sơ một cửa tổng hợp (OneStopLogGenerator, OneStopReportTally). "
        + "Generated by CchcAnalytics from its synthetic dossier world, in the layout of the Government Office's results-report forms; not a real report.";

    private static int Title(XlsxWriter.SheetData sheet, string form, string heading, string period, DateOnly from, DateOnly to)
    {
        sheet.Row(0, "UBND TỈNH LÂM ĐỒNG", null, null, null, null, null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        sheet.Row(1, form, null, null, null, null, null, null, null, null, "Độc lập - Tự do - Hạnh phúc");
        sheet.Set(3, 2, heading).Merge(3, 2, 3, 12);
        sheet.Set(4, 2, string.Create(CultureInfo.InvariantCulture, $"Kỳ báo cáo: {period} (từ ngày {from:dd/MM/yyyy} đến ngày {to:dd/MM/yyyy})")).Merge(4, 2, 4, 12);
        sheet.Set(5, 11, "Đơn vị tính: Số hồ sơ TTHC");
        return 6;
    }

    /// <summary>Three merged header rows and the column-number row; returns the first table row.</summary>
    private static int Header(XlsxWriter.SheetData sheet, int top, string rowHeading)
    {
        sheet.Row(top, "STT", rowHeading, "Số hồ sơ nhận giải quyết", null, null, null, "Kết quả giải quyết", null, null, null, null, null, null, "Ghi chú");
        sheet.Row(top + 1, null, null, "Tổng số", "Trong đó", null, null, "Số hồ sơ đã giải quyết", null, null, null, "Số hồ sơ đang giải quyết");
        sheet.Row(top + 2, null, null, null, "Số kỳ trước chuyển qua", "Số mới tiếp nhận trực tuyến", "Số mới tiếp nhận trực tiếp hoặc qua dịch vụ bưu chính",
            "Tổng số", "Trả trước hạn", "Trả đúng thời hạn", "Trả quá hạn", "Tổng số", "Chưa đến hạn", "Quá hạn");
        sheet.Row(top + 3, "(1)", "(2)", "(3)=(4)+(5)+(6)", "(4)", "(5)", "(6)", "(7)=(8)+(9)+(10)", "(8)", "(9)", "(10)", "(11)=(12)+(13)", "(12)", "(13)", "(14)");
        sheet.Merge(top, 0, top + 2, 0).Merge(top, 1, top + 2, 1).Merge(top, 2, top, 5).Merge(top, 6, top, 12).Merge(top, 13, top + 2, 13)
            .Merge(top + 1, 2, top + 2, 2).Merge(top + 1, 3, top + 1, 5).Merge(top + 1, 6, top + 1, 9).Merge(top + 1, 10, top + 1, 12);
        return top + 4;
    }

    /// <summary>The header of Biểu số 06 (Circular 01/2020): received total, online and in person/postal under "Trong đó",
    /// then "Từ kỳ trước"; no notes column.</summary>
    private static int AgencyHeader(XlsxWriter.SheetData sheet, int top)
    {
        sheet.Row(top, "STT", "Đơn vị", "Số hồ sơ nhận giải quyết", null, null, null, "Số hồ sơ đã giải quyết", null, null, null, "Số lượng hồ sơ đang giải quyết");
        sheet.Row(top + 1, null, null, "Tổng số", "Trong đó", null, "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn");
        sheet.Row(top + 2, null, null, null, "Trực tuyến", "Trực tiếp, dịch vụ bưu chính");
        sheet.Row(top + 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
        sheet.Merge(top, 0, top + 2, 0).Merge(top, 1, top + 2, 1).Merge(top, 2, top, 5).Merge(top, 6, top, 9).Merge(top, 10, top, 12)
            .Merge(top + 1, 2, top + 2, 2).Merge(top + 1, 3, top + 1, 4).Merge(top + 1, 5, top + 2, 5);
        for (var c = 6; c <= 12; c++)
        {
            sheet.Merge(top + 1, c, top + 2, c);
        }

        return top + 4;
    }

    private static void Signature(XlsxWriter.SheetData sheet, int row, DateOnly to)
    {
        var signed = to.AddDays(10);
        sheet.Set(row, 9, string.Create(CultureInfo.InvariantCulture, $"Lâm Đồng, ngày {signed.Day:00} tháng {signed.Month:00} năm {signed.Year}"));
        sheet.Row(row + 1, null, "Nơi nhận:", null, null, null, null, null, null, null, "KT. CHỦ TỊCH");
        sheet.Row(row + 2, null, "- Văn phòng Chính phủ;", null, null, null, null, null, null, null, "PHÓ CHỦ TỊCH");
        sheet.Row(row + 3, null, "- Lưu: VT.", null, null, null, null, null, null, null, "(dữ liệu tổng hợp — synthetic)");
    }

    /// <summary>The counts in Biểu số 06's column order: received total, online, in person/postal, from the previous
    /// period; resolved and pending as in <see cref="Values"/>.</summary>
    private static object?[] AgencyValues(ReportCounts c) =>
    [
        c.ReceivedTotal, c.ReceivedOnline, c.ReceivedInPersonPostal, c.CarriedOver, c.ResolvedTotal, c.ResolvedEarly, c.ResolvedOnTime,
        c.ResolvedLate, c.PendingTotal, c.PendingNotDue, c.PendingOverdue,
    ];

    /// <summary>The counts in the form's column order: received (total, carried over, online, in person/postal), resolved
    /// (total, early, on time, late), pending (total, not yet due, overdue).</summary>
    private static object?[] Values(ReportCounts c) =>
    [
        c.ReceivedTotal, c.CarriedOver, c.ReceivedOnline, c.ReceivedInPersonPostal, c.ResolvedTotal, c.ResolvedEarly, c.ResolvedOnTime,
        c.ResolvedLate, c.PendingTotal, c.PendingNotDue, c.PendingOverdue,
    ];
}
