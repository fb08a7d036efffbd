using System.Text.Json;
using Cchc.Cli;
using Cchc.Reports.Analytics.Exact;
using Cchc.TestSupport;
using Xunit.Abstractions;

namespace Cchc.Cli.Tests;

public sealed class DriversCommandTests(ITestOutputHelper output)
{
    private static readonly int[] Years = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017];

    private (int Code, string Out, string Err) Run(TempWarehouse temp, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliApp.Run([.. args, "--warehouse", temp.Target.Spec()], stdout, stderr);
        output.WriteLine($"$ cchc {string.Join(' ', args)}  → exit {code}\n{stdout}\n{stderr}");
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static TempWarehouse Loaded(params int[] years)
    {
        var temp = new TempWarehouse();
        ParFixture.Load(temp.Warehouse, years);
        temp.Close();
        return temp;
    }

    [Fact]
    public void Json_output_has_attribution_peer_effect_models_and_importances()
    {
        using var temp = Loaded(Years);

        var (code, json, _) = Run(temp, "drivers", "--province", "Lâm Đồng", "--year", "2017", "--json", "--quiet", "--bootstrap", "3", "--permutations", "4");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(json).RootElement;
        var a = root.GetProperty("attribution");
        Assert.Equal("compared", a.GetProperty("status").GetString());
        Assert.Equal(68, a.GetProperty("province").GetProperty("key").GetInt32());
        var rankChange = a.GetProperty("rank_change").GetInt32();
        Assert.Equal(a.GetProperty("rank").GetInt32() - a.GetProperty("previous_rank").GetInt32(), rankChange);
        Assert.Equal(rankChange.ToString(System.Globalization.CultureInfo.InvariantCulture), a.GetProperty("attributed_rank_change").GetProperty("exact").GetString());
        var components = a.GetProperty("components").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3"], components.Select(c => c.GetProperty("code").GetString()));
        var peer = a.GetProperty("peer_effect");
        var exactSum = Fraction.Sum(components.Select(c => c.GetProperty("rank_effect").Deserialize<Fraction>()))
            + peer.Deserialize<Fraction>() + a.GetProperty("publication_adjustment").GetInt32();
        Assert.Equal((Fraction)rankChange, exactSum);
        Assert.Equal(JsonValueKind.Null, a.GetProperty("methodology").ValueKind); // same methodology both years
        Assert.All(components, c => Assert.Equal(2, c.GetProperty("criteria").GetArrayLength()));
        Assert.Equal("field", components[0].GetProperty("kind").GetString());
        Assert.All(components, c =>
        {
            var effect = c.GetProperty("rank_effect");
            var interval = effect.GetProperty("interval");
            Assert.True(interval.GetProperty("lower").GetDouble() <= interval.GetProperty("upper").GetDouble());
            Assert.Equal(JsonValueKind.Number, effect.GetProperty("value").ValueKind);
            Assert.Equal(c.GetProperty("score_change").GetDecimal(), c.GetProperty("methodology_points").GetDecimal() + c.GetProperty("performance_points").GetDecimal());
        });
        Assert.Equal(JsonValueKind.Object, peer.GetProperty("interval").ValueKind);
        Assert.InRange(a.GetProperty("probability_rank_changed").GetDouble(), 0, 1);
        Assert.Equal(200, a.GetProperty("uncertainty").GetProperty("draws").GetInt32());
        var steps = root.GetProperty("waterfall").GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(3, steps.Count);
        Assert.All(steps, s => Assert.Equal(s.GetProperty("delta").GetDecimal(), s.GetProperty("methodology_points").GetDecimal() + s.GetProperty("performance_points").GetDecimal()));

        var models = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(2, models.Count);
        Assert.False(models[0].GetProperty("available").GetBoolean()); // no PCI or PAPI loaded
        Assert.Contains("PCI overlaps", models[0].GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        var nextYear = models[1];
        Assert.True(nextYear.GetProperty("available").GetBoolean());
        Assert.Equal("forward_chaining", nextYear.GetProperty("validation").GetString());
        Assert.Equal("leave_one_year_out", models[0].GetProperty("validation").GetString());
        var scores = nextYear.GetProperty("scores").EnumerateArray().ToList();
        Assert.Equal(
            ["FastTree (boosted trees)", "Linear (SDCA)", "Baseline: mean", "Baseline: province mean", "Baseline: previous-year value", "Baseline: mean reversion"],
            scores.Select(s => s.GetProperty("model").GetString()));
        Assert.All(scores, s => Assert.True(s.GetProperty("mae").GetDouble() > 0));
        Assert.All(scores, s => Assert.Equal(JsonValueKind.Number, s.GetProperty("r2").ValueKind));
        var importances = nextYear.GetProperty("importances").EnumerateArray().ToList();
        Assert.Equal(2, importances.Count);
        Assert.All(importances, i => Assert.All(i.GetProperty("features").EnumerateArray(), f => Assert.True(f.GetProperty("standard_error").GetDouble() >= 0)));
        var shown = nextYear.GetProperty("shown_model").GetString();
        var refitted = importances.Single(i => i.GetProperty("model").GetString() == shown);
        Assert.Equal(3, refitted.GetProperty("bootstrap_replicates").GetInt32());
        Assert.All(refitted.GetProperty("features").EnumerateArray(), f => Assert.Equal(JsonValueKind.Object, f.GetProperty("interval").ValueKind));
        Assert.Equal(2016, nextYear.GetProperty("focus").GetProperty("year").GetInt32());

        // "Beats every baseline" only when the paired test over the held-out years says so against each of them.
        var verdicts = nextYear.GetProperty("verdicts").EnumerateArray().Select(v => v.GetString()!).ToList();
        var comparisons = nextYear.GetProperty("comparisons").EnumerateArray().ToList();
        foreach (var model in scores.Where(s => !s.GetProperty("is_baseline").GetBoolean()))
        {
            var name = model.GetProperty("model").GetString()!;
            var against = comparisons.Where(c => c.GetProperty("model").GetString() == name).ToList();
            Assert.Equal(4, against.Count);
            var beats = against.All(c => c.GetProperty("significant").GetBoolean());
            Assert.All(against, c => Assert.Equal(c.GetProperty("mean_mae_difference").GetDouble() < 0 && c.GetProperty("p_value").GetDouble() < 0.05, c.GetProperty("significant").GetBoolean()));
            Assert.Contains(verdicts, v => v.StartsWith(name + (beats ? " beats every baseline" : " does NOT beat"), StringComparison.Ordinal));
        }

        Assert.Equal(verdicts.Any(v => v.Contains(" beats every baseline", StringComparison.Ordinal)), nextYear.GetProperty("any_model_beats_baselines").GetBoolean());
    }

    [Fact]
    public void Text_output_is_a_readable_table_that_adds_up()
    {
        using var temp = Loaded(2016, 2017);

        var (code, text, _) = Run(temp, "drivers", "--province", "lam dong", "--year", "2017", "--no-models");

        Assert.Equal(0, code);
        Assert.StartsWith("Lâm Đồng — PAR 2017   [SYNTHETIC DATA]", text, StringComparison.Ordinal);
        Assert.Contains("rank effect", text, StringComparison.Ordinal);
        Assert.Contains("90% interval", text, StringComparison.Ordinal);
        Assert.Contains("peers", text, StringComparison.Ordinal);
        Assert.Contains("= observed rank change", text, StringComparison.Ordinal);
        Assert.Contains("Sampling noise:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Model:", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Province_by_gso_code_and_by_any_spelling_give_the_same_result()
    {
        using var temp = Loaded(2016, 2017);

        var byCode = Run(temp, "drivers", "--province", "68", "--year", "2017", "--no-models", "--json").Out;
        Assert.Equal(byCode, Run(temp, "drivers", "--province", "Lâm Đồng", "--year", "2017", "--no-models", "--json").Out);
        Assert.Equal(byCode, Run(temp, "drivers", "--province", "Tinh Lam Dong", "--year", "2017", "--no-models", "--json").Out);
        Assert.Contains("\"key\": 68", byCode, StringComparison.Ordinal);
    }

    [Fact]
    public void A_merged_province_after_the_reform_shows_its_constituents_instead_of_a_change()
    {
        using var temp = Loaded(2024, 2025);

        var (code, text, _) = Run(temp, "drivers", "--province", "Lâm Đồng", "--year", "2025", "--no-models");

        Assert.Equal(0, code);
        Assert.Contains("rank", text, StringComparison.Ordinal);
        Assert.Contains("of 34", text, StringComparison.Ordinal);
        Assert.Contains("was formed on 1 July 2025 by merging", text, StringComparison.Ordinal);
        Assert.Contains("no 2024 rank of its own", text, StringComparison.Ordinal);
        foreach (var constituent in new[] { "Bình Thuận", "Đắk Nông", "Lâm Đồng" })
        {
            Assert.Contains(constituent, text, StringComparison.Ordinal);
        }

        var json = JsonDocument.Parse(Run(temp, "drivers", "--province", "68", "--year", "2025", "--no-models", "--json").Out).RootElement;
        Assert.Equal("merged_province", json.GetProperty("attribution").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("attribution").GetProperty("rank_change").ValueKind);
        Assert.Equal(3, json.GetProperty("attribution").GetProperty("constituents").GetArrayLength());
    }

    [Fact]
    public void Missing_data_gives_clear_messages_and_exit_codes()
    {
        using var temp = Loaded(2016, 2017);

        var first = Run(temp, "drivers", "--province", "68", "--year", "2016", "--no-models");
        Assert.Equal(0, first.Code);
        Assert.Contains("The warehouse has no PAR data for 2015: there is nothing to compare 2016 with.", first.Out, StringComparison.Ordinal);

        var missingYear = Run(temp, "drivers", "--province", "68", "--year", "2019", "--no-models");
        Assert.Equal(CliApp.Failed, missingYear.Code);
        Assert.Contains("no PAR data for 2019; loaded years: 2016, 2017", missingYear.Err, StringComparison.Ordinal);

        var unknown = Run(temp, "drivers", "--province", "Atlantis", "--year", "2017");
        Assert.Equal(CliApp.Usage, unknown.Code);
        Assert.Contains("unknown province 'Atlantis'", unknown.Err, StringComparison.Ordinal);

        Assert.Equal(CliApp.Usage, Run(temp, "drivers", "--province", "68").Code);
        Assert.Equal(CliApp.Usage, Run(temp, "drivers", "--province", "68", "--year", "2017", "--index", "HDI").Code);
    }
}
