using Cchc.Etl.Loading;
using Cchc.Etl.Sources.Pci;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Pci;

/// <summary>
/// Two hand-made workbooks both called PCI.xlsx (tests/fixtures/pci/same-name/2017 and /2018, built from hand-written
/// OOXML): loading the 2018 one after the 2017 one keeps 2017 — a file replaces only its index and years — and loading
/// a 2017 workbook again, under any name, replaces 2017 only.
/// </summary>
public sealed class SameNameWorkbookTests : IDisposable
{
    private readonly TempWarehouse _temp = new();
    private readonly IndexFileLoader _loader = new(new PciSource());

    private FileLoadResult Load(string year) =>
        _loader.Load(_temp.Warehouse, _temp.Warehouse.StartRun("test"), SharedData.Fixture("pci", "same-name", year, "PCI.xlsx"));

    private IReadOnlyList<(int Year, long Rows)> Years() =>
        _temp.Warehouse.Query<(int, long)>("SELECT year, COUNT(*) FROM dw.fact_index_score GROUP BY year ORDER BY year");

    [Fact]
    public void Loading_PCI_xlsx_for_2018_keeps_the_2017_scores_of_the_other_PCI_xlsx()
    {
        var y2017 = Load("2017");
        var y2018 = Load("2018");

        Assert.True(y2017.Succeeded, y2017.Error);
        Assert.True(y2018.Succeeded, y2018.Error);
        Assert.Equal([2017], y2017.Years!);
        Assert.Equal([(2017, 33L), (2018, 33L)], Years()); // 3 provinces × (total + 10 sub-indices)
        Assert.Equal(["loaded", "loaded"], _temp.Warehouse.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
        Assert.Equal(70.69, _temp.Warehouse.Query<double>(
            "SELECT score FROM rpt.index_score WHERE index_code = 'PCI' AND year = 2017 AND province_code = '22' AND criterion_code = 'TOTAL'").Single());
        Assert.All(_temp.Warehouse.Query<bool>("SELECT is_synthetic FROM dw.fact_index_score"), Assert.True);
    }

    [Fact]
    public void The_same_year_again_replaces_that_year_only()
    {
        Load("2017");
        Load("2018");
        var again = Load("2017");

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal([(2017, 33L), (2018, 33L)], Years());
        Assert.Equal(["replaced", "loaded", "loaded"], _temp.Warehouse.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    public void Dispose() => _temp.Dispose();
}
