using System.Text.Json;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

public sealed class DqCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Loading_the_appendix_then_dq_lists_its_inconsistency()
    {
        using var temp = new TempWarehouse();
        temp.Close();
        var warehouse = temp.Target.Spec();
        var fixture = SharedData.Fixture("plan", "ke-hoach-3770-phu-luc.csv");

        var load = Run("load", "plan", fixture, "--warehouse", warehouse, "--quiet");
        Assert.Equal(0, load.Exit);
        Assert.Contains("Data quality: 0 error(s), 3 warning(s)", load.Out);

        var dq = Run("dq", "--index", "PAR", "--year", "2017", "--province", "Lam Dong", "--warehouse", warehouse, "--json");
        Assert.Equal(0, dq.Exit);
        using var json = JsonDocument.Parse(dq.Out);
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("warnings").GetInt32());
        var rules = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("rule").GetString() + " " + f.GetProperty("criterion_code").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["children-sum-to-parent 1", "points-lost-arithmetic 1.1", "points-lost-arithmetic 1.1.2"], rules);

        var text = Run("dq", "--warehouse", warehouse, "--no-run");
        Assert.Equal(0, text.Exit);
        Assert.Contains("points lost are written as 0.889, but max points − score = 1.5 − 1.4111 = 0.0889", text.Out);
        Assert.Contains("ke-hoach-3770-phu-luc.csv, ke-hoach-3770-phu-luc, row 7", text.Out);
    }

    [Fact]
    public void Plan_options_reach_the_loader_and_bad_ones_are_usage_errors()
    {
        using var temp = new TempWarehouse();
        temp.Close();
        var warehouse = temp.Target.Spec();
        var fixture = SharedData.Fixture("plan", "ke-hoach-3770-phu-luc.csv");

        var contradiction = Run("load", "plan", fixture, "--province", "Hà Nội", "--warehouse", warehouse, "--quiet");
        Assert.Equal(1, contradiction.Exit);
        Assert.Contains("--province Hà Nội contradicts the document", contradiction.Out);

        var badYear = Run("load", "plan", fixture, "--year", "twenty", "--warehouse", warehouse);
        Assert.Equal(2, badYear.Exit);
        Assert.Contains("--year must be a year, not 'twenty'", badYear.Err);
    }

    [Fact]
    public void Dq_rules_lists_every_rule_with_its_severity()
    {
        var rules = Run("dq", "--rules");
        Assert.Equal(0, rules.Exit);
        Assert.Contains("points-lost-arithmetic", rules.Out);
        Assert.Contains("score-within-range", rules.Out);
        Assert.Contains("error", rules.Out);
    }
}
