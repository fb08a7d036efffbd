using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.Tables;
using Cchc.Warehouse;

namespace Cchc.Reports.Tests.Analytics;

public sealed class RankAttributionTests
{
    private static readonly IReadOnlyDictionary<int, ProvinceInfo> NoLineage = new Dictionary<int, ProvinceInfo>();

    private static Dictionary<string, decimal> Leaves(params (string Code, decimal Score)[] scores) =>
        scores.ToDictionary(s => s.Code, s => s.Score, StringComparer.Ordinal);

    /// <summary>
    /// Worked by hand. Province 1 goes from 10 points (1.1 = 2; 2.1 = 3, 2.2 = 5) to 30 (1.1 = 7; 2.1 = 13, 2.2 = 10):
    /// Δ field 1 = +5, Δ 2.1 = +10, Δ 2.2 = +5. Peers were P₀ = {25, 9, 8} and are P₁ = {30, 20, 10}; r(T; P) = 1 + #{p > T}.
    /// Against P₀: r(10) = r(15) = r(20) = 2, r(25) = r(30) = 1 (a tie shares the better rank). Against P₁: r(10) = r(15) = 3,
    /// r(20) = r(25) = 2, r(30) = 1. Peers: ½[(r(10;P₁) − r(10;P₀)) + (r(30;P₁) − r(30;P₀))] = ½[(3 − 2) + (1 − 1)] = ½.
    /// Fields against P₀ (worth v(x) = r(10 + x) − 2): v(f1) = 0, v(f2) = v(both) = −1 → φ₁ = 0, φ₂ = −1.
    /// Against P₁ (v(x) = r(10 + x) − 3): v(f1) = 0, v(f2) = −1, v(both) = −2 → φ₁ = −½, φ₂ = −3/2.
    /// Averaged: field 1 = −¼, field 2 = −5/4. Criteria of field 2 (Owen, in both games): against P₀ 2.1 = −¾, 2.2 = −¼;
    /// against P₁ 2.1 = −1, 2.2 = −½ → 2.1 = −7/8, 2.2 = −3/8. Observed: rank 2 → 1 = −1 = −¼ − 5/4 + ½.
    /// </summary>
    [Fact]
    public void Hand_computed_case_gives_the_known_fractions()
    {
        var previous = new TableBuilder(IndexCodes.Par, 2016).Criterion("1", null, 10).Criterion("1.1", "1", 10)
            .Criterion("2", null, 30).Criterion("2.1", "2", 20).Criterion("2.2", "2", 10)
            .Province(1, Leaves(("1.1", 2), ("2.1", 3), ("2.2", 5)))
            .Total(2, 9).Total(3, 8).Total(4, 25).Build();
        var current = new TableBuilder(IndexCodes.Par, 2017).Criterion("1", null, 10).Criterion("1.1", "1", 10)
            .Criterion("2", null, 30).Criterion("2.1", "2", 20).Criterion("2.2", "2", 10)
            .Province(1, Leaves(("1.1", 7), ("2.1", 13), ("2.2", 10)))
            .Total(2, 10).Total(3, 20).Total(4, 30).Build();

        var a = RankAttributor.Attribute(current, previous, 1, NoLineage);

        Assert.Equal(ComparisonStatus.Compared, a.Status);
        Assert.Equal((2, 1, -1), (a.PreviousRank!.Value, a.Rank!.Value, a.RankChange!.Value));
        Assert.Equal(["1", "2"], a.Components.Select(c => c.Code));
        Assert.Equal(new Fraction(-1, 4), a.Components[0].RankEffect.Exact);
        Assert.Equal(new Fraction(-5, 4), a.Components[1].RankEffect.Exact);
        Assert.Equal(["2.1", "2.2"], a.Components[1].Criteria.Select(c => c.Code));
        Assert.Equal(new Fraction(-7, 8), a.Components[1].Criteria[0].RankEffect.Exact);
        Assert.Equal(new Fraction(-3, 8), a.Components[1].Criteria[1].RankEffect.Exact);
        Assert.Equal([5m, 15m], a.Components.Select(c => c.ScoreChange));
        Assert.Equal(new Fraction(1, 2), a.PeerEffect.Exact);
        Assert.Null(a.Methodology);
        Assert.Equal(0, a.PublicationAdjustment);
        Assert.Equal(new Fraction(-3, 2), a.OwnEffect);
        Assert.Equal((Fraction)(-1), a.AttributedRankChange);
    }

    /// <summary>
    /// Brute force: the Owen value with the two unions {own fields} and {peers}, fields nested in the own union and
    /// criteria in their fields, is the average, over every order in which the players could arrive that keeps each
    /// union (and each field) together, of each player's marginal effect on the rank. The peers' union arrives as a
    /// whole (the other provinces' totals switch from last year's to this year's). Every such order is enumerated.
    /// </summary>
    [Fact]
    public void Owen_values_equal_the_average_over_every_order_that_keeps_unions_together()
    {
        for (var seed = 0; seed < 25; seed++)
        {
            var rng = new Random(seed);
            var fields = 2 + rng.Next(2);
            var criteria = 1 + rng.Next(2);
            var provinces = 6 + rng.Next(10);
            IndexYear Year(int year)
            {
                var b = new TableBuilder(IndexCodes.Par, year).Fields(fields, criteria);
                for (var p = 1; p <= provinces; p++)
                {
                    b.Province(p, Enumerable.Range(1, fields).SelectMany(f => Enumerable.Range(1, criteria).Select(c => ($"{f}.{c}", rng.Next(0, 21) / 2m)))
                        .ToDictionary(x => x.Item1, x => x.Item2));
                }

                return b.Build();
            }

            var previous = Year(2016);
            var current = Year(2017);
            var a = RankAttributor.Attribute(current, previous, 1, NoLineage);
            var (criterionEffects, peerEffect) = BruteForceOwen(current, previous, 1, fields, criteria);

            Assert.Equal(peerEffect, a.PeerEffect.Exact);
            foreach (var field in a.Components)
            {
                var members = field.Criteria.Count > 0 ? field.Criteria.Select(c => c.Code).ToList() : [$"{field.Code}.1"];
                Assert.Equal(Fraction.Sum(members.Select(m => criterionEffects[m])), field.RankEffect.Exact);
                foreach (var c in field.Criteria)
                {
                    Assert.Equal(criterionEffects[c.Code], c.RankEffect.Exact);
                }
            }
        }
    }

    /// <summary>Every order of {own, peers} × every order of the fields × every order of each field's criteria.</summary>
    private static (Dictionary<string, Fraction> Criteria, Fraction Peers) BruteForceOwen(IndexYear current, IndexYear previous, int key, int fields, int criteria)
    {
        var before = previous.Province(key)!;
        var me = current.Province(key)!;
        var peersThen = previous.PeersOf(key);
        var peersNow = current.PeersOf(key);
        var codes = Enumerable.Range(1, fields).Select(f => Enumerable.Range(1, criteria).Select(c => $"{f}.{c}").ToList()).ToList();
        var delta = codes.SelectMany(c => c).ToDictionary(c => c, c => me.Score(c)!.Value - before.Score(c)!.Value);
        var sums = codes.SelectMany(c => c).ToDictionary(c => c, _ => Fraction.Zero);
        var peers = Fraction.Zero;
        var orders = 0L;
        foreach (var peersFirst in new[] { true, false })
        {
            foreach (var fieldOrder in Permutations(Enumerable.Range(0, fields).ToList()))
            {
                foreach (var inner in Cartesian(codes.Select(c => Permutations(c).ToList()).ToList()))
                {
                    orders++;
                    var total = before.Total!.Value;
                    var now = peersFirst;
                    int Rank() => (now ? peersNow : peersThen).RankOf(total);
                    if (peersFirst)
                    {
                        peers += peersNow.RankOf(total) - peersThen.RankOf(total);
                    }

                    foreach (var f in fieldOrder)
                    {
                        foreach (var code in inner[f])
                        {
                            var rank = Rank();
                            total += delta[code];
                            sums[code] += Rank() - rank;
                        }
                    }

                    if (!peersFirst)
                    {
                        peers += peersNow.RankOf(total) - peersThen.RankOf(total);
                    }
                }
            }
        }

        return (sums.ToDictionary(s => s.Key, s => s.Value / orders), peers / orders);
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items)
    {
        if (items.Count <= 1)
        {
            yield return [.. items];
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            foreach (var rest in Permutations(items.Where((_, j) => j != i).ToList()))
            {
                yield return [items[i], .. rest];
            }
        }
    }

    private static IEnumerable<List<List<string>>> Cartesian(List<List<List<string>>> choices)
    {
        IEnumerable<List<List<string>>> result = [[]];
        foreach (var options in choices)
        {
            result = result.SelectMany(prefix => options.Select(o => (List<List<string>>)[.. prefix, o])).ToList();
        }

        return result;
    }

    [Fact]
    public void The_split_does_not_depend_on_which_union_is_listed_first_and_matches_the_formula()
    {
        // Swapping the roles of the two years mirrors every part: a symmetric split changes sign exactly.
        var rng = new Random(9);
        IndexYear Year(int year)
        {
            var b = new TableBuilder(IndexCodes.Par, year).Fields(4, 2);
            for (var p = 1; p <= 40; p++)
            {
                b.Province(p, Enumerable.Range(1, 4).SelectMany(f => Enumerable.Range(1, 2).Select(c => ($"{f}.{c}", rng.Next(10, 21) / 2m))).ToDictionary(x => x.Item1, x => x.Item2));
            }

            return b.Build();
        }

        var y0 = Year(2016);
        var y1 = Year(2017);
        var forward = RankAttributor.Attribute(y1, y0, 7, NoLineage);
        var backward = RankAttributor.Attribute(y0, y1, 7, NoLineage);
        Assert.Equal(-forward.PeerEffect.Exact, backward.PeerEffect.Exact);
        Assert.Equal(forward.Components.Select(c => -c.RankEffect.Exact), backward.Components.Select(c => c.RankEffect.Exact));

        var (t0, t1) = (y0.Province(7)!.Total!.Value, y1.Province(7)!.Total!.Value);
        var (p0, p1) = (y0.PeersOf(7), y1.PeersOf(7));
        Assert.Equal((Fraction)((p1.RankOf(t0) - p0.RankOf(t0)) + (p1.RankOf(t1) - p0.RankOf(t1))) / 2, forward.PeerEffect.Exact);
    }

    [Fact]
    public void Attributions_add_up_exactly_on_random_data_with_ties()
    {
        var tiesSeen = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var rng = new Random(seed);
            var fields = 2 + rng.Next(7);
            var criteria = 1 + rng.Next(3);
            var provinces = 10 + rng.Next(54);
            IndexYear Year(int year)
            {
                var b = new TableBuilder(IndexCodes.Par, year).Fields(fields, criteria);
                for (var p = 1; p <= provinces; p++)
                {
                    // Half points on a narrow range: many exact ties between provinces.
                    b.Province(p, Enumerable.Range(1, fields).SelectMany(f => Enumerable.Range(1, criteria).Select(c => ($"{f}.{c}", rng.Next(10, 21) / 2m)))
                        .ToDictionary(x => x.Item1, x => x.Item2));
                }

                return b.Build();
            }

            var previous = Year(2016);
            var current = Year(2017);
            var focus = 1 + rng.Next(provinces);
            tiesSeen += current.Provinces.Values.GroupBy(p => p.Total).Count(g => g.Count() > 1);

            var a = RankAttributor.Attribute(current, previous, focus, NoLineage);

            Assert.Equal((Fraction)a.RankChange!.Value, a.AttributedRankChange);
            Assert.Equal(a.ScoreChange, a.Components.Sum(c => c.ScoreChange));
            foreach (var field in a.Components.Where(c => c.Criteria.Count > 0))
            {
                Assert.Equal(field.RankEffect.Exact, Fraction.Sum(field.Criteria.Select(c => c.RankEffect.Exact)));
                Assert.Equal(field.ScoreChange, field.Criteria.Sum(c => c.ScoreChange));
            }
        }

        Assert.True(tiesSeen > 100, $"the random data should contain ties ({tiesSeen})");
    }

    [Fact]
    public void Published_ranks_that_differ_from_recomputed_ones_show_as_publication_adjustment()
    {
        var previous = new TableBuilder(IndexCodes.Pci, 2016).Criterion("PCI.1", null).Province(1, Leaves(("PCI.1", 50)), publishedRank: 2)
            .Total(2, 50, publishedRank: 1).Total(3, 40).Build();
        var current = new TableBuilder(IndexCodes.Pci, 2017).Criterion("PCI.1", null).Province(1, Leaves(("PCI.1", 60)))
            .Total(2, 55).Total(3, 40).Build();

        var a = RankAttributor.Attribute(current, previous, 1, NoLineage);

        // Last year the publisher put province 1 second although it tied for first: +1 then, so −1 in the change. Own
        // scores at last year's (50) rank 1 among last year's peers, 2 among this year's (55): +1; at this year's (60)
        // 1 and 1: 0. So the peers' union is ½(1 + 0) = ½ and the own union −½; the publication adjustment stays apart.
        Assert.Equal(-1, a.RankChange);
        Assert.Equal(-1, a.PublicationAdjustment);
        Assert.Equal(new Fraction(1, 2), a.PeerEffect.Exact);
        Assert.Equal(new Fraction(-1, 2), Fraction.Sum(a.Components.Select(c => c.RankEffect.Exact)));
        Assert.Equal((Fraction)(-1), a.AttributedRankChange);
        Assert.Contains(a.Notes, n => n.Contains("publication adjustment", StringComparison.Ordinal));
    }

    [Fact]
    public void Weighted_total_with_published_rounding_keeps_an_explicit_residual()
    {
        // PCI-like: total = Σ weight × sub-index, published rounded to 2 decimals.
        IndexYear Year(int year, decimal[][] subIndices)
        {
            var b = new TableBuilder(IndexCodes.Pci, year).Criterion("PCI.1", null, 10, 0.3m).Criterion("PCI.2", null, 10, 0.7m);
            for (var p = 0; p < subIndices.Length; p++)
            {
                var exact = (0.3m * subIndices[p][0]) + (0.7m * subIndices[p][1]);
                b.Province(p + 1, Leaves(("PCI.1", subIndices[p][0]), ("PCI.2", subIndices[p][1])),
                    explicitScores: new Dictionary<string, decimal> { [IndexCodes.Total] = Math.Round(exact + 0.004m, 2) });
            }

            return b.Build();
        }

        var previous = Year(2016, [[5.11m, 6.07m], [6.03m, 5.51m], [4.99m, 6.23m], [7.01m, 5.03m]]);
        var current = Year(2017, [[6.13m, 6.01m], [6.03m, 5.97m], [5.01m, 6.33m], [7.03m, 5.09m]]);

        var a = RankAttributor.Attribute(current, previous, 1, NoLineage);

        Assert.Equal(AggregationBasis.CatalogueWeights, current.RuleFor(IndexCodes.Total).Basis);
        Assert.Equal(0.3m * (6.13m - 5.11m), a.Components.Single(c => c.Code == "PCI.1").ScoreChange);
        var residual = a.Components.Single(c => c.Kind == ComponentKind.Residual);
        Assert.NotEqual(0m, residual.ScoreChange);
        Assert.Equal(a.ScoreChange, a.Components.Sum(c => c.ScoreChange));
        Assert.Equal((Fraction)a.RankChange!.Value, a.AttributedRankChange);
    }

    [Fact]
    public void Missing_catalogue_weights_are_fitted_from_the_year()
    {
        var b = new TableBuilder(IndexCodes.Pci, 2017).Criterion("PCI.1", null, 10).Criterion("PCI.2", null, 10);
        var rng = new Random(3);
        for (var p = 1; p <= 20; p++)
        {
            var (x, y) = (rng.Next(300, 900) / 100m, rng.Next(300, 900) / 100m);
            b.Province(p, Leaves(("PCI.1", x), ("PCI.2", y)), explicitScores: new Dictionary<string, decimal> { [IndexCodes.Total] = Math.Round((2m * x) + (8m * y), 2) });
        }

        var rule = b.Build().RuleFor(IndexCodes.Total);

        Assert.Equal(AggregationBasis.FittedWeights, rule.Basis);
        Assert.Equal(2m, rule.FactorOf("PCI.1"));
        Assert.Equal(8m, rule.FactorOf("PCI.2"));
    }

    [Fact]
    public void A_dimension_added_by_the_methodology_is_its_own_component()
    {
        // PAPI 2017 → 2018: 6 → 8 dimensions (here 1 → 2); the new one's whole score is part of the change.
        var previous = new TableBuilder(IndexCodes.Papi, 2017, "PAPI-6").Criterion("PAPI.D1", null, 10)
            .Province(1, Leaves(("PAPI.D1", 6))).Province(2, Leaves(("PAPI.D1", 7))).Build();
        var current = new TableBuilder(IndexCodes.Papi, 2018, "PAPI-8").Criterion("PAPI.D1", null, 10).Criterion("PAPI.D7", null, 10)
            .Province(1, Leaves(("PAPI.D1", 5), ("PAPI.D7", 4))).Province(2, Leaves(("PAPI.D1", 7), ("PAPI.D7", 1))).Build();

        var a = RankAttributor.Attribute(current, previous, 1, NoLineage);

        var added = a.Components.Single(c => c.Code == "PAPI.D7");
        Assert.Equal(ComponentKind.AddedInMethodology, added.Kind);
        Assert.Equal(4m, added.ScoreChange);
        Assert.Equal((4m, 0m), (added.MethodologyPoints, added.PerformancePoints)); // a new dimension is the methodology's
        Assert.Equal(Fraction.Zero, added.RankEffect.Exact);
        Assert.Equal(4m, a.Methodology!.Points);
        Assert.Equal(-1, a.RankChange);
        Assert.Equal((Fraction)(-1), a.AttributedRankChange);
        Assert.Contains(a.Notes, n => n.Contains("Methodology changed", StringComparison.Ordinal));
    }

    /// <summary>
    /// Known answer for the methodology part. Field 1's maximum doubles (10 → 20) and the province keeps its share
    /// (5/10 → 10/20): methodology (20 − 10) × 5 / 10 = 5 points, performance 20 × (10/20 − 5/10) = 0. Field 2 keeps its
    /// maximum: 5 → 6 is all performance. The peers' totals go 9 → 14 and 12 → 15.5. Own total 10 → 16 against
    /// P₀ {9, 12}: r = 2 → 1; against P₁ {14, 15.5}: 3 → 1. The methodology player (+5) and field 2 (+1) share the own
    /// union; field 1 gets nothing: a changed maximum is never a driver.
    /// </summary>
    [Fact]
    public void A_changed_maximum_goes_to_the_methodology_player_not_to_the_field()
    {
        var previous = new TableBuilder(IndexCodes.Par, 2021, "V1").Criterion("1", null, 10).Criterion("2", null, 10)
            .Province(1, Leaves(("1", 5), ("2", 5))).Total(2, 9).Total(3, 12).Build();
        var current = new TableBuilder(IndexCodes.Par, 2022, "V2").Criterion("1", null, 20).Criterion("2", null, 10)
            .Province(1, Leaves(("1", 10), ("2", 6))).Total(2, 14).Total(3, 15.5m).Build();

        var a = RankAttributor.Attribute(current, previous, 1, NoLineage);

        var field1 = a.Components.Single(c => c.Code == "1");
        Assert.Equal((5m, 5m, 0m), (field1.ScoreChange, field1.MethodologyPoints, field1.PerformancePoints));
        Assert.Equal((10m, 20m), (field1.PreviousMaxPoints!.Value, field1.MaxPoints!.Value));
        Assert.Equal(Fraction.Zero, field1.RankEffect.Exact);
        var field2 = a.Components.Single(c => c.Code == "2");
        Assert.Equal((1m, 0m, 1m), (field2.ScoreChange, field2.MethodologyPoints, field2.PerformancePoints));
        var methodology = a.Methodology!;
        Assert.Equal(("V1", "V2", 5m), (methodology.PreviousVersion, methodology.Version, methodology.Points));

        // Against P₀ {12, 9} (v = r − 2): methodology alone (15) → 1: −1; field 2 alone (11) → 2: 0; both (16): −1.
        // → methodology −1, field 2 0. Against P₁ {15.5, 14} (v = r − 3): methodology alone (15) → 2: −1;
        // field 2 alone (11) → 3: 0; both (16) → 1: −2 → methodology ½(−1) + ½(−2) = −3/2, field 2 ½(0) + ½(−1) = −½.
        // Averaged: methodology −5/4, field 2 −1/4. Peers ½[(r(10;P₁) − r(10;P₀)) + (r(16;P₁) − r(16;P₀))] = ½[(3 − 2) + 0] = ½.
        Assert.Equal(new Fraction(-5, 4), methodology.RankEffect.Exact);
        Assert.Equal(new Fraction(-1, 4), field2.RankEffect.Exact);
        Assert.Equal(new Fraction(1, 2), a.PeerEffect.Exact);
        Assert.Equal((2, 1, -1), (a.PreviousRank!.Value, a.Rank!.Value, a.RankChange!.Value));
        Assert.Equal((Fraction)(-1), a.AttributedRankChange);

        var w = ScoreWaterfall.From(a)!;
        Assert.True(w.MethodologyChanged);
        Assert.Equal(5m, w.MethodologyPoints);
        Assert.All(w.Steps, s => Assert.Equal(s.Delta, s.MethodologyPoints + s.PerformancePoints));
    }

    [Fact]
    public void Criteria_across_versions_follow_the_mapping_and_unmapped_ones_are_listed()
    {
        // V1: 1.1, 1.2, 1.3 → V2: 1.1 (unchanged), 1.2 split into 1.2 + 1.4, 1.3 dropped, 1.5 new.
        TableBuilder Catalogue(int year, string version, params string[] criteria)
        {
            var b = new TableBuilder(IndexCodes.Par, year, version).Criterion("1", null, 40).Criterion("2", null, 10).Criterion("2.1", "2", 10);
            foreach (var c in criteria)
            {
                b.Criterion(c, "1", 10);
            }

            return b;
        }

        var previous = Catalogue(2021, "V1", "1.1", "1.2", "1.3")
            .Province(1, Leaves(("1.1", 5), ("1.2", 6), ("1.3", 7), ("2.1", 5)))
            .Province(2, Leaves(("1.1", 9), ("1.2", 9), ("1.3", 9), ("2.1", 9))).Build();
        var current = Catalogue(2022, "V2", "1.1", "1.2", "1.4", "1.5")
            .Province(1, Leaves(("1.1", 8), ("1.2", 4), ("1.4", 5), ("1.5", 3), ("2.1", 6)))
            .Province(2, Leaves(("1.1", 9), ("1.2", 5), ("1.4", 4), ("1.5", 2), ("2.1", 9))).Build();
        var mapping = new CriterionMapping([
            new CriterionCorrespondence("V1", "1.2", "V2", "1.2"), new CriterionCorrespondence("V1", "1.2", "V2", "1.4"),
            new CriterionCorrespondence("V1", "1.3", "V2", null), new CriterionCorrespondence("V1", null, "V2", "1.5"),
        ]);

        var mapped = RankAttributor.Attribute(current, previous, 1, NoLineage, mapping);
        var field1 = mapped.Components.Single(c => c.Code == "1");
        Assert.Equal(["1.1", "1.2 → 1.2+1.4", "1.*"], field1.Criteria.Select(c => c.Code));
        Assert.Equal([3m, 3m, 3m - 7m], field1.Criteria.Select(c => c.ScoreChange));
        Assert.Equal(ComponentKind.CriteriaNotCompared, field1.Criteria[2].Kind);
        Assert.Equal(["1.3", "1.5"], mapped.NotComparable.Select(n => n.Code).Order());
        Assert.Equal(["2.1"], mapped.Components.Single(c => c.Code == "2").Criteria.Select(c => c.Code));
        Assert.Equal(field1.RankEffect.Exact, Fraction.Sum(field1.Criteria.Select(c => c.RankEffect.Exact)));
        Assert.Equal((Fraction)mapped.RankChange!.Value, mapped.AttributedRankChange);

        var unmapped = RankAttributor.Attribute(current, previous, 1, NoLineage, CriterionMapping.Empty);
        Assert.All(unmapped.Components, c => Assert.Empty(c.Criteria));
        Assert.Equal(9, unmapped.NotComparable.Count);
        Assert.All(unmapped.NotComparable, n => Assert.Contains("no criterion mapping", n.Reason, StringComparison.Ordinal));
        Assert.Equal(mapped.Components.Select(c => c.RankEffect.Exact), unmapped.Components.Select(c => c.RankEffect.Exact));

        // The same rows marked illustrative are shapes, not facts: nothing is compared through them, and it says why.
        var illustrative = new CriterionMapping(mapping.Between("V1", "V2").Select(m => m with { IsIllustrative = true }));
        var shapes = RankAttributor.Attribute(current, previous, 1, NoLineage, illustrative);
        Assert.All(shapes.Components, c => Assert.Empty(c.Criteria));
        Assert.All(shapes.NotComparable, n => Assert.Contains("illustrative", n.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Indicators_that_do_not_add_up_to_their_sub_index_are_not_used_to_split_it()
    {
        // PCI-like indicators on their own scales under a sub-index: no sum, no weights, no fit reproduces PCI.1.
        IndexYear Year(int year)
        {
            var b = new TableBuilder(IndexCodes.Pci, year).Criterion("PCI.1", null, 10).Criterion("PCI.1.1", "PCI.1").Criterion("PCI.1.2", "PCI.1");
            var rng = new Random(year);
            for (var p = 1; p <= 12; p++)
            {
                var subIndex = rng.Next(300, 900) / 100m;
                b.Province(p, Leaves(("PCI.1.1", rng.Next(0, 100)), ("PCI.1.2", rng.Next(0, 100))),
                    explicitScores: new Dictionary<string, decimal> { ["PCI.1"] = subIndex, [IndexCodes.Total] = subIndex });
            }

            return b.Build();
        }

        var current = Year(2017);
        var a = RankAttributor.Attribute(current, Year(2016), 1, NoLineage);

        Assert.Equal(AggregationBasis.Unexplained, current.RuleFor("PCI.1").Basis);
        Assert.Empty(a.Components.Single(c => c.Code == "PCI.1").Criteria);
        Assert.Contains(a.Notes, n => n.Contains("do not add up to it", StringComparison.Ordinal));
        Assert.Equal((Fraction)a.RankChange!.Value, a.AttributedRankChange);
        Assert.Throws<ArgumentException>(() => Cchc.Reports.Analytics.WhatIf.WhatIfSimulator.Apply(current, 1, new Dictionary<string, decimal> { ["PCI.1.1"] = 50 }));
    }

    [Fact]
    public void Missing_previous_year_is_said_not_invented()
    {
        var current = new TableBuilder(IndexCodes.Par, 2012).Criterion("1", null).Province(1, Leaves(("1", 5))).Total(2, 6).Build();

        var a = RankAttributor.Attribute(current, null, 1, NoLineage);

        Assert.Equal(ComparisonStatus.NoPreviousData, a.Status);
        Assert.Null(a.RankChange);
        Assert.Empty(a.Components);
        Assert.Contains("no PAR data for 2011", a.Message, StringComparison.Ordinal);
        Assert.Null(ScoreWaterfall.From(a));
    }

    [Fact]
    public void Unknown_province_is_a_clear_data_error()
    {
        var current = new TableBuilder(IndexCodes.Par, 2017).Criterion("1", null).Province(1, Leaves(("1", 5))).Build();
        var e = Assert.Throws<AnalyticsDataException>(() => RankAttributor.Attribute(current, null, 99, NoLineage));
        Assert.Contains("no PAR 2017 scores", e.Message, StringComparison.Ordinal);
    }
}
