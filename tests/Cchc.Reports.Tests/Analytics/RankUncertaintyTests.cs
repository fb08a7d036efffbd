using System.Text.Json;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Tables;
using Cchc.Reports.Analytics.Uncertainty;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

/// <summary>The sampling model of the survey-based points and the attribution's intervals under it.</summary>
public sealed class RankUncertaintyTests
{
    private static readonly IReadOnlyDictionary<int, ProvinceInfo> NoLineage = new Dictionary<int, ProvinceInfo>();
    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Two fields: 1 (appraisal, max 10) and 2 with an appraisal criterion 2.1 (max 10) and a survey criterion 2.2
    /// (max <paramref name="surveyMax"/>). Province p scores <paramref name="spread"/> × p on 1.1 in both years, plus
    /// <paramref name="climb"/> on 1.1 this year for province 1; everything else is fixed.
    /// </summary>
    private static (IndexYear Previous, IndexYear Current) World(decimal spread, decimal climb, decimal surveyMax, int provinces = 30)
    {
        IndexYear Year(int year, decimal extra)
        {
            var b = new TableBuilder(IndexCodes.Par, year)
                .Criterion("1", null, 100).Criterion("1.1", "1", 100, pointsSource: CriterionInfo.Appraisal)
                .Criterion("2", null, 10 + surveyMax).Criterion("2.1", "2", 10, pointsSource: CriterionInfo.Appraisal)
                .Criterion("2.2", "2", surveyMax, pointsSource: CriterionInfo.Survey);
            for (var p = 1; p <= provinces; p++)
            {
                b.Province(p, new Dictionary<string, decimal>
                {
                    ["1.1"] = (spread * p) + (p == 1 ? extra : 0), ["2.1"] = 5, ["2.2"] = surveyMax / 2,
                });
            }

            return b.Build();
        }

        return (Year(2016, 0), Year(2017, climb));
    }

    [Fact]
    public void The_binomial_standard_error_of_a_survey_criterion_is_the_written_one()
    {
        var (_, current) = World(0.5m, 0, 4);
        var noisy = Assert.Single(SamplingModel.Criteria(current));
        Assert.Equal(("2.2", "2", 1m), (noisy.Code, noisy.FieldCode, noisy.FactorToTotal));
        Assert.Equal(4 * Math.Sqrt(0.75 * 0.25 / SamplingModel.ParRespondentsPerCriterion), noisy.StandardError(3m), 12);
        Assert.Equal(4 * Math.Sqrt(0.98 * 0.02 / SamplingModel.ParRespondentsPerCriterion), noisy.StandardError(4m), 12); // p kept below 98 %
    }

    [Fact]
    public void Pci_sub_indices_and_Papi_dimensions_are_survey_based_with_their_stated_errors()
    {
        var pci = new TableBuilder(IndexCodes.Pci, 2017).Criterion("PCI.1", null, 10, 0.3m).Criterion("PCI.2", null, 10, 0.7m)
            .Province(1, new Dictionary<string, decimal> { ["PCI.1"] = 5, ["PCI.2"] = 6 }).Province(2, new Dictionary<string, decimal> { ["PCI.1"] = 7, ["PCI.2"] = 4 }).Build();
        var criteria = SamplingModel.Criteria(pci);
        Assert.Equal(["PCI.1", "PCI.2"], criteria.Select(c => c.Code));
        Assert.All(criteria, c => Assert.Equal(SamplingModel.PciSubIndexStandardError, c.StandardError(5m)));
        Assert.Equal([0.3m, 0.7m], criteria.Select(c => c.FactorToTotal));

        var papi = new TableBuilder(IndexCodes.Papi, 2019).Criterion("PAPI.D1", null, 10).Criterion("PAPI.D5", null, 10)
            .Province(1, new Dictionary<string, decimal> { ["PAPI.D1"] = 5, ["PAPI.D5"] = 7 }).Build();
        Assert.Equal([0.1005, 0.0454], SamplingModel.Criteria(papi).Select(c => c.StandardError(5m)));
    }

    [Fact]
    public void Without_survey_points_every_interval_is_the_exact_value_itself()
    {
        var (previous, current) = World(0.5m, 6, 4);
        var noSurvey = new IndexYear(current.IndexCode, current.Year,
            current.Criteria.Values.Select(c => c with { PointsSource = CriterionInfo.Appraisal }), current.Provinces.Values);
        var noSurveyBefore = new IndexYear(previous.IndexCode, previous.Year,
            previous.Criteria.Values.Select(c => c with { PointsSource = CriterionInfo.Appraisal }), previous.Provinces.Values);

        var a = RankAttributor.Attribute(noSurvey, noSurveyBefore, 1, NoLineage, uncertainty: new UncertaintyOptions(Draws: 50));

        Assert.Equal(0, a.Uncertainty!.NoisyCriteria);
        foreach (var c in a.Components.Select(c => c.RankEffect).Append(a.PeerEffect))
        {
            Assert.Equal(c.Value, c.Interval!.Lower, 9);
            Assert.Equal(c.Value, c.Interval!.Upper, 9);
        }

        Assert.Equal(1.0, a.ProbabilityRankChanged);
        Assert.True(a.Uncertainty.DistinguishableFromNoise);
    }

    [Fact]
    public void A_climb_smaller_than_the_survey_noise_is_said_to_be_within_noise()
    {
        // Provinces 0.02 points apart, survey criterion max 10 at half marks: σ ≈ 0.41 points, some twenty gaps.
        var (previous, current) = World(0.02m, 0.07m, 10);

        var a = RankAttributor.Attribute(current, previous, 1, NoLineage, uncertainty: new UncertaintyOptions(Draws: 300));

        Assert.True(a.RankChange < 0, $"province 1 climbs (rank change {a.RankChange})");
        Assert.True(a.ProbabilityRankChanged < 0.95, $"probability {a.ProbabilityRankChanged}");
        Assert.False(a.Uncertainty!.DistinguishableFromNoise);
        Assert.True(a.Uncertainty.RankChangeInterval.Upper - a.Uncertainty.RankChangeInterval.Lower >= 4, $"{a.Uncertainty.RankChangeInterval}");
        var field2 = a.Components.Single(c => c.Code == "2").RankEffect;
        Assert.True(field2.Interval!.Upper - field2.Interval.Lower > 1, "the survey field's effect is uncertain");
    }

    [Fact]
    public void A_climb_far_beyond_the_noise_is_told_apart_from_it()
    {
        // Provinces 3 points apart; province 1 gains 45 appraisal points: a climb of 15 places that no re-measurement undoes.
        var (previous, current) = World(3m, 45m, 4);

        var a = RankAttributor.Attribute(current, previous, 1, NoLineage, uncertainty: new UncertaintyOptions(Draws: 200));

        Assert.Equal(-15, a.RankChange);
        Assert.Equal(1.0, a.ProbabilityRankChanged);
        Assert.True(a.Uncertainty!.DistinguishableFromNoise);
        var field1 = a.Components.Single(c => c.Code == "1").RankEffect;
        Assert.True(field1.Interval!.Contains(field1.Value));
        Assert.True(field1.Interval.ExcludesZero);
    }

    [Fact]
    public void Intervals_are_deterministic_and_written_into_the_rank_effect_in_json()
    {
        var (previous, current) = World(0.05m, 0.3m, 10);
        var options = new UncertaintyOptions(Draws: 120, Seed: 7);
        var first = RankAttributor.Attribute(current, previous, 1, NoLineage, uncertainty: options);
        var second = RankAttributor.Attribute(current, previous, 1, NoLineage, uncertainty: options);

        var json = JsonSerializer.Serialize(first, Snake);
        Assert.Equal(json, JsonSerializer.Serialize(second, Snake));
        var root = JsonDocument.Parse(json).RootElement;
        var effect = root.GetProperty("components")[0].GetProperty("rank_effect");
        Assert.Equal(JsonValueKind.String, effect.GetProperty("exact").ValueKind);
        Assert.True(effect.GetProperty("interval").GetProperty("lower").GetDouble() <= effect.GetProperty("interval").GetProperty("upper").GetDouble());
        Assert.InRange(root.GetProperty("probability_rank_changed").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("peer_effect").GetProperty("interval").ValueKind);

        var other = RankAttributor.Attribute(current, previous, 1, NoLineage, uncertainty: options with { Seed = 8 });
        Assert.NotEqual(first.Components[1].RankEffect.Interval, other.Components[1].RankEffect.Interval);
    }
}
