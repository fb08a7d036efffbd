using System.Text.Json;
using Cchc.Cli;
using Cchc.TestSupport;
using Xunit.Abstractions;

namespace Cchc.Cli.Tests;

public sealed class WhatIfCommandTests(ITestOutputHelper output)
{
    private (int Code, string Out, string Err) Run(TempWarehouse temp, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliApp.Run([.. args, "--warehouse", temp.Target.Spec()], stdout, stderr);
        output.WriteLine($"$ cchc {string.Join(' ', args)}  → exit {code}\n{stdout}\n{stderr}");
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Setting_scores_gives_the_new_total_rank_priorities_and_a_recovery_plan()
    {
        using var temp = new TempWarehouse();
        ParFixture.Load(temp.Warehouse, 2017);
        temp.Close();
        var lamDong = ParFixture.Scores(2017).Where(s => s.ProvinceCode == "68").ToDictionary(s => s.CriterionCode, s => (decimal)s.Score!.Value);

        var (code, json, _) = Run(temp, "whatif", "--province", "Lâm Đồng", "--year", "2017", "--set", "1.1=10", "--set", "2.1=15", "--target-rank", "10", "--json");

        Assert.Equal(0, code);
        var root = JsonDocument.Parse(json).RootElement;
        var sim = root.GetProperty("simulation");
        var expected = lamDong["TOTAL"] + (10 - lamDong["1.1"]) + (15 - lamDong["2.1"]);
        Assert.Equal(expected, sim.GetProperty("new_total").GetDecimal());
        Assert.True(sim.GetProperty("new_rank").GetInt32() <= sim.GetProperty("old_rank").GetInt32());
        Assert.Equal(["TOTAL", "1", "2"], sim.GetProperty("recomputed").EnumerateArray().Select(c => c.GetProperty("code").GetString()));

        var priorities = root.GetProperty("priorities");
        Assert.Equal(2, priorities.GetProperty("level").GetInt32());
        var items = priorities.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(i.GetProperty("max_points").GetDecimal() - i.GetProperty("score").GetDecimal(), i.GetProperty("points_lost").GetDecimal()));
        Assert.All(items, i => Assert.True(i.TryGetProperty("points_source", out _)));
        Assert.Equal(JsonValueKind.Array, priorities.GetProperty("survey_items").ValueKind);
        Assert.Equal(items.Count + 1, priorities.GetProperty("curve").GetArrayLength());
        var plan = priorities.GetProperty("plan");
        Assert.Equal(10, plan.GetProperty("target_rank").GetInt32());
        Assert.Contains(plan.GetProperty("outcome").GetString(), new[] { "reached", "unreachable", "already_met" });
        if (plan.GetProperty("outcome").GetString() == "reached")
        {
            Assert.True(plan.GetProperty("rank_reached").GetInt32() <= 10);
            Assert.Equal(plan.GetProperty("total_needed").GetDecimal(), plan.GetProperty("total_gain").GetDecimal());
            Assert.All(plan.GetProperty("steps").EnumerateArray(), s => Assert.True(s.GetProperty("to").GetDecimal() > s.GetProperty("from").GetDecimal()));
        }

        // One loaded year: no history of the other provinces' moves to simulate.
        Assert.Equal(JsonValueKind.Null, plan.GetProperty("probability_with_peer_moves").ValueKind);

        var text = Run(temp, "whatif", "--province", "68", "--year", "2017", "--set", "1.1=10", "--target-rank", "10").Out;
        Assert.Contains("New total", text, StringComparison.Ordinal);
        Assert.Contains("Priorities", text, StringComparison.Ordinal);
        Assert.Contains("Target rank 10", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_settings_are_usage_errors()
    {
        using var temp = new TempWarehouse();
        ParFixture.Load(temp.Warehouse, 2017);
        temp.Close();

        Assert.Contains("between 0 and 10", Run(temp, "whatif", "--province", "68", "--year", "2017", "--set", "1.1=12").Err, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, Run(temp, "whatif", "--province", "68", "--year", "2017", "--set", "1.1").Code);
        Assert.Equal(CliApp.Usage, Run(temp, "whatif", "--province", "68", "--year", "2017", "--set", "7.7=1").Code);
        Assert.Equal(CliApp.Ok, Run(temp, "whatif", "--province", "68", "--year", "2017", "--set", "1.1=9,5").Code);
    }
}
