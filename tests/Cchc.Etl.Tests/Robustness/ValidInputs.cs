using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.Etl.Tests.Papi;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>Small valid inputs the robustness cases start from: a PAPI-like workbook (one 2018 year sheet, five
/// provinces, the synthetic marker) that the PAPI loader loads cleanly.</summary>
internal static class ValidInputs
{
    public const int Year = 2018;
    public const string SheetName = "2018_PAPI";

    public static readonly (int Id, string English, string Vietnamese)[] Provinces =
    [
        (1, "Ha Noi", "Hà Nội"), (22, "Quang Ninh", "Quảng Ninh"), (48, "Da Nang", "Đà Nẵng"),
        (68, "Lam Dong", "Lâm Đồng"), (79, "Ho Chi Minh", "Hồ Chí Minh"),
    ];

    /// <summary>The first data row (below the English and the Vietnamese header row).</summary>
    public const int FirstDataRow = 2;

    /// <summary>The PAPI-like workbook; <paramref name="change"/> edits the year sheet after it is filled.</summary>
    public static byte[] Papi(Action<XlsxWriter.SheetData, IReadOnlyDictionary<string, int>>? change = null, bool hideYearSheet = false)
    {
        var writer = new XlsxWriter();
        SyntheticMarker.Stamp(writer, "robustness test input");
        var sheet = writer.AddSheet(SheetName, hideYearSheet);
        var columns = MiniPapiWorkbook.Header(sheet, Year);
        for (var i = 0; i < Provinces.Length; i++)
        {
            var (id, english, vietnamese) = Provinces[i];
            MiniPapiWorkbook.Province(sheet, Year, FirstDataRow + i, columns, id, english, vietnamese);
        }

        change?.Invoke(sheet, columns);
        using var output = new MemoryStream();
        writer.Save(output);
        return output.ToArray();
    }

    /// <summary>Every column of the year sheet: tinhid, the two name columns, then one per criterion.</summary>
    public static int ColumnCount => 3 + MiniPapiWorkbook.ColumnsOf(Year).Count;
}
