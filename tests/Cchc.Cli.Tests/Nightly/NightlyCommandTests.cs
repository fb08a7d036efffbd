using System.Text.Json;
using Cchc.Cli.Commands;
using Cchc.Etl.Nightly;
using Cchc.Etl.Sources.Pci;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests.Nightly;

/// <summary><c>cchc nightly</c> through the CLI: exit codes, the --json summary, the JSON-lines log, what
/// <c>cchc status</c> shows afterwards, the writer lock, and the report options kept for the report step.</summary>
public sealed class NightlyCommandTests : IDisposable
{
    private readonly TempWarehouse _temp = new();
    private readonly string _inbox;
    private readonly string _log;

    public NightlyCommandTests()
    {
        _temp.Close();
        _inbox = Path.Combine(_temp.Directory, "inbox");
        _log = Path.Combine(_temp.Directory, "logs", "nightly.jsonl");
    }

    private string Warehouse => _temp.Target.Spec();

    private (int Code, string Out, string Err) Nightly(params string[] extra) =>
        CliHarness.Run(["nightly", "--inbox", _inbox, "--warehouse", Warehouse, "--settle", "0", "--log", _log, .. extra]);

    [Fact]
    public void A_clean_night_exits_0_with_a_json_summary_a_timed_log_and_a_status_line()
    {
        NightlyInbox.Write(_inbox, count: 2);

        var (code, output, err) = Nightly("--json");

        Assert.True(code == CliApp.Ok, err);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("run_id").GetInt64() > 0);
        Assert.True(root.GetProperty("succeeded").GetBoolean());
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["dq", "publish"], steps.Select(s => s.GetProperty("step").GetString()));
        Assert.All(steps, s => Assert.True(s.GetProperty("succeeded").GetBoolean(), s.GetProperty("error").GetString()));
        Assert.Matches(@"^\d+ finding\(s\): 0 error\(s\), \d+ warning\(s\)$", steps[0].GetProperty("detail").GetString());
        Assert.True(File.Exists(Path.Combine(_temp.Directory, "test.published.duckdb")), "the nightly run refreshes the copy Power BI reads");
        var files = root.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(NightlyInbox.Files.Take(2), files.Select(f => f.GetProperty("file").GetString()));
        Assert.All(files, f =>
        {
            Assert.Equal("loaded", f.GetProperty("outcome").GetString());
            Assert.Equal("papi", f.GetProperty("kind").GetString());
            Assert.True(f.GetProperty("rows_loaded").GetInt32() > 1000);
            Assert.Equal(0, f.GetProperty("rows_quarantined").GetInt32());
            Assert.True(f.GetProperty("seconds").GetDouble() > 0);
        });

        var log = File.ReadAllLines(_log).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(log, l =>
        {
            Assert.True(DateTime.TryParse(l.GetProperty("ts").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Contains(l.GetProperty("level").GetString(), new[] { "info", "warn", "error" });
            Assert.Equal(root.GetProperty("run_id").GetInt64(), l.GetProperty("run_id").GetInt64());
        });
        Assert.Equal(["run.start", "file", "file", "step.dq", "step.publish", "run.end"], log.Select(l => l.GetProperty("event").GetString()));
        Assert.All(log.Where(l => l.GetProperty("event").GetString() is "file" or "run.end"), l => Assert.True(l.GetProperty("ms").GetDouble() > 0));
        Assert.All(log.Where(l => l.GetProperty("event").GetString() == "file"), l => Assert.True(l.GetProperty("rows").GetInt64() > 1000));

        var status = CliHarness.Run("status", "--warehouse", Warehouse);
        Assert.Equal(CliApp.Ok, status.ExitCode);
        Assert.Contains("2 loaded, 0 unchanged, 0 deferred, 0 failed", status.Out);
        var statusJson = CliHarness.Run("status", "--warehouse", Warehouse, "--json");
        using var runs = JsonDocument.Parse(statusJson.Out);
        var run = runs.RootElement.GetProperty("runs")[0];
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.StartsWith("nightly --inbox", run.GetProperty("command").GetString());
        Assert.Equal("2 loaded, 0 unchanged, 0 deferred, 0 failed", run.GetProperty("message").GetString());
    }

    [Fact]
    public void A_night_with_a_bad_file_exits_1_names_the_reason_and_loads_the_rest()
    {
        NightlyInbox.Write(_inbox, count: 1);
        File.WriteAllBytes(Path.Combine(_inbox, "zz-empty.xlsx"), []);

        var (code, output, err) = Nightly();

        Assert.Equal(CliApp.Failed, code);
        Assert.Contains("1 loaded, 0 unchanged, 0 deferred, 1 failed", output);
        Assert.Contains("zero-byte file", output);
        Assert.Contains("ERROR file zz-empty.xlsx", err);
        Assert.True(File.Exists(Path.Combine(_inbox, "failed", "zz-empty.xlsx.reason.txt")));
        Assert.True(File.Exists(Path.Combine(_inbox, "processed", NightlyInbox.Files[0])));

        var again = Nightly("--json");
        Assert.Equal(CliApp.Ok, again.Code);
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(0, json.RootElement.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public void A_night_with_nothing_new_skips_the_steps_unless_the_last_night_left_them_unfinished()
    {
        // PAPI only: Lâm Đồng has no PAR or PCI report to write, so the first night's report step fails.
        NightlyInbox.Write(_inbox, count: 1);
        var reports = Path.Combine(_temp.Directory, "reports");
        var first = Nightly("--report-province", "68", "--report-out", reports);
        Assert.Equal(CliApp.Failed, first.Code);
        Assert.Contains("step reports: FAILED: 1 report(s) not written (68: the warehouse has no PAR or PCI scores for this province)", first.Out);

        // That night did not complete, so the next one runs the steps again although nothing is new …
        var retried = Nightly("--json");
        Assert.Equal(CliApp.Ok, retried.Code);
        using (var json = JsonDocument.Parse(retried.Out))
        {
            Assert.Equal(["dq", "publish"], json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        }

        // … and the one after that has nothing to do.
        var quiet = Nightly("--json");
        Assert.Equal(CliApp.Ok, quiet.Code);
        using (var json = JsonDocument.Parse(quiet.Out))
        {
            Assert.Equal(0, json.RootElement.GetProperty("steps").GetArrayLength());
            Assert.Contains("nothing new since the last complete nightly run", json.RootElement.GetProperty("steps_skipped_because").GetString());
        }
    }

    [Fact]
    public void Reports_of_the_chosen_provinces_are_regenerated_and_a_province_without_data_is_named()
    {
        Directory.CreateDirectory(_inbox);
        PciSampleWriter.WriteYear(_inbox, 2023);
        PciSampleWriter.WriteYear(_inbox, 2024);
        var reports = Path.Combine(_temp.Directory, "reports");

        var (code, output, err) = Nightly("--report-province", "68,01", "--report-out", reports);
        Assert.True(code == CliApp.Ok, err + output);
        Assert.Contains("step reports: wrote 2 report(s)", output);
        var lamDong = File.ReadAllText(Path.Combine(reports, "68-lam-dong", "index.html"));
        Assert.Contains("Lâm Đồng", lamDong);
        Assert.Contains("2024", lamDong);
        Assert.Contains("synthetic", lamDong);
        Assert.True(File.Exists(Path.Combine(reports, "01-ha-noi", "index.html")));

        // Hà Tây (28) was merged into Hà Nội in 2008: no scores, so the step fails naming it; the others are written.
        File.Delete(Path.Combine(reports, "68-lam-dong", "index.html"));
        PciSampleWriter.WriteYear(_inbox, 2022);
        var again = Nightly("--report-province", "28,68", "--report-out", reports);
        Assert.Equal(CliApp.Failed, again.Code);
        Assert.Contains("28: the warehouse has no PAR or PCI scores for this province", again.Out);
        Assert.True(File.Exists(Path.Combine(reports, "68-lam-dong", "index.html")));
    }

    [Fact]
    public void A_missing_inbox_or_option_is_a_clear_error()
    {
        var missing = Nightly();
        Assert.Equal(CliApp.Failed, missing.Code);
        Assert.Contains($"Inbox '{_inbox}' does not exist", missing.Err);

        var usage = CliHarness.Run("nightly", "--warehouse", Warehouse);
        Assert.Equal(CliApp.Usage, usage.ExitCode);
        Assert.Contains("cchc nightly: Option '--inbox' is required.", usage.Err);
    }

    [Fact]
    public void A_second_writer_exits_with_a_message_naming_the_holder()
    {
        NightlyInbox.Write(_inbox, count: 1);
        using (WriterLock.Acquire(_temp.Target, "cchc load pci (analyst)", TimeSpan.Zero))
        {
            var (code, _, err) = Nightly("--wait", "0");

            Assert.Equal(CliApp.WriterBusy, code);
            Assert.Contains("Another writer holds", err);
            Assert.Contains("cchc load pci (analyst)", err);
        }

        Assert.True(File.Exists(Path.Combine(_inbox, NightlyInbox.Files[0])), "the inbox must be untouched while another writer works");
        Assert.Equal(CliApp.Ok, Nightly().Code);
    }

    [Fact]
    public void Report_options_are_parsed_for_the_report_step()
    {
        var output = Path.Combine(_temp.Directory, "reports");

        var options = NightlyCommand.ParseOptions(Line("--report-province", "68, 1", "--report-province", "79", "--report-out", output));

        Assert.Equal(["68", "01", "79"], options.Reports!.ProvinceCodes);
        Assert.Equal(Path.GetFullPath(output), options.Reports.OutputDirectory);
        Assert.Null(NightlyCommand.ParseOptions(Line()).Reports);
    }

    [Fact]
    public void Province_attempts_and_the_alert_time_are_parsed_for_the_job()
    {
        var options = NightlyCommand.ParseOptions(Line("--province", "Lâm Đồng", "--max-attempts", "5", "--deferred-alert-hours", "12"));

        Assert.Equal("68", options.Province.Given);
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromHours(12), options.DeferredAlertAfter);
        var defaults = NightlyCommand.ParseOptions(Line());
        Assert.Equal((3, TimeSpan.FromHours(24)), (defaults.MaxAttempts, defaults.DeferredAlertAfter));
        Assert.Throws<UsageException>(() => NightlyCommand.ParseOptions(Line("--max-attempts", "0")));
        Assert.Throws<UsageException>(() => NightlyCommand.ParseOptions(Line("--province", "Atlantis")));
    }

    [Theory]
    [InlineData("--report-province", "68", "--report-out is required with --report-province")]
    [InlineData("--report-out", "out", "--report-province is required with --report-out")]
    [InlineData("--report-province", "68,99", "--report-province: '99' is not a GSO province code")]
    [InlineData("--report-province", "68,,", "--report-province: an empty province code")]
    public void Bad_report_options_are_usage_errors(string option, string value, string expected)
    {
        NightlyInbox.Write(_inbox, count: 1);
        var args = option == "--report-province" && !expected.Contains("--report-out is required", StringComparison.Ordinal)
            ? new[] { option, value, "--report-out", "out" }
            : [option, value];

        var (code, _, err) = Nightly(args);

        Assert.Equal(CliApp.Usage, code);
        Assert.Contains(expected, err);
        Assert.True(File.Exists(Path.Combine(_inbox, NightlyInbox.Files[0])), "nothing may be loaded when the command line is wrong");
    }

    private CommandLine Line(params string[] extra) => CommandLine.Parse(["nightly", "--inbox", _inbox, .. extra]);

    public void Dispose() => _temp.Dispose();
}
