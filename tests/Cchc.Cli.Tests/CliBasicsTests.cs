using System.Text.Json;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

public sealed class CliBasicsTests
{
    [Fact]
    public void Help_lists_every_command_with_its_summary()
    {
        var (code, output, _) = CliHarness.Run("help");
        Assert.Equal(0, code);
        foreach (var command in CliApp.Commands)
        {
            Assert.Matches($@"(?m)^  {command.Name}\b.*\s{System.Text.RegularExpressions.Regex.Escape(command.Summary)}$", output);
        }
    }

    [Fact]
    public void Unknown_command_is_a_usage_error_with_the_reason_and_where_to_look()
    {
        var (code, _, err) = CliHarness.Run("frobnicate");
        Assert.Equal(CliApp.Usage, code);
        Assert.Equal(["cchc: unknown command 'frobnicate'", "Run 'cchc --help' for its commands and examples."], err.Trim().Split('\n').Select(l => l.TrimEnd()));
    }

    [Fact]
    public void Bad_warehouse_spec_fails_with_a_one_line_reason()
    {
        var (code, _, err) = CliHarness.Run("status", "--warehouse", "postgres:x");
        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("Unknown warehouse engine 'postgres'", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Status_json_reports_every_index()
    {
        using var temp = new TempWarehouse();
        temp.Close();
        var (code, output, _) = CliHarness.Run("status", "--warehouse", temp.Target.Spec(), "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var indices = json.RootElement.GetProperty("indices").EnumerateArray().Select(i => i.GetProperty("index_code").GetString()).ToList();
        Assert.Equal(["PAPI", "PAR", "PCI"], indices);
    }

    [Fact]
    public void Load_of_an_unknown_kind_is_a_usage_error()
    {
        var (code, _, err) = CliHarness.Run("load", "nonsense", "x.xlsx");
        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("cchc load: unknown command 'nonsense'", err);
    }
}
