using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.Pci;

/// <summary>Small hand-made PCI workbooks for parser tests: a few provinces, the 2017 sub-indices, known numbers.</summary>
internal static class PciTestWorkbooks
{
    public static readonly string[] Names = ["An Giang", "BRVT", "Bac Giang", "Đà Nẵng", "Hà Nội", "Lâm Đồng", "Quảng Ninh"];

    /// <summary>Sub-index i of province p is 5 + p/10 + i/100, so every cell is recognisable in assertions.</summary>
    public static double SubIndex(int province, int subIndex) => 5 + (province / 10.0) + (subIndex / 100.0);

    /// <summary>Totals fall with the province index: province 0 ranks first.</summary>
    public static double Total(int province) => 70 - province;

    public static IReadOnlyList<string> SubIndexHeaders(int year) =>
        PciCatalogue.SubIndicesIn(year).Select((s, i) => $"Sub-Index {i + 1}: {s.NameEn}").ToList();

    /// <summary>A 2017-style Summary sheet: Province, Rank, weighted score, sub-indices, starting at <paramref name="top"/>.</summary>
    public static XlsxWriter.SheetData RowPerProvince(XlsxWriter writer, int year, string sheetName = "Summary", int top = 0, string? totalHeader = null, IReadOnlyList<string>? names = null)
    {
        names ??= Names;
        var headers = SubIndexHeaders(year);
        var sheet = writer.AddSheet(sheetName);
        sheet.Row(top, ["Province", "Rank", totalHeader ?? $"The Weighted PCI Score in {year}", .. headers]);
        for (var p = 0; p < names.Count; p++)
        {
            sheet.Row(top + 1 + p, [names[p], p + 1, Total(p), .. headers.Select((_, i) => (object?)SubIndex(p, i))]);
        }

        return sheet;
    }

    public static string Save(XlsxWriter writer, TempFolder folder, string name)
    {
        var path = folder.File(name);
        writer.Save(path);
        return path;
    }
}
