using Cchc.Etl.Sources.Papi;

namespace Cchc.Etl.Tests.Papi;

/// <summary>The PAPI criteria seed is internally consistent with PAPI's scales and maps the real header texts.</summary>
public sealed class PapiCriteriaSeedTests
{
    private static readonly PapiCriteria Criteria = PapiCriteria.Default;

    [Fact]
    public void Every_year_has_one_total_6_or_8_dimensions_and_sub_dimensions_that_split_each_dimensions_scale()
    {
        for (var year = 2011; year <= 2024; year++)
        {
            var dimensions = Criteria.DimensionsIn(year);
            Assert.Equal(year <= 2017 ? 6 : 8, dimensions.Count);
            var total = Assert.Single(Criteria.ValidIn(year), c => c.Level == 0);
            Assert.Equal(10.0 * dimensions.Count, total.MaxPoints);
            foreach (var dimension in dimensions)
            {
                Assert.Equal(10.0, dimension.MaxPoints);
                var subs = Criteria.ChildrenOf(dimension.Code, year);
                Assert.InRange(subs.Count, 2, 4);
                Assert.All(subs, s => Assert.Equal(10.0 / subs.Count, s.MaxPoints, 9));
            }
        }
    }

    [Fact]
    public void Versions_of_a_code_do_not_overlap_and_children_live_within_their_parents_years()
    {
        foreach (var versions in Criteria.All.GroupBy(c => c.Code))
        {
            var ordered = versions.OrderBy(v => v.FromYear).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(ordered[i - 1].ToYear is { } to && to < ordered[i].FromYear, $"{versions.Key}: versions overlap");
            }
        }

        foreach (var child in Criteria.All.Where(c => c.ParentCode is not null))
        {
            for (var year = child.FromYear; year <= (child.ToYear ?? 2024); year++)
            {
                Assert.NotNull(Criteria.Find(child.ParentCode!, year));
            }
        }
    }

    [Theory]
    [InlineData("Un-weighted2015PAPI", "TOTAL")]
    [InlineData("Local Government’s Response to Citizens’ Appeals", "PAPI.D3.2")]
    [InlineData("Đáp ứng kiến nghị của người dân", "PAPI.D3.2")]
    [InlineData("E-Reponsiveness", "PAPI.D8.3")]
    [InlineData("Chất lượng không khí ", "PAPI.D7.2")]
    [InlineData("tentinh_eng", null)]
    public void Header_texts_of_the_real_workbook_map_to_codes(string header, string? code) =>
        Assert.Equal(code, Criteria.CodeForHeader(header));
}
