using System.Diagnostics;
using System.Text;
using Cchc.Cli.Tests.Nightly;
using Cchc.Etl.Samples;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary>
/// What a person sees: the real CLI loads a 120,000-row one-stop log under a pseudo-terminal (<c>script</c> from
/// util-linux) and draws Spectre.Console progress bars with rows/s and an ETA, and its summary as a bordered, coloured
/// table; piped, under <c>CI=true</c> or with <c>--json</c> it writes plain lines and no ANSI code at all.
/// </summary>
public sealed class TerminalOutputTests : IClassFixture<TerminalOutputTests.DossierLog>, IDisposable
{
    private const string Escape = "\u001b[";
    private const string BarCharacter = "━";
    private readonly DossierLog _log;
    private readonly TempWarehouse _temp = new();

    public TerminalOutputTests(DossierLog log)
    {
        _log = log;
        _temp.Close();
    }

    [Fact]
    public void On_a_terminal_a_load_shows_a_progress_bar_with_rows_per_second_and_a_bordered_table()
    {
        var (code, screen) = UnderTerminal(ci: null, "load", "onestop", _log.Path, "--warehouse", _temp.Target.ToString());

        Assert.True(code == CliApp.Ok, screen);
        Assert.Contains(Escape, screen, StringComparison.Ordinal);
        Assert.Contains(BarCharacter, screen, StringComparison.Ordinal);
        Assert.Contains("[1/1] onestop mot-cua-lam-dong.csv", screen, StringComparison.Ordinal);
        Assert.Matches(@"\d[\d,]* rows · [\d,]+ rows/s", Plain(screen));
        Assert.Contains("ETA", screen, StringComparison.Ordinal);
        Assert.Contains("╭", screen, StringComparison.Ordinal); // the summary table's rounded border
        Assert.Contains("1 of 1 files loaded", Plain(screen), StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_a_load_writes_plain_lines_and_no_ANSI_code()
    {
        var (code, output, err) = Piped("load", "onestop", _log.Path, "--warehouse", _temp.Target.ToString());

        Assert.True(code == CliApp.Ok, err);
        foreach (var text in new[] { output, err })
        {
            Assert.DoesNotContain(Escape, text, StringComparison.Ordinal);
            Assert.DoesNotContain(BarCharacter, text, StringComparison.Ordinal);
            Assert.DoesNotContain("╭", text, StringComparison.Ordinal);
        }

        Assert.Contains("[1/1] onestop mot-cua-lam-dong.csv …", err, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^      loaded \d+ rows, quarantined \d+, skipped \d+ of \d+ read \(", err);
        Assert.Matches(@"(?m)^file\s+kind\s+status\s+rows read\s+rows loaded\s+quarantined\s+skipped\s+time \(s\)$", output);
        Assert.Matches(@"(?m)^-+$", output);
    }

    [Theory]
    [InlineData("true")]
    [InlineData("json")]
    public void On_a_terminal_CI_or_json_means_plain_lines(string mode)
    {
        string[] args = mode == "json"
            ? ["load", "onestop", _log.Path, "--warehouse", _temp.Target.ToString(), "--json"]
            : ["load", "onestop", _log.Path, "--warehouse", _temp.Target.ToString()];

        var (code, screen) = UnderTerminal(ci: mode == "json" ? null : mode, args);

        Assert.True(code == CliApp.Ok, screen);
        Assert.DoesNotContain(BarCharacter, screen, StringComparison.Ordinal);
        Assert.Contains("[1/1] onestop mot-cua-lam-dong.csv …", screen, StringComparison.Ordinal);
        if (mode == "json")
        {
            Assert.Contains("\"rows_loaded\":", screen, StringComparison.Ordinal);
        }
        else
        {
            // No colour, no cursor movement (the .NET runtime itself switches a terminal's keypad mode, "ESC[?1h ESC=").
            Assert.DoesNotMatch(@"\x1b\[(\d+(;\d+)*)?[mABCDHJK]|\x1b\[\?25[lh]", screen);
        }
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs the CLI with a pseudo-terminal as its stdout and stderr (120 columns); returns what the terminal got.</summary>
    private static (int Code, string Screen) UnderTerminal(string? ci, params string[] args)
    {
        var command = "stty cols 120 rows 40 2>/dev/null; exec " + string.Join(' ', new[] { Dotnet(), CliProcess.CliDll }.Concat(args).Select(Quote));
        var info = Start("script", ci);
        foreach (var a in new[] { "-qefc", command, "/dev/null" })
        {
            info.ArgumentList.Add(a);
        }

        var (code, output, err) = Run(info);
        return (code, output + err);
    }

    private static (int Code, string Out, string Err) Piped(params string[] args)
    {
        var info = Start(Dotnet(), ci: null);
        info.ArgumentList.Add(CliProcess.CliDll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Run(info);
    }

    private static ProcessStartInfo Start(string program, string? ci)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.Environment.Remove("CI");
        info.Environment.Remove("NO_COLOR");
        info.Environment.Remove("CCHC_WAREHOUSE");
        info.Environment["TERM"] = "xterm-256color";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (ci is not null)
        {
            info.Environment["CI"] = ci;
        }

        return info;
    }

    private static (int Code, string Out, string Err) Run(ProcessStartInfo info)
    {
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start '{info.FileName}' ({e.Message}): this test needs util-linux's script and the dotnet host", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var err = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("cchc did not finish within 3 minutes: " + output.Result + err.Result);
            }

            process.WaitForExit();
            return (process.ExitCode, output.Result, err.Result);
        }
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>What the screen reads with the escape sequences taken out.</summary>
    private static string Plain(string screen) => System.Text.RegularExpressions.Regex.Replace(screen, @"\x1b\[[0-9;?]*[A-Za-z]", string.Empty);

    /// <summary>A synthetic one-stop log big enough to take a second or more to load, so that the bar is drawn with a rate.</summary>
    public sealed class DossierLog : IDisposable
    {
        public DossierLog()
        {
            Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-tty-" + Guid.NewGuid().ToString("N")[..8]);
            System.IO.Directory.CreateDirectory(Directory);
            Path = System.IO.Path.Combine(Directory, "mot-cua-lam-dong.csv");
            var dossiers = new OneStopLogGenerator(120_000).ReceivedIn(2023).ToList();
            using var writer = new StreamWriter(Path, false, new UTF8Encoding(false));
            OneStopLogGenerator.WriteCsv(writer, dossiers, new DateOnly(2023, 12, 31));
        }

        public string Directory { get; }

        public string Path { get; }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
    }
}
