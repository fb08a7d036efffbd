using System.Globalization;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Papi;

/// <summary>
/// Cross-checks the combined workbook's load against UNDP's independent fuller releases, read here by content (not by
/// our parser): <c>PAPI 2019 FULL vie.xlsx</c> (one row per province, 'Tinh_ID', each dimension's column just before
/// its 'Variance (Dimension n)' column, 'Unweighted PAPI Score') and <c>PAPI 2018 FULL vie.xlsx</c> (transposed: one
/// column per province, one row per dimension and the unweighted total).
/// </summary>
[Collection(RealPapiTests.Name)]
public sealed class FullReleaseCrossCheckTests(RealPapiLoad papi)
{
    [Fact]
    public void The_2019_dimensions_and_derived_totals_equal_the_FULL_2019_release_for_every_province()
    {
        var sheet = Workbook.Open(SharedData.Path("data", "real", "papi", "PAPI 2019 FULL vie.xlsx")).Sheets[0];
        var idColumn = ColumnWithHeader(sheet, 0, h => h == "Tinh_ID");
        var totalColumn = ColumnWithHeader(sheet, 0, h => h == "Unweighted PAPI Score");
        var dimensionColumns = Enumerable.Range(1, 8)
            .Select(d => ColumnWithHeader(sheet, 0, h => h == $"Variance (Dimension {d})") - 1)
            .ToArray();
        var checkedProvinces = new List<string>();
        for (var row = 1; row < sheet.RowCount; row++)
        {
            if (sheet.Number(row, idColumn) is not { } id)
            {
                continue;
            }

            var code = ((int)id).ToString("00", CultureInfo.InvariantCulture);
            for (var d = 0; d < 8; d++)
            {
                Assert.Equal(sheet.RequireNumber(row, dimensionColumns[d], "dimension"), papi.Score(2019, code, $"PAPI.D{d + 1}")!.Value, 1e-6);
            }

            Assert.Equal(sheet.RequireNumber(row, totalColumn, "total"), papi.Score(2019, code, "TOTAL")!.Value, 1e-4);
            checkedProvinces.Add(code);
        }

        Assert.Equal(63, checkedProvinces.Distinct().Count());
        Assert.Contains("01", checkedProvinces);
        Assert.Contains("68", checkedProvinces);
    }

    [Fact]
    public void The_2018_derived_totals_equal_the_FULL_2018_release_and_are_absent_where_it_has_no_data()
    {
        var sheet = Workbook.Open(SharedData.Path("data", "real", "papi", "PAPI 2018 FULL vie.xlsx")).SheetNamed("ProvincialIndicators_VIE")!;
        var totalRow = Enumerable.Range(0, sheet.RowCount)
            .Single(r => sheet.Text(r, 0)?.StartsWith("Chỉ số PAPI 2018 (không có trọng số)", StringComparison.Ordinal) == true);
        var compared = 0;
        var noData = new List<string>();
        for (var column = 2; column < sheet.ColumnCount; column++)
        {
            if (sheet.Text(0, column) is not { } name)
            {
                continue;
            }

            var code = ProvinceResolver.Default.Resolve(name, 2018)!.GsoCode;
            if (sheet.Number(totalRow, column) is { } published)
            {
                Assert.Equal(published, papi.Score(2018, code, "TOTAL")!.Value, 1e-4);
                compared++;
            }
            else
            {
                Assert.Equal("KCDL", sheet.Text(totalRow, column)); // không có dữ liệu: no data
                Assert.Null(papi.Score(2018, code, "TOTAL"));
                noData.Add(code);
            }
        }

        Assert.Equal(61, compared);
        Assert.Equal(["22", "87"], noData.Order());
    }

    private static int ColumnWithHeader(Sheet sheet, int row, Func<string, bool> matches) =>
        Enumerable.Range(0, sheet.ColumnCount).Single(c => sheet.Text(row, c) is { } h && matches(h));
}
