using System.CommandLine;
using System.Text.RegularExpressions;
using Cchc.Cli.Commands;
using Cchc.Etl.Loading;

namespace Cchc.Cli.Tests.Grammar;

/// <summary><c>--help</c> on every command and subcommand: a description, the options, examples that are real command
/// lines, exit 0, and the command never runs.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "cchc-help-" + Guid.NewGuid().ToString("N")[..8]);

    public static TheoryData<string> CommandPaths() => new(Grammar.Paths());

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_command_s_help_gives_its_description_options_and_an_example_and_exits_0(string path)
    {
        var grammar = Grammar.Build();
        var command = Grammar.Find(grammar, path);

        var (code, output, err) = CliHarness.Run([.. Grammar.Words(path), "--help"]);

        Assert.True(code == CliApp.Ok, err);
        Assert.Equal(string.Empty, err);
        var fullName = ("cchc " + path).Trim();
        Assert.Contains("Description:" + Environment.NewLine + "  " + command.Description, output, StringComparison.Ordinal);
        Assert.Contains("Usage:" + Environment.NewLine + "  " + fullName, output, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(command.Description), $"{fullName} has no description");
        foreach (var option in command.Options.Where(o => !o.Hidden))
        {
            Assert.Matches($@"(?m)^  (-\S+, )*{Regex.Escape(option.Name)}\b", output);
        }

        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            Assert.Matches($@"(?m)^  {Regex.Escape(sub.Name)}\b.*{Regex.Escape(sub.Description!)}", output);
        }

        var examples = output[output.IndexOf("Examples:", StringComparison.Ordinal)..].Split('\n').Skip(1).TakeWhile(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.Matches(@"^  cchc .+  # \S", e));
        Assert.Contains(examples, e => e.StartsWith("  " + fullName + " ", StringComparison.Ordinal) || path.Length == 0);
    }

    [Fact]
    public void Every_example_in_the_help_is_a_valid_command_line()
    {
        var grammar = Grammar.Build();
        var problems = new List<string>();
        foreach (var path in Grammar.Paths())
        {
            foreach (var (line, _) in grammar.ExamplesOf(Grammar.Find(grammar, path)))
            {
                var words = Grammar.Split(line);
                Assert.Equal("cchc", words[0]);
                // The files an example names are illustrations (relative to wherever a user stands): all else must parse.
                var result = Grammar.Build().Root.Parse(words.Skip(1).ToList());
                var errors = result.Errors.Select(e => e.Message).Where(m => !m.StartsWith("no such file or folder", StringComparison.Ordinal)).ToList();
                if (errors.Count > 0)
                {
                    problems.Add($"{line}: {string.Join("; ", errors)}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_never_runs_the_command(string help)
    {
        var warehouse = "duckdb:" + Path.Combine(_temp, "w.duckdb");
        var demo = Path.Combine(_temp, "demo");
        var inbox = Path.Combine(_temp, "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "notes.csv"), "a,b\n1,2\n");
        string[][] lines =
        [
            ["demo", "--out", demo, help],
            ["publish", "--warehouse", warehouse, help],
            ["load", "pci", Path.Combine(inbox, "notes.csv"), "--warehouse", warehouse, help],
            ["nightly", "--inbox", inbox, "--warehouse", warehouse, help],
            ["report", "--all", "--year", "2017", "--out", Path.Combine(_temp, "reports"), "--warehouse", warehouse, help],
            ["dq", "--warehouse", warehouse, help],
            ["bench", "onestop", "--rows", "10000", "--dir", Path.Combine(_temp, "bench"), help],
            ["report", help], // its required options are missing: help all the same
        ];

        foreach (var line in lines)
        {
            var (code, output, err) = CliHarness.Run(line);
            Assert.True(code == CliApp.Ok, $"{string.Join(' ', line)}: {err}");
            Assert.Contains("Usage:", output, StringComparison.Ordinal);
        }

        Assert.Equal(["inbox"], Directory.GetFileSystemEntries(_temp).Select(Path.GetFileName));
        Assert.Equal(["notes.csv"], Directory.GetFileSystemEntries(inbox).Select(Path.GetFileName));
    }

    [Fact]
    public void The_help_command_shows_the_same_help_as_the_option()
    {
        Assert.Equal(CliHarness.Run("load", "plan", "--help"), CliHarness.Run("help", "load", "plan"));
        Assert.Equal(CliHarness.Run("--help"), CliHarness.Run("help"));
        var unknown = CliHarness.Run("help", "lod");
        Assert.Equal(CliApp.Usage, unknown.ExitCode);
        Assert.Contains("Did you mean 'load'?", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Cchc_alone_shows_the_commands_and_is_a_usage_error()
    {
        var (code, output, _) = CliHarness.Run();
        Assert.Equal(CliApp.Usage, code);
        Assert.Contains("Commands:", output, StringComparison.Ordinal);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_loader_has_its_load_subcommand_with_its_options()
    {
        var grammar = Grammar.Build();
        var load = Grammar.Find(grammar, "load");
        Assert.Equal(LoaderRegistry.Kinds, load.Subcommands.Select(c => c.Name));
        var undescribed = LoaderRegistry.Kinds.Where(k => LoadCommand.Kinds.All(d => d.Name != k)).ToList();
        Assert.True(undescribed.Count == 0, $"add a line to LoadCommand.Kinds for: {string.Join(", ", undescribed)}");
        foreach (var loader in LoaderRegistry.All.OfType<IConfigurableFileLoader>())
        {
            var declared = load.Subcommands.Single(c => c.Name == loader.Kind).Options.Select(o => o.Name.TrimStart('-'));
            Assert.All(loader.OptionNames, name => Assert.Contains(name, declared));
        }
    }

    [Fact]
    public void A_command_s_help_is_the_one_of_its_declaration()
    {
        // The plan kind: the three options of RemediationPlanLoader, the shared ones, its example.
        var (_, output, _) = CliHarness.Run("load", "plan", "--help");
        foreach (var expected in new[] { "--province <P>", "--year <YEAR>", "--result-year <YEAR>", "--warehouse <W>", "--wait <SECONDS>", "--json", "--quiet",
                     "cchc load plan tests/fixtures/plan/ke-hoach-3770-phu-luc.docx" })
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }

        Assert.Contains("(REQUIRED)", CliHarness.Run("drivers", "--help").Out, StringComparison.Ordinal);
        Assert.Matches(@"--index <PAR\|PCI\|PAPI>", CliHarness.Run("drivers", "--help").Out);
    }

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }
}
