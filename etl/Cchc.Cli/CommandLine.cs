using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Cchc.Cli.Parsing;

namespace Cchc.Cli;

/// <summary>
/// What a command body reads of its command line, from the System.CommandLine parse result: options by name (without
/// the dashes) and the positional words. Options are the ones the command declares (its own and those its parents
/// share with it); one it does not declare reads as not given. Values are the text as typed, already validated by the
/// declaration (a <c>Number</c> option's value parses as a whole number).
/// </summary>
internal sealed class CommandLine
{
    private readonly CommandResult _leaf;

    internal CommandLine(CommandResult leaf)
    {
        _leaf = leaf;
    }

    /// <summary>The command's name ("load"), or null for the bare <c>cchc</c>.</summary>
    public string? Command => Chain().FirstOrDefault()?.Command.Name;

    /// <summary>The command as typed, for messages: "cchc load pci".</summary>
    public string CommandPath => CliGrammar.PathOf(_leaf.Command);

    /// <summary>The words after the command's name: subcommand names, then the arguments (<c>cchc load pci a.xlsx b.xlsx</c>
    /// → "pci", "a.xlsx", "b.xlsx").</summary>
    public IReadOnlyList<string> Positional =>
        [.. Chain().Skip(1).Select(c => c.Command.Name), .. _leaf.Command.Arguments.SelectMany(a => _leaf.GetResult(a)?.Tokens ?? []).Select(t => t.Value)];

    /// <summary>Parses <paramref name="args"/> with the grammar of every registered command; a wrong line throws
    /// <see cref="UsageException"/> with the first problem.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new CliGrammar(CliApp.Commands, (_, _) => CliApp.Ok).Root.Parse(args);
        return result.Errors.Count == 0
            ? new CommandLine(result.CommandResult)
            : throw new UsageException(UsageErrors.Describe(result)[0]);
    }

    public bool Has(string name) => Given(name) is not null;

    /// <summary>The value (the last one, for a repeated option); "true" for a flag that is given; null when not given.</summary>
    public string? Option(string name) =>
        Given(name) is not { } result ? null
        : result.Tokens.Count == 0 ? "true"
        : result.Tokens[^1].Value;

    public IReadOnlyList<string> Options(string name) => Given(name)?.Tokens.Select(t => t.Value).ToList() ?? [];

    public string RequireOption(string name) => Option(name) ?? throw new UsageException($"Option '--{name}' is required.");

    public int? IntOption(string name) =>
        Option(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new UsageException($"--{name} must be a whole number, not '{text}'");

    private OptionResult? Given(string name)
    {
        var option = Declared("--" + name);
        return option is null || _leaf.GetResult(option) is not { Implicit: false } result ? null : result;
    }

    /// <summary>The option of that name the leaf command takes: its own, or one a parent shares with its subcommands.</summary>
    private Option? Declared(string name)
    {
        for (Symbol? symbol = _leaf.Command; symbol is Command command; symbol = command.Parents.FirstOrDefault())
        {
            var option = command.Options.FirstOrDefault(o => o.Name == name);
            if (option is not null && (command == _leaf.Command || option.Recursive))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>The commands from the top-level one (child of the root) down to the leaf.</summary>
    private List<CommandResult> Chain()
    {
        var chain = new List<CommandResult>();
        for (var result = _leaf; result.Parent is CommandResult parent; result = parent)
        {
            chain.Add(result);
        }

        chain.Reverse();
        return chain;
    }
}

/// <summary>A mistake in how the command was called (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
