using System.Diagnostics;
using System.Text.RegularExpressions;
using Cchc.Cli.Tests.Nightly;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests.Grammar;

/// <summary>
/// What the READMEs and the scheduler files say about the command line holds: every documented <c>cchc</c> line is
/// accepted, the help shown in README.md is what <c>--help</c> prints, and the completion lines complete.
/// </summary>
public sealed partial class DocumentedCommandLineTests
{
    private static readonly string[] Documents =
    [
        "README.md", "BENCHMARKS.md", "notebooks/README.md", "etl/README.md", "etl/scheduling/README.md",
        "etl/scheduling/cchc-nightly.service", "etl/scheduling/crontab.txt", "etl/scheduling/cchc-nightly-task.xml",
    ];

    [Fact]
    public void Every_documented_command_line_is_accepted()
    {
        var lines = Documents.SelectMany(d => CommandLines(d).Select(line => (Document: d, Line: line))).ToList();
        Assert.True(lines.Count > 20, $"found only {lines.Count} documented command lines");
        foreach (var kind in new[] { "demo", "load pci", "load papi", "load plan", "load par", "load onestop", "status", "dq", "drivers", "whatif", "report", "nightly", "bench onestop" })
        {
            Assert.True(lines.Any(l => l.Line.StartsWith(kind + " ", StringComparison.Ordinal) || l.Line == kind), $"no documented 'cchc {kind}' line");
        }

        var commandNames = Grammar.Paths().SelectMany(Grammar.Words).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (document, line) in lines)
        {
            var words = document.EndsWith(".xml", StringComparison.Ordinal) ? line.Split(' ').ToList() : Grammar.Split(line).ToList();
            if (words.Any(w => w.StartsWith('@')))
            {
                continue; // the rest of the line is in a response file the document does not hold
            }

            var result = Grammar.Build().Root.Parse(words);

            // "`cchc bench` (see BENCHMARKS.md)" names a command in prose; it need not be complete.
            var mention = words.All(commandNames.Contains);

            // Paths in the docs are relative to wherever the reader stands (and FILE is a placeholder): the rest must parse.
            var errors = result.Errors.Select(e => e.Message)
                .Where(m => !m.StartsWith("no such file or folder", StringComparison.Ordinal) && !m.StartsWith("Response file not found", StringComparison.Ordinal))
                .Where(m => !mention || !m.Contains("required", StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (errors.Count > 0)
            {
                problems.Add($"{document}: cchc {line}: {string.Join("; ", errors)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_help_shown_in_the_readme_is_what_the_command_prints()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var block = HelpBlock().Match(readme);
        Assert.True(block.Success, "README.md shows no '$ cchc … --help' block");
        var (code, output, _) = CliHarness.Run(Grammar.Split(block.Groups["line"].Value).Skip(1).ToArray());
        Assert.Equal(CliApp.Ok, code);
        Assert.Equal(output.ReplaceLineEndings("\n").TrimEnd(), block.Groups["help"].Value.TrimEnd());
    }

    [Theory]
    [InlineData("cchc lo", "load")]
    [InlineData("cchc load on", "onestop onestop-catalog onestop-report")]
    [InlineData("cchc drivers --index ", "PAPI PAR PCI")]
    [InlineData("cchc report --lang ", "en vi")]
    [InlineData("cchc status --j", "--json")]
    [InlineData("cchc load pci ", "")]
    public async Task The_readme_s_completion_lines_complete(string typed, string expected)
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var snippet = CompletionBlock().Match(readme);
        Assert.True(snippet.Success, "README.md has no bash block defining _cchc_complete");
        var words = typed.Split(' ');
        var script = $$"""
            cchc() { "{{Dotnet()}}" "{{CliProcess.CliDll}}" "$@"; }
            {{snippet.Groups["code"].Value}}
            COMP_LINE='{{typed}}'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=({{string.Join(' ', words.Select(w => $"'{w}'"))}}); COMP_CWORD={{words.Length - 1}}
            _cchc_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var info = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment.Remove("CCHC_WAREHOUSE");
        using var bash = Process.Start(info)!;
        bash.StandardInput.Write(script);
        bash.StandardInput.Close();
        var output = bash.StandardOutput.ReadToEndAsync();
        var err = bash.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await bash.WaitForExitAsync(timeout.Token);
        Assert.True(bash.ExitCode == 0, await err);
        Assert.Equal(expected, string.Join(' ', (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_suggest_directive_completes_in_process()
    {
        var (code, output, _) = CliHarness.Run("[suggest:12]", "cchc load on");
        Assert.Equal(CliApp.Ok, code);
        Assert.Contains("onestop", output.Split('\n').Select(l => l.Trim()));
        Assert.Contains("onestop-catalog", output.Split('\n').Select(l => l.Trim()));
        Assert.DoesNotContain("pci", output.Split('\n').Select(l => l.Trim()));
    }

    /// <summary>The <c>cchc</c> lines of a document, without "cchc" itself: <c>dotnet run --project etl/Cchc.Cli -- …</c>
    /// in code blocks, <c>cchc …</c> in inline code and scheduler files; placeholders (<c>&lt;export.csv|.xlsx&gt;...</c>)
    /// become a file name, and comments and shell redirections are dropped.</summary>
    private static IEnumerable<string> CommandLines(string document)
    {
        var text = System.Net.WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, document)));
        var found = DotnetRun().Matches(text).Select(m => m.Groups["args"].Value)
            .Concat(Cchc().Matches(text).Select(m => m.Groups["args"].Value));
        foreach (var raw in found)
        {
            var line = raw.Split(" #", 2)[0].Split(" >>", 2)[0].Split(" 2>", 2)[0].Split("</", 2)[0];
            line = Placeholder().Replace(line, "FILE").Replace("…", "FILE", StringComparison.Ordinal).Trim();
            line = string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w switch { "N" => "50000", "Y" => "2017", "P" => "68", _ => w }));
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    [GeneratedRegex(@"dotnet run (?:-c Release )?--project etl/Cchc\.Cli -- (?<args>[^\n`]+)")]
    private static partial Regex DotnetRun();

    // "cchc load onestop <file-or-folder>..." in prose, "/srv/cchc/bin/cchc nightly …" in scheduler files.
    [GeneratedRegex(@"(?:`|/bin/|bin\\)cchc(?:\.exe)? (?<args>(?:demo|load|status|inspect|nightly|publish|bench|dq|drivers|whatif|report)(?=[ `])[^`\n""]*)")]
    private static partial Regex Cchc();

    [GeneratedRegex(@"<[^>\s]+>(\.\.\.)?")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"```text\n\$ (?<line>cchc [^\n]+--help)\n(?<help>.*?)```", RegexOptions.Singleline)]
    private static partial Regex HelpBlock();

    [GeneratedRegex(@"```bash\n(?<code>_cchc_complete\(\).*?)```", RegexOptions.Singleline)]
    private static partial Regex CompletionBlock();
}
