using Cchc.Etl.Samples;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Models;
using Cchc.Warehouse;

namespace Cchc.Cli.Tests;

/// <summary>
/// Ground truth: the demo's synthetic world is generated from a written process with planted drivers
/// (<see cref="SyntheticProvinces"/>, the PCI and PAPI sample writers); the analytics, run on the warehouse the demo
/// loaded, must find them.
/// </summary>
[Collection(DemoWarehouseGroup.Name)]
public sealed class SyntheticWorldTruthTests(DemoWarehouse demo)
{
    [Fact]
    public void The_attribution_names_the_planted_fields_as_what_lifted_Lam_Dong_in_2024()
    {
        using var warehouse = demo.Open();
        var a = DriversAnalysis.Run(new AnalyticsSource(warehouse), new DriversRequest(IndexCodes.Par, 2024, 68, IncludeModels: false)).Attribution;

        var planted = SyntheticProvinces.Planted.Where(p => p.ProvinceCode == "68" && p.Year == 2024).Select(p => p.Part).Order().ToList();
        var lifted = a.Components.OrderBy(c => c.RankEffect.Value).Take(planted.Count).Select(c => c.Code).Order().ToList();
        Assert.Equal(planted, lifted);
        Assert.True(a.RankChange <= -10, $"rank change {a.RankChange}");
        Assert.All(a.Components.Where(c => planted.Contains(c.Code)), c => Assert.True(c.RankEffect.Interval!.Upper < 0, $"{c.Code}: {c.RankEffect.Interval}"));
    }

    /// <summary>
    /// Beyond the planted story: for every province, the fields the world moved most (the change of each field's own
    /// latent, i.e. its strength and shock) are the fields the attribution credits most: rank correlation, per province,
    /// of the latent changes with the places each field gained, averaged over the other 62 provinces.
    /// </summary>
    [Fact]
    public void Across_provinces_the_attributed_field_effects_follow_the_generating_process()
    {
        using var warehouse = demo.Open();
        var source = new AnalyticsSource(warehouse);
        var keys = source.Table(IndexCodes.Par, 2024)!.Provinces.Keys.Where(k => k != 68).Order().ToList();
        var correlations = new List<double>();
        foreach (var key in keys)
        {
            var a = RankAttributor.Attribute(source.Table(IndexCodes.Par, 2024)!, source.Table(IndexCodes.Par, 2023), key, source.Provinces,
                uncertainty: new UncertaintyOptions(Draws: 0));
            var fields = a.Components.Where(c => c.Kind == ComponentKind.Field).ToList();
            var truth = fields.Select(c => SyntheticProvinces.ParFieldOwn(key, c.Code, 2024) - SyntheticProvinces.ParFieldOwn(key, c.Code, 2023)).ToList();
            var found = fields.Select(c => -c.RankEffect.Value).ToList();
            correlations.Add(Spearman(truth, found));
        }

        Assert.True(correlations.Average() > 0.6, $"mean rank correlation {correlations.Average():0.00} over {correlations.Count} provinces");
    }

    [Fact]
    public void The_cross_index_model_ranks_the_planted_sub_indices_first_and_identical_dimensions_alike()
    {
        using var warehouse = demo.Open();
        var source = new AnalyticsSource(warehouse);
        var tables = new[] { IndexCodes.Par, IndexCodes.Pci, IndexCodes.Papi }.SelectMany(source.Level1Tables).ToList();
        var report = ModelEvaluator.Evaluate(DatasetBuilder.CrossIndexRank(tables, IndexCodes.Par, source.OnTimeRates()),
            new ModelOptions(Permutations: 5, BootstrapReplicates: 20, BootstrapYearBlocks: 4));

        var importance = report.Importances.Single(i => i.Model == report.ShownModel);
        var top = importance.Features.Take(2).Select(f => f.Feature[..f.Feature.IndexOf(' ', StringComparison.Ordinal)]).Order().ToList();
        Assert.Equal(PciSampleWriterPlanted(), top);
        var d1 = importance.Features.Single(f => f.Feature.StartsWith("PAPI.D1 ", StringComparison.Ordinal));
        var d2 = importance.Features.Single(f => f.Feature.StartsWith("PAPI.D2 ", StringComparison.Ordinal));
        Assert.True(d1.Interval!.Overlaps(d2.Interval!), $"D1 {d1.Interval}, D2 {d2.Interval}");
        Assert.True(importance.Features.Take(2).All(f => f.Interval!.Lower > Math.Max(d1.Interval!.Upper, d2.Interval!.Upper)));
    }

    private static List<string> PciSampleWriterPlanted() => [.. Cchc.Etl.Sources.Pci.PciSampleWriter.Planted.Order()];

    private static double Spearman(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        static double[] Ranks(IReadOnlyList<double> values)
        {
            var order = values.Select((v, i) => (v, i)).OrderBy(x => x.v).ToList();
            var ranks = new double[values.Count];
            for (var r = 0; r < order.Count; r++)
            {
                ranks[order[r].i] = r;
            }

            return ranks;
        }

        var (ra, rb) = (Ranks(a), Ranks(b));
        var (ma, mb) = (ra.Average(), rb.Average());
        var cov = ra.Zip(rb).Sum(x => (x.First - ma) * (x.Second - mb));
        return cov / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(x => (x - mb) * (x - mb)));
    }
}
