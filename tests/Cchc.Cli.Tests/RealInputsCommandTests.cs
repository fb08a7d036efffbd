using System.Diagnostics;
using System.Text.Json;
using Cchc.Cli.Tests.Nightly;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Cli.Tests;

/// <summary>
/// The CLI on real-shaped inputs: the province of an export (--province, CCHC_PROVINCE, what the file carries) in
/// <c>load</c> and <c>nightly</c>, the row counts and overdue inbox files in <c>status</c>, a hostile file in a nightly
/// inbox over two nights, and side steps that never leave half-written output (publish, reports).
/// </summary>
public sealed class RealInputsCommandTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public RealInputsCommandTests()
    {
        _temp.Close();
    }

    private string Target => _temp.Target.ToString();

    private static string NoProvince => SharedData.Fixture("onestop", "no-province-column", "names-no-province.csv");

    [Fact]
    public void Load_onestop_names_the_option_when_the_export_names_no_province_and_uses_it_when_given()
    {
        var refused = CliHarness.Run("load", "onestop", NoProvince, "--warehouse", Target);
        Assert.Equal(CliApp.Failed, refused.ExitCode);
        Assert.Contains("names-no-province.csv: file 'names-no-province.csv': the export names no province", refused.Out);
        Assert.Contains("Pass --province P", refused.Out);

        var loaded = CliHarness.Run("load", "onestop", NoProvince, "--province", "lam dong", "--warehouse", Target);
        Assert.True(loaded.ExitCode == CliApp.Ok, loaded.Out + loaded.Err);
        Assert.Contains("names-no-province.csv: province 68 (Lâm Đồng) from --province (the file names none)", loaded.Out);
        Assert.Contains("rows read", loaded.Out);

        var json = CliHarness.Run("load", "onestop", SharedData.Fixture("onestop", "no-province-column", "title-row-ubnd-tinh.xlsx"), "--warehouse", Target, "--json");
        using var document = JsonDocument.Parse(json.Out);
        var file = document.RootElement.GetProperty("files")[0];
        Assert.StartsWith("68 (Lâm Đồng) from the title row 1", file.GetProperty("province").GetString());
        Assert.Equal(6, file.GetProperty("rows_read").GetInt32());
        Assert.Equal((4, 1, 1), (file.GetProperty("rows_loaded").GetInt32(), file.GetProperty("rows_quarantined").GetInt32(), file.GetProperty("rows_skipped").GetInt32()));

        var wrong = CliHarness.Run("load", "onestop", NoProvince, "--province", "Atlantis", "--warehouse", Target);
        Assert.Equal(CliApp.Usage, wrong.ExitCode);
        Assert.Contains("--province 'Atlantis' is not a province", wrong.Err);
    }

    [Fact]
    public void The_deployment_default_comes_from_CCHC_PROVINCE()
    {
        using var cli = CliProcess.Start(["load", "onestop", NoProvince, "--warehouse", Target], _temp.Directory, shellPrefix: "export CCHC_PROVINCE=79;");

        Assert.Equal(CliApp.Ok, cli.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Contains("province 79 (Hồ Chí Minh) from the deployment default CCHC_PROVINCE (the file names none)", cli.Output);
    }

    [Fact]
    public void Nightly_takes_the_province_option_logs_the_decision_and_status_shows_the_row_counts()
    {
        var inbox = Path.Combine(_temp.Directory, "inbox");
        Directory.CreateDirectory(inbox);
        File.Copy(NoProvince, Path.Combine(inbox, "export.csv"));
        var log = Path.Combine(_temp.Directory, "nightly.jsonl");

        var night = CliHarness.Run("nightly", "--inbox", inbox, "--warehouse", Target, "--settle", "0", "--log", log, "--province", "68");

        Assert.True(night.ExitCode == CliApp.Ok, night.Out + night.Err);
        Assert.Contains("export.csv: province 68 (Lâm Đồng) from --province (the file names none)", night.Out);
        Assert.Contains(File.ReadAllLines(log), l => l.Contains("\"event\":\"file\"", StringComparison.Ordinal)
                                                     && l.Contains("province 68 (Lâm Đồng) from --province", StringComparison.Ordinal));

        var status = CliHarness.Run("status", "--warehouse", Target);
        Assert.Contains("rows read = loaded + quarantined + skipped", status.Out);
        Assert.Matches(@"export\.csv\s+\|?\s*onestop\s+\|?\s*loaded\s+\|?\s*\d+\s+\|?\s*3\s+\|?\s*3\s+\|?\s*0\s+\|?\s*0", status.Out);
        using var json = JsonDocument.Parse(CliHarness.Run("status", "--warehouse", Target, "--json").Out);
        var file = json.RootElement.GetProperty("files")[0];
        Assert.Equal((3, 3, 0, 0), (file.GetProperty("rows_read").GetInt32(), file.GetProperty("rows_loaded").GetInt32(),
            file.GetProperty("rows_quarantined").GetInt32(), file.GetProperty("rows_skipped").GetInt32()));
    }

    [Fact]
    public void Status_warns_loudly_about_a_file_left_in_the_inbox_longer_than_the_alert_time()
    {
        var inbox = Path.Combine(_temp.Directory, "inbox");
        Directory.CreateDirectory(inbox);
        var locked = Path.Combine(inbox, "locked.csv");
        File.Copy(NoProvince, locked);
        string[] args = ["nightly", "--inbox", inbox, "--warehouse", Target, "--settle", "0", "--deferred-alert-hours", "0"];
        (int ExitCode, string Out, string Err) second;
        using (new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            CliHarness.Run(args);
            Thread.Sleep(20);
            second = CliHarness.Run(args);
        }

        Assert.Contains("OVERDUE: locked.csv has waited in the inbox since", second.Out);
        var status = CliHarness.Run("status", "--warehouse", Target);
        Assert.Contains("WARNING: locked.csv has waited in the inbox since", status.Out);
        Assert.Contains("(2 nightly runs)", status.Out);
    }

    [Fact]
    public void A_hostile_file_in_the_nightly_inbox_fails_alone_on_two_nights_and_the_good_files_load_once()
    {
        var inbox = Path.Combine(_temp.Directory, "inbox");
        NightlyInbox.Write(inbox, NightlyInbox.Loadable.Take(2));
        var hostile = SharedData.Fixture("docx", "hostile", "huge-gridspan.docx");
        File.Copy(hostile, Path.Combine(inbox, "Phụ lục.docx"));
        string[] args = ["nightly", "--inbox", inbox, "--warehouse", Target, "--settle", "0"];

        var first = CliHarness.Run(args);

        Assert.Equal(CliApp.Failed, first.ExitCode);
        Assert.Contains("2 loaded, 0 unchanged, 0 deferred, 1 failed", first.Out);
        Assert.Contains("w:gridSpan is 2,000,000,000", first.Out);

        NightlyInbox.Write(inbox, NightlyInbox.Loadable.Take(2)); // the operator drops everything again
        File.Copy(hostile, Path.Combine(inbox, "Phụ lục.docx"));
        var second = CliHarness.Run(args);

        Assert.Equal(CliApp.Failed, second.ExitCode);
        Assert.Contains("0 loaded, 2 unchanged, 0 deferred, 1 failed", second.Out);
        var snapshot = WarehouseSnapshot.Read(_temp.Target);
        Assert.Equal(2, snapshot.Loaded.Count);
        Assert.Equal(0, snapshot.OrphanFactRows);
        Assert.Equal(["partial", "failed"], snapshot.RunStatuses);
    }

    [Fact]
    public void A_publish_removes_the_half_written_copy_a_killed_publish_left()
    {
        var dead = DeadProcessId();
        var leftover = Path.Combine(_temp.Directory, $"test.published.duckdb.tmp-{dead}");
        File.WriteAllText(leftover, "half a database");
        File.WriteAllText(leftover + ".wal", "half a log");

        var publish = CliHarness.Run("publish", "--warehouse", Target);

        Assert.True(publish.ExitCode == CliApp.Ok, publish.Err);
        Assert.False(File.Exists(leftover));
        Assert.False(File.Exists(leftover + ".wal"));
        Assert.Empty(Directory.GetFiles(_temp.Directory, "*.tmp-*"));
    }

    [Fact]
    public void Reports_are_written_to_a_temporary_folder_and_renamed_into_place()
    {
        using (var warehouse = WarehouseFactory.Open(_temp.Target))
        {
            foreach (var year in new[] { 2016, 2017 })
            {
                var run = warehouse.StartRun("test");
                var scores = new[] { "01", "68", "79" }.Select((c, i) => new ScoreRecord("PAR", year, c, "TOTAL", 70 + i + (year - 2016) * (i - 1), null, true,
                    new SourceLocation("par.xlsx"))).ToList();
                using var session = warehouse.BeginFile(run, new SourceFileInfo($"par-{year}.xlsx", "par", new string('c', 64), 1));
                session.ClaimScope(FileScope.IndexYears("PAR", [year]));
                session.ReplaceScores("PAR", [year], scores);
                session.Commit(new FileLoadOutcome(3, 0, "loaded") { RowsRead = 3 });
            }
        }

        var outDir = Path.Combine(_temp.Directory, "report");
        var killed = Path.Combine(outDir, $".cchc-report.tmp-{DeadProcessId()}");
        Directory.CreateDirectory(killed);
        File.WriteAllText(Path.Combine(killed, "index.html"), "<html>half");

        var report = CliHarness.Run("report", "--province", "68", "--year", "2017", "--out", outDir, "--warehouse", Target);

        Assert.True(report.ExitCode == CliApp.Ok, report.Err);
        Assert.False(Directory.Exists(killed));
        Assert.Empty(Directory.GetDirectories(outDir));
        Assert.Contains("Lâm Đồng", File.ReadAllText(Path.Combine(outDir, "index.html")));
        Assert.NotEmpty(Directory.GetFiles(outDir, "*.png"));
    }

    /// <summary>The id of a process that has ended (a killed publish or report leaves its id in its temporary names).</summary>
    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", "-c true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }

    public void Dispose() => _temp.Dispose();
}
