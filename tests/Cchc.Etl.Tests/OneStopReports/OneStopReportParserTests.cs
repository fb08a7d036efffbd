using Cchc.Etl.OneStopReports;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Reference;
using static Cchc.Etl.Tests.OneStopReports.ReportFixtures;

namespace Cchc.Etl.Tests.OneStopReports;

/// <summary>Each hand-made fixture read as a user would check it against the printed form.</summary>
public sealed class OneStopReportParserTests
{
    private static OneStopReportRow Row(OneStopReport report, string level, string name) =>
        report.Rows.Single(r => r.LevelCode == level && (r.FieldName ?? r.AgencyName) == name);

    [Fact]
    public void Three_merged_header_rows_with_text_numbers()
    {
        var parsed = Parse(ThreeRowHeader);
        var report = Assert.Single(parsed.Reports);
        Assert.Equal(new ReportPeriod(new DateOnly(2019, 3, 15), new DateOnly(2019, 6, 14), "quarter", "Quý II năm 2019"), report.Period);
        Assert.Equal("06c/VPCP/KSTT", report.FormCode);
        Assert.Equal(ProvinceCatalog.Default.ByCode("68", 2019)!.Key, report.Scope.ProvinceKey);
        Assert.Equal(["commune", "district", "province"], report.Scope.LevelCodes);
        Assert.False(report.IsSynthetic);
        Assert.Equal(7, report.Rows.Count);

        // "1.184" in a count column is 1184: carried over + online + in person.
        var land = Row(report, "province", "Đất đai");
        Assert.Equal(new ReportCounts(1184, 212, 972, 96, 876, 995, 310, 644, 41, 189, 170, 19), land.Counts);
        Assert.Equal(("Biểu 06c", 12), (land.Source.Sheet, land.Source.Row));
        Assert.Equal(1184, Row(report, "district", "Đất đai").Counts.CarriedOver);
        Assert.Equal(6063, Row(report, "commune", "Chứng thực").Counts.ReceivedTotal);

        Assert.Equal(["level", "level", "level", "grand_total"], report.Subtotals.Select(s => s.Kind));
        Assert.Equal(["province", "district", "commune", null], report.Subtotals.Select(s => s.LevelCode));
        Assert.Equal(report.Rows.Sum(r => r.Counts.ReceivedTotal), report.Subtotals[^1].Counts.ReceivedTotal);

        Assert.Empty(parsed.Rejected);
        Assert.Equal((11, 4), (parsed.RowsRead, parsed.RowsSkipped));
        Assert.Equal("named by the report", parsed.ProvinceSource);
    }

    [Fact]
    public void Two_merged_header_rows_in_an_xls_with_the_grand_total_first()
    {
        var parsed = Parse(TwoRowHeaderXls);
        var report = Assert.Single(parsed.Reports);
        Assert.Equal(new ReportPeriod(new DateOnly(2019, 12, 15), new DateOnly(2020, 6, 14), "half_year", "6 tháng đầu năm 2020"), report.Period);
        Assert.Equal(2020, report.Period.Year);
        Assert.Equal("56", ProvinceCatalog.Default.ByKey(report.Scope.ProvinceKey).GsoCode);
        Assert.Equal(4, report.Rows.Count);
        Assert.Equal(new ReportCounts(2190, 60, 2130, 880, 1250, 2112, 1400, 700, 12, 78, 70, 8), Row(report, "province", "Giao thông vận tải").Counts);
        Assert.Equal(["grand_total", "level", "level", "level"], report.Subtotals.Select(s => s.Kind));
        Assert.Equal((8, 4, 0), (parsed.RowsRead, parsed.RowsSkipped, parsed.Rejected.Count));
    }

    [Fact]
    public void A_report_per_agency_under_unnumbered_level_groups()
    {
        var report = Assert.Single(Parse(PerAgency).Reports);
        Assert.Equal(new ReportPeriod(new DateOnly(2021, 1, 1), new DateOnly(2021, 12, 31), "year", "Năm 2021"), report.Period);
        Assert.Equal("06/VPCP/KSTT", report.FormCode);
        Assert.Equal("38", ProvinceCatalog.Default.ByKey(report.Scope.ProvinceKey).GsoCode);
        Assert.All(report.Rows, r => Assert.Null(r.FieldName));
        Assert.Equal(["Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Tư pháp"],
            report.Rows.Where(r => r.LevelCode == "province").Select(r => r.AgencyName));
        Assert.Equal(2, report.Rows.Count(r => r.LevelCode == "district"));
        Assert.Equal(2, report.Rows.Count(r => r.LevelCode == "commune"));

        // The 01/2020 order: total, online, in person/postal, then "Từ kỳ trước".
        var c = Row(report, "province", "Sở Kế hoạch và Đầu tư").Counts;
        Assert.Equal((3550, 40, 3100, 410), (c.ReceivedTotal!.Value, c.CarriedOver!.Value, c.ReceivedOnline!.Value, c.ReceivedInPersonPostal!.Value));
        var total = Assert.Single(report.Subtotals);
        Assert.Equal(OneStopReportSubtotal.GrandTotal, total.Kind);
    }

    [Fact]
    public void A_csv_export_without_merges_and_with_a_space_as_thousands_separator()
    {
        var parsed = Parse(CsvExport);
        var report = Assert.Single(parsed.Reports);
        Assert.Equal(new ReportPeriod(new DateOnly(2022, 4, 15), new DateOnly(2022, 5, 14), "month", "Tháng 5 năm 2022"), report.Period);
        Assert.Equal("48", ProvinceCatalog.Default.ByKey(report.Scope.ProvinceKey).GsoCode);
        Assert.Equal("province", Row(report, "province", "Xây dựng").LevelCode); // "Cấp thành phố (Sở, ban, ngành)"
        var civil = Row(report, "district", "Hộ tịch").Counts;
        Assert.Equal((2146, 2051, 2130), (civil.ReceivedTotal!.Value, civil.ReceivedInPersonPostal!.Value, civil.ResolvedTotal!.Value));
        Assert.Equal((8, 4, 0), (parsed.RowsRead, parsed.RowsSkipped, parsed.Rejected.Count));
    }

    [Fact]
    public void Notes_a_footnote_and_the_signature_block_end_the_table()
    {
        var parsed = Parse(SignatureAndNotes);
        var report = Assert.Single(parsed.Reports);
        Assert.Equal(new ReportPeriod(new DateOnly(2020, 7, 1), new DateOnly(2020, 9, 30), "quarter", "Quý III năm 2020"), report.Period);
        Assert.Equal(3, report.Rows.Count);
        Assert.Equal("Quá hạn do vướng quy hoạch", Row(report, "district", "Đất đai").Note);
        Assert.Null(Row(report, "province", "Công Thương").Note);
        Assert.Equal("Chuyển giao cho tổ chức hành nghề công chứng", Row(report, "province", "Công chứng").Note);

        // 3 rows, 2 groups, the total and the blank row before "Ghi chú:" are read; nothing below it is.
        Assert.Equal((7, 4, 0), (parsed.RowsRead, parsed.RowsSkipped, parsed.Rejected.Count));
    }

    [Fact]
    public void The_older_form_keeps_parts_it_does_not_split_out_blank()
    {
        var report = Assert.Single(Parse(OlderForm).Reports);
        Assert.Equal("01", ProvinceCatalog.Default.ByKey(report.Scope.ProvinceKey).GsoCode);
        Assert.Equal("06a/VPCP/KSTT", report.FormCode);
        var c = Row(report, "province", "Kế hoạch và đầu tư").Counts;
        Assert.Equal(new ReportCounts(4420, 120, 4300, null, null, 4280, null, 4250, 30, 140, 135, 5), c);
    }

    [Fact]
    public void Fields_under_an_agency_in_a_report_of_one_level()
    {
        var parsed = Parse(AgencyWithFields);
        var report = Assert.Single(parsed.Reports);
        Assert.Equal(["district"], report.Scope.LevelCodes);
        Assert.Equal(new ReportPeriod(new DateOnly(2019, 4, 1), new DateOnly(2019, 6, 30), "quarter", "Quý II năm 2019"), report.Period);
        Assert.Equal(
            [("Đất đai", "UBND huyện Đức Trọng"), ("Hộ tịch", "UBND huyện Đức Trọng"), ("Đất đai", "UBND thành phố Bảo Lộc")],
            report.Rows.Select(r => (r.FieldName!, r.AgencyName!)));
        Assert.Equal(["UBND huyện Đức Trọng", "UBND thành phố Bảo Lộc"], report.Subtotals.Select(s => s.AgencyName));
        Assert.All(report.Subtotals, s => Assert.Equal(OneStopReportSubtotal.Agency, s.Kind));
        Assert.Equal((5, 2, 0), (parsed.RowsRead, parsed.RowsSkipped, parsed.Rejected.Count));
    }

    [Fact]
    public void Each_sheet_with_the_form_is_a_report_of_its_own_period()
    {
        var parsed = Parse(TwoSheets);
        Assert.Equal(
            [(new DateOnly(2020, 12, 15), new DateOnly(2021, 3, 14), "Quý I"), (new DateOnly(2021, 3, 15), new DateOnly(2021, 6, 14), "Quý II")],
            parsed.Reports.Select(r => (r.Period.Start, r.Period.End, r.Rows[0].Source.Sheet!)));
        Assert.Equal((6, 4), (parsed.RowsRead, parsed.RowsSkipped));
    }

    [Fact]
    public void A_report_per_level_has_its_levels_as_rows()
    {
        using var folder = new TempFolder();
        string[] header =
        [
            "UBND TỈNH LÂM ĐỒNG;;;;;;;;;;;;",
            "Kỳ báo cáo: Năm 2022;;;;;;;;;;;;",
            "STT;Nội dung;Số hồ sơ nhận giải quyết;;;;Số hồ sơ đã giải quyết;;;;Số hồ sơ đang giải quyết;;",
            ";;Tổng số;Kỳ trước chuyển qua;Trực tuyến;Trực tiếp, dịch vụ bưu chính;Tổng số;Trước hạn;Đúng hạn;Quá hạn;Tổng số;Trong hạn;Quá hạn",
        ];
        var numbered = folder.File("theo-cap.csv");
        File.WriteAllLines(numbered, [.. header,
            "1;Cấp tỉnh;100;10;40;50;90;30;50;10;10;8;2",
            "2;Cấp huyện;200;20;30;150;180;60;100;20;20;15;5",
            "3;Cấp xã;300;0;100;200;300;200;100;0;0;0;0",
            ";Tổng cộng;600;30;170;400;570;290;250;30;30;23;7"]);
        var grouped = folder.File("nhom-co-so.csv");
        File.WriteAllLines(grouped, [.. header,
            "I;CẤP TỈNH;100;10;40;50;90;30;50;10;10;8;2",
            "II;CẤP HUYỆN;200;20;30;150;180;60;100;20;20;15;5",
            ";Cộng cấp huyện;200;20;30;150;180;60;100;20;20;15;5"]);

        var byNumber = Assert.Single(OneStopReportParser.Parse(Cchc.Etl.Spreadsheets.Workbook.Open(numbered), Cchc.Etl.Provinces.ProvinceSetting.None).Reports);
        Assert.Equal(["province", "district", "commune"], byNumber.Rows.Select(r => r.LevelCode));
        Assert.All(byNumber.Rows, r => Assert.True(r.FieldName is null && r.AgencyName is null));
        Assert.Equal(OneStopReportSubtotal.GrandTotal, Assert.Single(byNumber.Subtotals).Kind);

        var byGroup = OneStopReportParser.Parse(Cchc.Etl.Spreadsheets.Workbook.Open(grouped), Cchc.Etl.Provinces.ProvinceSetting.None);
        Assert.Equal(["province", "district"], byGroup.Reports[0].Rows.Select(r => r.LevelCode));
        var subtotal = Assert.Single(byGroup.Reports[0].Subtotals);
        Assert.Equal((OneStopReportSubtotal.Level, "district"), (subtotal.Kind, subtotal.LevelCode!));
        Assert.Equal((3, 1), (byGroup.RowsRead, byGroup.RowsSkipped));
    }

    [Fact]
    public void A_report_that_names_no_province_needs_the_option()
    {
        var e = Assert.Throws<OneStopReportFormatException>(() => Parse(NoProvince));
        Assert.Contains("--province", e.Message);
        Assert.Contains("khong-ghi-tinh-quy-i-2023.xlsx", e.Message);

        Assert.Contains("CCHC_PROVINCE", e.Message);

        var parsed = Parse(NoProvince, "68");
        Assert.Equal("68 (Lâm Đồng) from --province (the report names none)", parsed.ProvinceSource);
        Assert.Equal(new DateOnly(2023, 3, 14), Assert.Single(parsed.Reports).Period.End);
        Assert.Equal(ProvinceCatalog.Default.ByCode("68", 2023)!.Key, parsed.Reports[0].Scope.ProvinceKey);
    }

    [Fact]
    public void The_deployment_province_serves_a_report_that_names_none_and_never_overrides_one_that_does()
    {
        var deployment = new Cchc.Etl.Provinces.ProvinceSetting(null, "68");
        var parsed = OneStopReportParser.Parse(Cchc.Etl.Spreadsheets.Workbook.Open(ReportFixtures.Path(NoProvince)), deployment);
        Assert.Equal("68 (Lâm Đồng) from the deployment default CCHC_PROVINCE (the report names none)", parsed.ProvinceSource);
        Assert.Equal(ProvinceCatalog.Default.ByCode("68", 2023)!.Key, Assert.Single(parsed.Reports).Scope.ProvinceKey);

        var named = OneStopReportParser.Parse(Cchc.Etl.Spreadsheets.Workbook.Open(ReportFixtures.Path(ThreeRowHeader)), new Cchc.Etl.Provinces.ProvinceSetting(null, "01"));
        Assert.Equal("named by the report", named.ProvinceSource);
        Assert.Equal(ProvinceCatalog.Default.ByCode("68", 2019)!.Key, named.Reports[0].Scope.ProvinceKey);
    }

    [Fact]
    public void A_province_option_that_contradicts_the_report_is_refused()
    {
        var e = Assert.Throws<OneStopReportFormatException>(() => Parse(ThreeRowHeader, "01"));
        Assert.Contains("names the province Lâm Đồng (68), but --province says Hà Nội (01)", e.Message);
        Assert.Single(Parse(ThreeRowHeader, "68").Reports);
    }

    [Fact]
    public void Rows_that_cannot_be_read_are_quarantined_with_sheet_row_and_column_and_every_row_is_accounted_for()
    {
        using var folder = new TempFolder();
        var path = folder.File("bao-cao-loi.csv");
        File.WriteAllLines(path,
        [
            "UBND TỈNH LÂM ĐỒNG;;;;;;;;;;;;",
            "Kỳ báo cáo: Quý I năm 2024;;;;;;;;;;;;",
            "STT;Lĩnh vực;Số hồ sơ nhận giải quyết;;;;Số hồ sơ đã giải quyết;;;;Số hồ sơ đang giải quyết;;",
            ";;Tổng số;Kỳ trước chuyển qua;Trực tuyến;Trực tiếp, dịch vụ bưu chính;Tổng số;Trước hạn;Đúng hạn;Quá hạn;Tổng số;Trong hạn;Quá hạn",
            "1;Đất đai;10;0;5;5;8;2;5;1;2;2;0",                 // no level group above: quarantined
            "I;Cấp tỉnh;;;;;;;;;;;",
            "1;Xây dựng;12;2;5;5;10;2;7;1;2;1;1",
            "2;Hộ tịch;1,5;0;1;0;1;0;1;0;0;0;0",               // not a count
            ";;7;0;3;4;7;0;7;0;0;0;0",                         // counts without a name
            "",
            "II;Cấp huyện;;;;;;;;;;;",
            "1;Đất đai;20;5;-;15;18;6;10;2;2;2;0",            // "-" is zero
            "Người lập biểu;;;;;;;;;;;;",
        ], new System.Text.UTF8Encoding(true));

        var parsed = OneStopReportParser.Parse(Cchc.Etl.Spreadsheets.Workbook.Open(path), Cchc.Etl.Provinces.ProvinceSetting.None);
        var report = Assert.Single(parsed.Reports);
        Assert.Equal(["Xây dựng", "Đất đai"], report.Rows.Select(r => r.FieldName));
        Assert.Equal(0, report.Rows[1].Counts.ReceivedOnline);
        Assert.Equal(3, parsed.Rejected.Count);
        Assert.Contains("no level", parsed.Rejected[0].Reason);
        Assert.Equal((5, (string?)null), (parsed.Rejected[0].Source.Row!.Value, parsed.Rejected[0].Source.Column));
        Assert.Equal((8, "C"), (parsed.Rejected[1].Source.Row!.Value, parsed.Rejected[1].Source.Column));
        Assert.Contains("'1,5' is not a count of dossiers", parsed.Rejected[1].Reason);
        Assert.Contains("received total", parsed.Rejected[1].Reason);
        Assert.Equal((9, "B"), (parsed.Rejected[2].Source.Row!.Value, parsed.Rejected[2].Source.Column));

        // Rows 5–12 are the table; "Người lập biểu" ends it.
        Assert.Equal(8, parsed.RowsRead);
        Assert.Equal(parsed.RowsRead, report.Rows.Count + parsed.Rejected.Count + parsed.RowsSkipped);
    }

    [Fact]
    public void A_file_with_no_report_header_says_what_it_lacks()
    {
        var e = Assert.Throws<OneStopReportFormatException>(() => Parse(NotAReport));
        Assert.Contains("lacks columns", e.Message);
        Assert.Contains("Đúng thời hạn", e.Message);
    }

    [Fact]
    public void Every_fixture_satisfies_the_accounting_identity()
    {
        foreach (var name in Reports)
        {
            var parsed = Parse(name, name == NoProvince ? "68" : null);
            Assert.True(parsed.RowsRead == parsed.Reports.Sum(r => r.Rows.Count) + parsed.Rejected.Count + parsed.RowsSkipped, name);
            Assert.True(parsed.RowsRead > 0, name);
        }
    }
}
