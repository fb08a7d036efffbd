using Cchc.Etl.OneStopReports;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.OneStopReports;

/// <summary>The hand-made results-report fixtures of tests/fixtures/onestop-report, one quirk each (README.md there).</summary>
internal static class ReportFixtures
{
    /// <summary>Lâm Đồng, Quý II 2019 (15/3–14/6), Biểu 06c: three merged header rows, counts as text ("1.184").</summary>
    public const string ThreeRowHeader = "06c-quy-ii-2019-tieu-de-3-dong-so-dang-chu.xlsx";

    /// <summary>Khánh Hòa, 6 months of 2020, .xls (BIFF): two merged header rows, the grand total first.</summary>
    public const string TwoRowHeaderXls = "06a-6-thang-2020-tieu-de-2-dong.xls";

    /// <summary>Thanh Hóa, year 2021: one row per agency under unnumbered level groups.</summary>
    public const string PerAgency = "06-theo-don-vi-nam-2021.xlsx";

    /// <summary>Đà Nẵng, May 2022: a semicolon CSV with BOM, padded rows, no merges.</summary>
    public const string CsvExport = "xuat-csv-thang-5-2022.csv";

    /// <summary>Lâm Đồng, Quý III 2020 without dates: notes, a footnote and a signature block.</summary>
    public const string SignatureAndNotes = "co-chu-ky-va-ghi-chu-quy-iii-2020.xlsx";

    /// <summary>Lâm Đồng 2018: rows and group rows whose numbers do not add up.</summary>
    public const string PartsDoNotAddUp = "so-lieu-khong-khop-nam-2018.xlsx";

    /// <summary>Quý I/2023, names no province.</summary>
    public const string NoProvince = "khong-ghi-tinh-quy-i-2023.xlsx";

    /// <summary>Hà Nội, Quý IV 2017, the older form: no online split, no early column.</summary>
    public const string OlderForm = "mau-cu-2017-khong-tach-truc-tuyen.xlsx";

    /// <summary>Lâm Đồng, Quý II 2019, district level named in the title: each district with its fields under it.</summary>
    public const string AgencyWithFields = "don-vi-va-linh-vuc-quy-ii-2019.xlsx";

    /// <summary>Lâm Đồng 2021: a sheet per quarter, each its own report.</summary>
    public const string TwoSheets = "hai-quy-2021-moi-quy-mot-trang.xlsx";

    /// <summary>Biểu II.07b (procedures per level): a neighbouring form that is not a results report.</summary>
    public const string NotAReport = "khong-phai-bao-cao-07b-so-tthc.xlsx";

    public static readonly string[] Reports =
        [ThreeRowHeader, TwoRowHeaderXls, PerAgency, CsvExport, SignatureAndNotes, PartsDoNotAddUp, NoProvince, OlderForm, AgencyWithFields, TwoSheets];

    public static string Path(string name) => SharedData.Fixture("onestop-report", name);

    public static ParsedOneStopReport Parse(string name, string? province = null) =>
        OneStopReportParser.Parse(Workbook.Open(Path(name)), ProvinceSetting.From(province, null));
}
