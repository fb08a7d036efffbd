using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

public sealed class ScoreWaterfallTests
{
    [Fact]
    public void Steps_run_from_last_years_total_to_this_years_exactly_with_criteria_inside_fields()
    {
        var rng = new Random(42);
        IndexYear Year(int year)
        {
            var b = new TableBuilder(IndexCodes.Par, year).Fields(8, 3, 4.17m);
            for (var p = 1; p <= 63; p++)
            {
                b.Province(p, Enumerable.Range(1, 8).SelectMany(f => Enumerable.Range(1, 3).Select(c => ($"{f}.{c}", rng.Next(100, 418) / 100m)))
                    .ToDictionary(x => x.Item1, x => x.Item2));
            }

            return b.Build();
        }

        var previous = Year(2016);
        var current = Year(2017);
        var a = RankAttributor.Attribute(current, previous, 48, new Dictionary<int, ProvinceInfo>());
        var w = ScoreWaterfall.From(a)!;

        Assert.Equal(previous.Province(48)!.Total, w.PreviousTotal);
        Assert.Equal(current.Province(48)!.Total, w.Total);
        Assert.Equal(8, w.Steps.Count);
        Assert.Equal(w.PreviousTotal, w.Steps[0].Start);
        Assert.Equal(w.Total, w.Steps[^1].End);
        for (var i = 1; i < w.Steps.Count; i++)
        {
            Assert.Equal(w.Steps[i - 1].End, w.Steps[i].Start);
        }

        foreach (var step in w.Steps)
        {
            Assert.Equal(3, step.Criteria.Count);
            Assert.Equal(step.Start, step.Criteria[0].Start);
            Assert.Equal(step.End, step.Criteria[^1].End);
            Assert.Equal(current.Province(48)!.Score(step.Code) - previous.Province(48)!.Score(step.Code), step.Delta);
        }
    }
}
