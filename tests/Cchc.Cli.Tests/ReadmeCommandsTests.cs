using System.Diagnostics;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Nightly;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary>
/// The commands in README.md's bash blocks run, in the order a reader types them, in a fresh folder: the demo, the
/// loads of real files and fixtures into the demo's warehouse, the analyses, the reports and the nightly. A command the
/// walkthrough cannot run (a placeholder, an unknown program) fails the test, so the README cannot drift into prose
/// that only looks like commands. This is Sep's habit: the examples are tests.
/// </summary>
public sealed partial class ReadmeCommandsTests
{
    [Fact]
    public void The_readme_s_commands_run_in_order_on_a_temporary_warehouse()
    {
        var steps = Steps(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md")).ReplaceLineEndings("\n")).ToList();
        Assert.True(steps.Count(s => s.Cli is not null) >= 15, $"README.md shows only {steps.Count(s => s.Cli is not null)} cchc commands");

        var work = Directory.CreateTempSubdirectory("cchc-readme-").FullName;
        try
        {
            var environment = new Dictionary<string, string>(StringComparer.Ordinal);
            var ran = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in steps)
            {
                if (step.Export is var (name, value))
                {
                    environment[name] = value;
                    continue;
                }

                // The notebooks section repeats the demo the quick start ran: once is the same proof at half the time.
                if (!ran.Add(string.Join('\0', step.Cli!)))
                {
                    continue;
                }

                var args = step.Cli!.Select(word => Localize(word, work)).ToList();
                var (code, output) = Run(args, work, environment);
                Assert.True(code == 0, $"README.md line {step.Line}: cchc {string.Join(' ', step.Cli!)} exited {code}:{Environment.NewLine}{Tail(output)}");
                foreach (var written in OutValues(args).Select(path => Path.Combine(work, path)))
                {
                    Assert.True(Directory.Exists(written) || File.Exists(written), $"README.md line {step.Line}: cchc {string.Join(' ', step.Cli!)} wrote nothing to {written}");
                }
            }

            Assert.True(File.Exists(Path.Combine(work, "out", "demo", "report", "index.html")), "the demo wrote no out/demo/report/index.html");
            Assert.True(File.Exists(Path.Combine(work, "nightly.jsonl")), "the nightly wrote no nightly.jsonl");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Theory]
    [InlineData("dotnet run --project etl/Cchc.Cli -- load onestop <export.csv>", "placeholder")]
    [InlineData("cchc status", "cannot run")]
    [InlineData("rm -rf out", "cannot run")]
    public void A_line_the_walkthrough_cannot_run_fails_it(string line, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Steps($"```bash\n{line}\n```\n").ToList());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A step of the walkthrough: a cchc command's words, or an environment variable set for the ones after it.</summary>
    private sealed record Step(int Line, IReadOnlyList<string>? Cli, (string Name, string Value)? Export);

    private static IEnumerable<Step> Steps(string readme)
    {
        foreach (Match block in BashBlock().Matches(readme))
        {
            var code = block.Groups["code"];

            // A block that defines a shell function (the completion snippet) is sourced, not run: DocumentedCommandLineTests runs it.
            if (ShellFunction().IsMatch(code.Value))
            {
                continue;
            }

            var firstLine = readme[..code.Index].Count(c => c == '\n') + 1;
            foreach (var (text, offset) in code.Value.Split('\n').Select((t, i) => (t, i)))
            {
                var line = text.Split(" #", 2)[0].Trim();
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                var number = firstLine + offset;
                if (DotnetRun().Match(line) is { Success: true } run)
                {
                    if (Placeholder().IsMatch(run.Groups["args"].Value))
                    {
                        throw new InvalidOperationException($"README.md line {number}: '{line}' holds a placeholder; show a file the reader can run it on");
                    }

                    yield return new Step(number, Grammar.Grammar.Split(run.Groups["args"].Value), null);
                }
                else if (Export().Match(line) is { Success: true } export)
                {
                    yield return new Step(number, null, (export.Groups["name"].Value, export.Groups["value"].Value));
                }
                else if (!BuildOrTest().IsMatch(line))
                {
                    // "dotnet test" is this very run and "dotnet build" built what it runs; anything else must be a cchc command.
                    throw new InvalidOperationException($"README.md line {number}: the walkthrough cannot run '{line}'");
                }
            }
        }
    }

    /// <summary>Paths as a reader standing in the repository means them: files of the repository (and ../shared)
    /// absolute, outputs (out/…, a bare file name) inside the temporary folder, and an absolute deployment folder
    /// (/srv/cchc/inbox) a fresh empty folder inside it.</summary>
    private static string Localize(string word, string work)
    {
        if (word.StartsWith('-') || word.Length == 0)
        {
            return word;
        }

        if (Path.IsPathFullyQualified(word))
        {
            var folder = Path.Combine(work, "deployment", word.TrimStart('/', '\\').Replace(':', '_'));
            Directory.CreateDirectory(folder);
            return folder;
        }

        var inRepository = Path.GetFullPath(Path.Combine(SharedData.RepositoryRoot, word));
        return !word.StartsWith("out/", StringComparison.Ordinal) && (File.Exists(inRepository) || Directory.Exists(inRepository)) ? inRepository : word;
    }

    private static IEnumerable<string> OutValues(IReadOnlyList<string> args) =>
        args.Zip(args.Skip(1)).Where(pair => pair.First is "--out" or "--log").Select(pair => pair.Second);

    private static (int Code, string Output) Run(IEnumerable<string> args, string work, IReadOnlyDictionary<string, string> environment)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(CliProcess.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Only what the README sets: a developer's own warehouse or province must not leak into the walkthrough.
        foreach (var name in new[] { "CCHC_WAREHOUSE", "CCHC_PROVINCE" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out after 5 minutes" + Environment.NewLine + stderr.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Tail(string output) => string.Join(Environment.NewLine, output.ReplaceLineEndings("\n").Split('\n').TakeLast(30));

    [GeneratedRegex(@"^```bash\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"^\s*\w+\(\)\s*\{", RegexOptions.Multiline)]
    private static partial Regex ShellFunction();

    [GeneratedRegex(@"^dotnet run (?:-c Release )?--project etl/Cchc\.Cli -- (?<args>.+)$")]
    private static partial Regex DotnetRun();

    [GeneratedRegex(@"^export (?<name>[A-Z_]+)=(?<value>\S+)$")]
    private static partial Regex Export();

    [GeneratedRegex(@"^dotnet (?:test CchcAnalytics\.sln|build etl/Cchc\.Cli)$")]
    private static partial Regex BuildOrTest();

    [GeneratedRegex(@"<[^>\s]+>|\[--")]
    private static partial Regex Placeholder();
}
