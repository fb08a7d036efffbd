using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Cchc.Cli.Commands;

namespace Cchc.Cli.Parsing;

/// <summary>
/// The <c>cchc</c> command tree on System.CommandLine, built from the registered commands: each declares its syntax
/// (<see cref="ICommand.Declare"/>), and its body runs for it and for each of its subcommands. The root adds
/// <c>--quiet</c> for every command, <c>--help</c> with examples, <c>--version</c>, response files (<c>@file</c>), the
/// <c>[suggest]</c> directive behind shell completion, and a hidden <c>help [command]</c>.
/// </summary>
internal sealed class CliGrammar
{
    private readonly Dictionary<Command, List<(string Line, string What)>> _examples = [];

    public CliGrammar(IReadOnlyList<ICommand> commands, Func<ICommand, CommandLine, int> run)
    {
        ArgumentNullException.ThrowIfNull(commands);
        Root = new RootCommand("cchc — PAR Index (Chỉ số CCHC), PCI and PAPI warehouse and analytics: load the yearly files and " +
                               "one-stop logs, explain rank changes, write reports")
        {
            HelpName = "cchc",
        };
        Root.Options.Add(new Option<bool>("--quiet")
        {
            Description = "no progress lines or bars (results and errors are still printed)",
            Arity = ArgumentArity.Zero,
            Recursive = true,
        });
        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new ExamplesHelpAction(this);

        foreach (var command in commands)
        {
            var top = new Command(command.Name, command.Summary);
            command.Declare(new CommandSyntax(this, top));
            foreach (var leaf in Leaves(top))
            {
                leaf.SetAction(result => run(command, new CommandLine(result.CommandResult)));
            }

            Root.Subcommands.Add(top);
        }

        Root.Subcommands.Add(HelpCommand());
        AddExample(Root, "cchc demo --out out/demo", "sample data → warehouse → analysis → report");
        AddExample(Root, "cchc load pci ../shared/data/real/pci", "load every PCI workbook of a folder");
        AddExample(Root, "cchc load --help", "the kinds of file cchc loads");
        AddExample(Root, "cchc drivers --help", "the options of one command, with examples");
    }

    public RootCommand Root { get; }

    internal IReadOnlyList<(string Line, string What)> ExamplesOf(Command command) =>
        _examples.TryGetValue(command, out var list) ? list : [];

    internal void AddExample(Command command, string line, string what)
    {
        if (!_examples.TryGetValue(command, out var list))
        {
            _examples[command] = list = [];
        }

        list.Add((line, what));
    }

    /// <summary>The full name of a command as typed: "cchc load pci".</summary>
    internal static string PathOf(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = s.Parents.FirstOrDefault())
        {
            names.Add(c is RootCommand ? "cchc" : c.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);

    /// <summary><c>cchc help [command…]</c>, the same as <c>cchc [command…] --help</c>.</summary>
    private Command HelpCommand()
    {
        var words = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "show the help of cchc or of a command") { Hidden = true };
        help.Arguments.Add(words);
        help.SetAction(result =>
        {
            var path = result.GetValue(words) ?? [];
            if (Root.Parse(path) is { UnmatchedTokens.Count: > 0 } unknown)
            {
                foreach (var line in UsageErrors.Describe(unknown))
                {
                    result.InvocationConfiguration.Error.WriteLine(line);
                }

                return CliApp.Usage;
            }

            return Root.Parse([.. path, "--help"]).Invoke(result.InvocationConfiguration);
        });
        return help;
    }

    /// <summary>The library's help (description, usage, arguments, options, subcommands), then the command's examples.</summary>
    private sealed class ExamplesHelpAction(CliGrammar grammar) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            new HelpAction().Invoke(parseResult);
            var command = parseResult.CommandResult.Command;
            var examples = grammar.ExamplesOf(command);
            if (examples.Count == 0)
            {
                return 0;
            }

            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            var width = examples.Max(e => e.Line.Length);
            foreach (var (line, what) in examples)
            {
                output.WriteLine($"  {line.PadRight(width)}  # {what}");
            }

            output.WriteLine();
            return 0;
        }
    }
}
