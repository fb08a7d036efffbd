using System.Globalization;
using Cchc.Etl.Sources.Par;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Par;

public sealed class ParCatalogueTests
{
    private static readonly ParCatalogue Catalogue = ParCatalogue.Default;

    public static TheoryData<int> Years() => [.. Enumerable.Range(2012, 14)];

    [Fact]
    public void Every_year_from_2012_to_2025_has_exactly_one_methodology_version()
    {
        foreach (var year in Enumerable.Range(2012, 14))
        {
            Assert.Single(Catalogue.Versions, v => v.Covers(year));
        }

        Assert.Equal(["PAR-1294", "PAR-2948", "PAR-1149", "PAR-876"], Catalogue.Versions.Select(v => v.Version));
        Assert.Equal((2017, 2019), (Catalogue.For(2017).FromYear, Catalogue.For(2017).ToYear));
        Assert.Null(Catalogue.For(2025).ToYear);
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Max_points_add_up_to_100_and_every_parent_to_the_sum_of_its_children(int year)
    {
        var m = Catalogue.For(year);
        Assert.Equal(100m, m.Total.MaxPoints);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], m.Fields.Select(f => f.Code));
        Assert.Equal(100m, m.Fields.Sum(f => f.MaxPoints));
        foreach (var node in m.Criteria.Where(c => !m.IsLeaf(c.Code)))
        {
            Assert.True(m.ChildrenOf(node.Code).Sum(c => c.MaxPoints) == node.MaxPoints, $"{m.Version} {node.Code}: children do not add up");
        }

        Assert.All(m.Criteria, c => Assert.True(c.MaxPoints > 0, $"{m.Version} {c.Code} has no points"));
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Codes_are_unique_per_year_and_their_levels_and_parents_follow_the_numbering(int year)
    {
        var rows = SeedData.ReadCsv(ParCatalogue.SeedName).Where(r =>
            int.Parse(r["valid_from_year"], CultureInfo.InvariantCulture) <= year && (r["valid_to_year"].Length == 0 || int.Parse(r["valid_to_year"], CultureInfo.InvariantCulture) >= year)).ToList();
        Assert.Equal(rows.Count, rows.Select(r => r["criterion_code"]).Distinct().Count());
        foreach (var c in Catalogue.For(year).Criteria)
        {
            Assert.True(ParCodes.IsCode(c.Code), c.Code);
            Assert.Equal(ParCodes.Level(c.Code), c.Level);
            Assert.Equal(ParCodes.Parent(c.Code), c.ParentCode);
            Assert.True(c.Level <= 3, c.Code);
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void Criteria_are_all_appraisal_or_all_survey_and_fields_say_mixed_when_they_hold_both(int year)
    {
        var m = Catalogue.For(year);
        foreach (var c in m.Criteria.Where(c => c.Level >= 2))
        {
            Assert.Contains(c.PointsSource, new[] { ParCriterion.Appraisal, ParCriterion.Survey });
            Assert.All(m.ChildrenOf(c.Code), child => Assert.Equal(c.PointsSource, child.PointsSource));
        }

        foreach (var c in m.Criteria.Where(c => c.Level <= 1))
        {
            var sources = m.ChildrenOf(c.Code).Select(k => k.PointsSource).Distinct().ToList();
            Assert.Equal(sources.Count == 1 ? sources[0] : "mixed", c.PointsSource);
        }

        Assert.Equal(100m, m.MaxPointsFrom(ParCodes.Total, ParCriterion.Appraisal) + m.MaxPointsFrom(ParCodes.Total, ParCriterion.Survey));
    }

    [Fact]
    public void Methodology_2948_has_the_field_max_points_and_counts_of_the_reference_file()
    {
        var m = Catalogue.Version("PAR-2948");
        var reference = ReferenceFiles.Csv("par-index-methodology-2948-fields.csv");
        Assert.Equal(8, reference.Count);
        foreach (var row in reference)
        {
            var field = m.Get(row["field_code"]);
            Assert.Equal(ReferenceFiles.Dec(row["max_points_total"]), field.MaxPoints);
            Assert.Equal(int.Parse(row["criteria"], CultureInfo.InvariantCulture), m.ChildrenOf(field.Code).Count);
            Assert.Equal(int.Parse(row["sub_criteria"], CultureInfo.InvariantCulture), m.ChildrenOf(field.Code).Sum(c => m.ChildrenOf(c.Code).Count));
            Assert.False(field.IsIllustrative);
        }
    }

    [Fact]
    public void Seed_appendix_codes_names_and_max_points_are_used_exactly_and_marked_official()
    {
        var m = Catalogue.Version("PAR-2948");
        Assert.True(m.Covers(2017), "the seed's 2017 result uses the codes of 2948, so 2948 must cover 2017");
        var appendix = ReferenceFiles.SeedAppendix();
        Assert.Equal(49, appendix.Count);
        foreach (var row in appendix)
        {
            var node = m.Get(row.Code);
            Assert.Equal(row.Name, node.NameVi);
            Assert.False(node.IsIllustrative, row.Code);
            if (node.Level == 1 && node.MaxPoints != row.Max)
            {
                // Field rows of the appendix hold the appraisal part only; the rest of the field is the sociological survey.
                Assert.Equal(row.Max, m.MaxPointsFrom(row.Code, ParCriterion.Appraisal));
            }
            else
            {
                Assert.Equal(row.Max, node.MaxPoints);
            }
        }
    }

    [Fact]
    public void Rows_not_backed_by_the_seed_or_the_reference_files_are_illustrative()
    {
        var official = ReferenceFiles.SeedAppendix().Select(r => ("PAR-2948", r.Code))
            .Concat(ReferenceFiles.Csv("par-index-methodology-2948-fields.csv").Select(r => ("PAR-2948", r["field_code"])))
            .Concat(Catalogue.Versions.Select(v => (v.Version, ParCodes.Total)))
            .ToHashSet();
        foreach (var c in Catalogue.Versions.SelectMany(v => v.Criteria))
        {
            Assert.Equal(!official.Contains((c.Version, c.Code)), c.IsIllustrative);
        }

        Assert.All(Catalogue.Versions.Where(v => v.Version != "PAR-2948").SelectMany(v => v.Criteria).Where(c => c.Level > 0),
            c => Assert.True(c.IsIllustrative, $"{c.Version} {c.Code}"));
    }

    [Fact]
    public void Methodology_876_has_8_fields_38_criteria_88_sub_criteria_and_68_appraisal_plus_32_survey_points()
    {
        var m = Catalogue.For(2022);
        Assert.Equal("PAR-876", m.Version);
        Assert.Equal(8, m.Criteria.Count(c => c.Level == 1));
        Assert.InRange(m.Criteria.Count(c => c.Level == 2), 37, 38);
        Assert.Equal(88, m.Criteria.Count(c => c.Level == 3));
        Assert.Equal(68m, m.MaxPointsFrom(ParCodes.Total, ParCriterion.Appraisal));
        Assert.Equal(32m, m.MaxPointsFrom(ParCodes.Total, ParCriterion.Survey));
    }

    [Fact]
    public void Methodology_1149_leaves_room_for_the_real_Thanh_Hoa_2021_field_scores()
    {
        var m = Catalogue.For(2021);
        foreach (var row in ReferenceFiles.Csv("par-index-known-field-scores.csv"))
        {
            Assert.True(m.Get(row["field"].Split(' ')[0]).MaxPoints >= ReferenceFiles.Dec(row["score"]), row["field"]);
        }
    }

    [Theory]
    [InlineData("par-index-known-facts.csv")]
    [InlineData("par-index-known-aggregates.csv")]
    [InlineData("par-index-known-field-scores.csv")]
    public void The_known_facts_seeds_are_exact_copies_of_the_shared_reference_files(string name)
    {
        Assert.Equal(File.ReadAllText(Cchc.TestSupport.SharedData.Path("data", "reference", name)), SeedData.ReadText(name));
    }

    [Fact]
    public void The_appendix_seed_is_the_seed_plan_appendix()
    {
        var seed = SeedData.ReadCsv("par-appendix-3770-lam-dong-2017.csv")
            .Select(r => (r["code"], r["name_vi"], ReferenceFiles.Dec(r["max_points"]), ReferenceFiles.Dec(r["appraised_points"]), ReferenceFiles.Dec(r["points_lost"])));
        Assert.Equal(ReferenceFiles.SeedAppendix(), seed);
    }
}
