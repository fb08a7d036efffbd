using System.Text.Json;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests.Grammar;

/// <summary><c>@file</c> reads arguments from a file (a long nightly line in a scheduler, a province with spaces).</summary>
public sealed class ResponseFileTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public ResponseFileTests() => _temp.Close();

    [Fact]
    public void Options_in_a_response_file_are_read_as_if_typed()
    {
        var file = Path.Combine(_temp.Directory, "drivers.rsp");
        File.WriteAllLines(file, ["# why Lâm Đồng moved", "--province", "\"Lâm Đồng\"", "--year 2017", "--no-models"]);

        var line = CommandLine.Parse(["drivers", "@" + file, "--json"]);

        Assert.Equal("Lâm Đồng", line.Option("province"));
        Assert.Equal(2017, line.IntOption("year"));
        Assert.True(line.Has("no-models"));
        Assert.True(line.Has("json"));
    }

    [Fact]
    public void A_command_runs_from_a_response_file()
    {
        var file = Path.Combine(_temp.Directory, "status.rsp");
        File.WriteAllText(file, $"--warehouse duckdb:{_temp.Target.Location}\n--json\n");

        var (code, output, err) = CliHarness.Run("status", "@" + file);

        Assert.True(code == CliApp.Ok, err);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetProperty("indices").GetArrayLength());
    }

    [Fact]
    public void A_missing_response_file_is_a_usage_error()
    {
        var (code, _, err) = CliHarness.Run("status", "@" + Path.Combine(_temp.Directory, "missing.rsp"));
        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("missing.rsp", err, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
