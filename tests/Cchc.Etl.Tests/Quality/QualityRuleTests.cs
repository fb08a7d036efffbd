using Cchc.Etl.Quality;
using Cchc.Etl.Quality.Rules;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;
using static Cchc.Etl.Tests.Quality.RuleTestData;

namespace Cchc.Etl.Tests.Quality;

/// <summary>Each rule fires on a crafted bad input and stays silent on good data.</summary>
public sealed class QualityRuleTests
{
    [Fact]
    public void Points_lost_arithmetic()
    {
        var rule = new PointsLostArithmeticRule();
        var finding = Assert.Single(Run(rule, [Plan("1.1", 1.5, 1.4111, 0.889)]));
        Assert.Equal(("points-lost-arithmetic", DqSeverity.Warning, "1.1", 2017, 2018, LamDong), (finding.Rule, finding.Severity, finding.CriterionCode, finding.Year, finding.PlanYear, finding.ProvinceKey));
        Assert.Equal("max points 1.5; score 1.4111; points lost as written 0.889; max − score 0.0889", finding.OffendingValues);
        Assert.Equal(7, finding.Source!.Row);
        Assert.Empty(Run(rule, [Plan("1.1", 1.5, 1.4111, 0.0889), Plan("3.4.1", 1, 0.9947, 0.0053), Plan("1.2", 3, 0.75, null)]));
    }

    [Fact]
    public void Score_within_range()
    {
        var rule = new ScoreWithinRangeRule();
        Assert.Equal(4, Run(rule, [Plan("1.1", 1, 1.2, 0), Plan("1.2", 3, -0.5, 3.5), Score(1, "1.2", 3.2)]).Count(f => f.Severity == DqSeverity.Error));
        Assert.Empty(Run(rule, [Plan("1.1", 1, 1, 0), Plan("1.2", 3, 0, 3), Score(1, "1.2", 3), Score(2, "1.2", 0)]));
    }

    [Fact]
    public void Children_sum_to_parent_in_plans()
    {
        var rule = new ChildrenSumToParentRule();
        var finding = Assert.Single(Run(rule, [Plan("1", 10, 5.1611, 4.8389), Plan("1.1", 1.5, 1.4111, 0.889), Plan("1.2", 3, 0.75, 2.25), Plan("1.5", 1.5, 0, 1.5), Plan("1.6", 1, 0, 1)]));
        Assert.Equal("1", finding.CriterionCode);
        Assert.Contains("more than the parent", finding.Message);
        Assert.Single(Run(rule, [Plan("1.1", 1.5, 0.5, 1), Plan("1.1.1", 1, 1, 0), Plan("1.1.2", 1, 0.5, 0.5)]), f => f.Message.Contains("max points", StringComparison.Ordinal));
        Assert.Empty(Run(rule, [Plan("1", 10, 5.1611, 4.8389), Plan("1.1", 1.5, 1.4111, 0.0889), Plan("1.2", 3, 0.75, 2.25), Plan("1.5", 1.5, 0, 1.5), Plan("1.6", 1, 0, 1)]));
    }

    [Fact]
    public void Children_sum_to_parent_in_results()
    {
        var rule = new ChildrenSumToParentRule();
        var finding = Assert.Single(Run(rule, [Score(1, "1", 4), Score(1, "1.1", 1), Score(1, "1.2", 2), Score(1, "1.3", 2)]));
        Assert.Equal(("1", "children-sum-to-parent"), (finding.CriterionCode, finding.Rule));
        Assert.Single(Run(rule, [Score(1, IndexCodes.Total, 70.99), Score(1, "1", 40), Score(1, "2", 30)]));
        Assert.Empty(Run(rule, [Score(1, "1", 5), Score(1, "1.1", 1), Score(1, "1.2", 2), Score(1, "1.3", 2), Score(1, IndexCodes.Total, 70.99), Score(1, "2", 65.99)]));
        Assert.Empty(Run(rule, [Score(1, "1", 4), Score(1, "1.1", 1)])); // an incomplete set of children is not compared
        Assert.Empty(Run(rule, [Score(1, IndexCodes.Total, 60, index: IndexCodes.Pci), Score(1, "1", 10, index: IndexCodes.Pci)]));
    }

    [Fact]
    public void Total_on_100_scale()
    {
        var rule = new TotalOn100ScaleRule();
        Assert.Equal(3, Run(rule, [Score(1, IndexCodes.Total, 0.7099), Score(2, IndexCodes.Total, 0.65), Score(4, IndexCodes.Total, 0.8)]).Count);
        Assert.Single(Run(rule, [Score(1, IndexCodes.Total, 100.5), Score(2, IndexCodes.Total, 65)]));
        Assert.Empty(Run(rule, [Score(1, IndexCodes.Total, 70.99), Score(2, IndexCodes.Total, 65), Score(4, IndexCodes.Total, 80)]));
    }

    [Fact]
    public void Catalogue_fields_sum_to_100()
    {
        var rule = new CatalogueFieldsSumTo100Rule();
        Assert.Empty(rule.Check(Data([Score(1, IndexCodes.Total, 70)])));
        var short95 = new CriterionCatalogue(Catalogue.All.Select(c => c.CriterionCode == "2" ? c with { MaxPoints = 35 } : c));
        var finding = Assert.Single(rule.Check(new QualityDataset(DqStages.PreLoad, [Score(1, IndexCodes.Total, 70)], short95)));
        Assert.Equal((DqSubjects.Catalogue, "1 60 + 2 35 = 95"), (finding.Subject, finding.OffendingValues));
    }

    [Fact]
    public void Rank_matches_score()
    {
        var rule = new RankMatchesScoreRule();
        var findings = Run(rule, [Score(1, IndexCodes.Total, 80, 2), Score(2, IndexCodes.Total, 70, 1), Score(4, IndexCodes.Total, 60, 3)]);
        Assert.Equal([1, 2], findings.Select(f => f.ProvinceKey!.Value).Order());
        Assert.Empty(Run(rule, [Score(1, IndexCodes.Total, 80, 1), Score(2, IndexCodes.Total, 70, 3), Score(4, IndexCodes.Total, 70, 2), Score(6, IndexCodes.Total, 60, 4)]));
        Assert.Empty(Run(rule, [Score(1, IndexCodes.Total, 80), Score(2, IndexCodes.Total, 70, 2), Score(4, IndexCodes.Total, 60, 3)])); // an unranked province still takes a place
        Assert.Single(Run(rule, [Score(1, IndexCodes.Total, 80), Score(2, IndexCodes.Total, 70, 1), Score(4, IndexCodes.Total, 60, 3)]));
    }

    [Fact]
    public void Province_coverage_knows_the_63_64_and_34_province_periods()
    {
        var rule = new ProvinceCoverageRule();
        Assert.Empty(Run(rule, FullYear(IndexCodes.Par, 2017)));
        Assert.Equal(63, FullYear(IndexCodes.Par, 2017).Count);
        Assert.Equal(64, FullYear(IndexCodes.Pci, 2008).Count);
        Assert.Equal(34, FullYear(IndexCodes.Par, 2025).Count);
        Assert.Empty(Run(rule, FullYear(IndexCodes.Pci, 2008)));
        Assert.Empty(Run(rule, FullYear(IndexCodes.Par, 2025)));

        var missing = Assert.Single(Run(rule, FullYear(IndexCodes.Par, 2017).Where(i => i.ProvinceKey != LamDong)));
        Assert.Equal((LamDong, DqSeverity.Warning), (missing.ProvinceKey!.Value, missing.Severity));
        Assert.Contains("Lâm Đồng is missing", missing.Message);
        var twice = FullYear(IndexCodes.Par, 2017);
        twice.Add(twice[0]);
        Assert.Contains("listed 2 times with the same value", Assert.Single(Run(rule, twice)).Message);
    }

    [Fact]
    public void Province_unique()
    {
        var rule = new ProvinceUniqueRule();
        var conflicting = FullYear(IndexCodes.Par, 2017);
        conflicting.Add(conflicting[0] with { Score = 12 });
        var finding = Assert.Single(Run(rule, conflicting));
        Assert.Equal(DqSeverity.Error, finding.Severity);
        Assert.Contains("different values", finding.Message);

        var haTay = FullYear(IndexCodes.Par, 2017);
        haTay.Add(Score(28, IndexCodes.Total, 50, year: 2017));
        Assert.Contains("Tỉnh Hà Tây is not one of the provinces of 2017", Assert.Single(Run(rule, haTay)).Message);
        Assert.Empty(Run(rule, FullYear(IndexCodes.Par, 2017)));
        Assert.Empty(Run(rule, FullYear(IndexCodes.Pci, 2007)));
    }

    [Fact]
    public void Max_points_match_catalogue()
    {
        var rule = new MaxPointsMatchCatalogueRule();
        var finding = Assert.Single(Run(rule, [Plan("1.2", 2, 1, 1), Plan("1.3", 1, 1, 0), Plan("9.9", 1, 1, 0)]));
        Assert.Equal(("1.2", "plan max points 2; catalogue max points 3"), (finding.CriterionCode, finding.OffendingValues));
        Assert.Empty(Run(rule, [Plan("1.2", 3, 1, 2), Plan("1.1", 1.5, 1.4111, 0.889)]));
    }

    [Fact]
    public void Plan_score_matches_result()
    {
        var rule = new PlanScoreMatchesResultRule();
        var finding = Assert.Single(Run(rule, [Plan("1.2", 3, 0.75, 2.25), Score(LamDong, "1.2", 1.0)]));
        Assert.Equal("plan appraised points 0.75; PAR result 1", finding.OffendingValues);
        Assert.Empty(Run(rule, [Plan("1.2", 3, 0.75, 2.25), Score(LamDong, "1.2", 0.75), Score(1, "1.1", 1.0)]));
        Assert.Empty(Run(rule, [Plan("1.2", 3, 0.75, 2.25)]));
        Assert.Empty(Run(rule, [Plan("1.2", 2, 0.75, 1.25), Score(LamDong, "1.2", 1.0)])); // max differs from the catalogue: another scope
    }

    [Fact]
    public void Deadline_readable()
    {
        var rule = new DeadlineReadableRule();
        var unparsed = Plan("1.2", 3, 1, 2) with { DeadlineText = "Khi có yêu cầu", DeadlineKind = "unparsed" };
        Assert.Contains("'Khi có yêu cầu'", Assert.Single(Run(rule, [unparsed])).Message);
        Assert.Empty(Run(rule, [Plan("1.2", 3, 1, 2) with { DeadlineText = "Quý I", DeadlineKind = "date" }]));
    }

    [Fact]
    public void Agency_catalogued()
    {
        var rule = new AgencyCataloguedRule();
        Assert.Equal("Công an tỉnh", Assert.Single(Run(rule, [Plan("1.2", 3, 1, 2) with { UncataloguedAgencies = ["Công an tỉnh"] }])).OffendingValues);
        Assert.Empty(Run(rule, [Plan("1.2", 3, 1, 2)]));
    }

    [Fact]
    public void Every_rule_is_registered_once_with_a_kebab_case_name()
    {
        var names = QualityRules.All.Select(r => r.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(QualityRules.All, r => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", r.Name));
        Assert.All(QualityRules.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
        Assert.Equal(14, names.Count);
    }
}
