using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

public sealed class IndexYearTests
{
    [Fact]
    public void Methodology_version_is_the_criteria_version_even_when_the_total_row_spans_versions()
    {
        // A catalogue may keep one TOTAL row ("PAR") for every year while the criteria below change version.
        var table = new IndexYear(IndexCodes.Par, 2018,
            [
                new CriterionInfo(IndexCodes.Total, null, 0, "Tổng", "Total", "PAR", 100, null),
                new CriterionInfo("1", null, 1, "Lĩnh vực 1", "Field 1", "PAR-2948", 10, null),
                new CriterionInfo("1.1", "1", 2, "Tiêu chí 1.1", "Criterion 1.1", "PAR-2948", 10, null),
            ],
            [new ProvinceScores(new ProvinceRef(1, "01", "Hà Nội"), 1, new Dictionary<string, decimal> { ["TOTAL"] = 7, ["1"] = 7, ["1.1"] = 7 }, false)]);

        Assert.Equal("PAR-2948", table.MethodologyVersion);
        Assert.Equal(IndexCodes.Total, table.ParentOf("1")); // a level-1 criterion without a parent adds up into TOTAL
        Assert.Equal("1", table.ParentOf("1.1"));
        Assert.Null(table.ParentOf(IndexCodes.Total));
        Assert.Equal(["1"], table.ChildrenOf(IndexCodes.Total).Select(c => c.Code));
        Assert.Equal(AggregationBasis.Sum, table.RuleFor(IndexCodes.Total).Basis);
        Assert.Equal(1m, table.TotalEffectPerPoint("1.1"));
        Assert.True(table.AddsUpToTotal("1.1"));
    }

    [Fact]
    public void Criterion_codes_sort_numerically()
    {
        string[] codes = ["PCI.10", "2", "1.10", "TOTAL", "1.2", "PCI.2", "PAPI.D10", "PAPI.D2", "1"];
        Assert.Equal(["TOTAL", "1", "1.2", "1.10", "2", "PAPI.D2", "PAPI.D10", "PCI.2", "PCI.10"], codes.Order(CriterionCodeComparer.Instance));
    }
}
