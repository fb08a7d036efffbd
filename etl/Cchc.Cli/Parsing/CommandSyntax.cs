using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Cchc.Cli.Parsing;

/// <summary>
/// What a command takes — arguments, options, rules between them — and the examples its help shows, declared one line
/// each on the System.CommandLine <see cref="Command"/> behind it. Every value option is a string option with a
/// validator, so a command reads the text the user typed (<see cref="CommandLine.Option"/>) and a wrong value is a usage
/// error at parse time, before the command opens anything.
/// </summary>
internal sealed class CommandSyntax
{
    private readonly CliGrammar _grammar;

    internal CommandSyntax(CliGrammar grammar, Command command)
    {
        _grammar = grammar;
        Command = command;
    }

    internal Command Command { get; }

    /// <summary>Free text: a path, a name, a connection.</summary>
    public CommandSyntax Text(string name, string valueName, string description, bool required = false) =>
        Add(ValueOption(name, valueName, description, required));

    /// <summary>A whole number, at least <paramref name="min"/>.</summary>
    public CommandSyntax Number(string name, string valueName, string description, int min = int.MinValue, bool required = false) =>
        Add(ValueOption(name, valueName, description, required, text =>
            !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? $"--{name} must be a whole number, not '{text}'"
            : n < min ? $"--{name} must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {text}"
            : null));

    /// <summary>A calendar year of the indices (1990–2100).</summary>
    public CommandSyntax Year(string name, string description, bool required = false) =>
        Add(ValueOption(name, "YEAR", description, required, text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100
                ? null
                : $"--{name} must be a year, not '{text}'"));

    /// <summary>A number of seconds, zero or more (fractions allowed).</summary>
    public CommandSyntax Seconds(string name, string description) =>
        Add(ValueOption(name, "SECONDS", description, required: false, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0
                ? null
                : $"--{name} must be a number of seconds, not '{text}'"));

    /// <summary>One of a few words, in any letter case.</summary>
    public CommandSyntax OneOf(string name, string description, params string[] values)
    {
        var option = ValueOption(name, string.Join('|', values), description, required: false, text =>
            values.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase) ? null : $"--{name} must be {Alternatives(values)}, not '{text}'");
        option.CompletionSources.Add(values);
        return Add(option);
    }

    /// <summary>A switch that takes no value.</summary>
    public CommandSyntax Flag(string name, string description) =>
        Add(new Option<bool>("--" + name) { Description = description, Arity = ArgumentArity.Zero });

    /// <summary>An option that may be given several times (<c>--set 1.2=3 --set 5.1=2</c>).</summary>
    public CommandSyntax Repeated(string name, string valueName, string description)
    {
        var option = new Option<string[]>("--" + name)
        {
            Description = description,
            HelpName = valueName,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result => RejectOptionsAsValues(result, name));
        return Add(option);
    }

    /// <summary>Positional arguments: files or folders that must exist, one or more (exactly one when
    /// <paramref name="many"/> is false).</summary>
    public CommandSyntax Arguments(string name, string description, bool many = true)
    {
        var argument = new Argument<string[]>(name)
        {
            Description = description,
            Arity = many ? ArgumentArity.OneOrMore : ArgumentArity.ExactlyOne,
        };
        argument.Validators.Add(CheckPaths);
        Command.Arguments.Add(argument);
        return this;
    }

    /// <summary>An example for the help: the command line (starting with <c>cchc</c>) and what it does.</summary>
    public CommandSyntax Example(string commandLine, string what)
    {
        _grammar.AddExample(Command, commandLine, what);
        return this;
    }

    /// <summary>A rule over several options: returns the problem, or null when the line is fine. It is checked once
    /// the options themselves are right (an error here would hide a missing required option).</summary>
    public CommandSyntax Rule(Func<CommandLine, string?> problem)
    {
        Command.Validators.Add(result =>
        {
            var incomplete = Command.Options.Any(o => o.Required && result.GetResult(o) is null) || result.Children.SelectMany(c => c.Errors).Any();
            if (!incomplete && problem(new CommandLine(result)) is { } message)
            {
                result.AddError(message);
            }
        });
        return this;
    }

    /// <summary>A subcommand (<c>load pci</c>, <c>bench onestop</c>); the parent's command body runs for it.</summary>
    public CommandSyntax Subcommand(string name, string description, Action<CommandSyntax> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        var sub = new Command(name, description);
        Command.Subcommands.Add(sub);
        declare(new CommandSyntax(_grammar, sub));
        return this;
    }

    /// <summary>Makes the options declared so far apply to the subcommands too (declared once on <c>load</c>).</summary>
    public CommandSyntax SharedWithSubcommands()
    {
        foreach (var option in Command.Options)
        {
            option.Recursive = true;
        }

        return this;
    }

    /// <summary><c>--warehouse</c>: every command that reads or writes the warehouse.</summary>
    public CommandSyntax Warehouse() =>
        Text("warehouse", "W", "duckdb:<path> or sqlserver:<connection string> (default: env CCHC_WAREHOUSE, else cchc.duckdb here)");

    /// <summary><c>--warehouse</c> and <c>--wait</c>: commands that write, under the single-writer lock.</summary>
    public CommandSyntax Writer() => Warehouse()
        .Number("wait", "SECONDS", "wait up to this long for another writer to finish (default 0: exit 3 at once)", min: 0);

    /// <summary><c>--json</c>: the result as JSON (snake_case) on stdout, progress as plain lines on stderr.</summary>
    public CommandSyntax Json(string what = "the result") =>
        Flag("json", $"print {what} as JSON (snake_case) on stdout; progress as plain lines on stderr");

    private CommandSyntax Add(Option option)
    {
        Command.Options.Add(option);
        return this;
    }

    private static Option<string> ValueOption(string name, string valueName, string description, bool required, Func<string, string?>? check = null)
    {
        var option = new Option<string>("--" + name) { Description = description, HelpName = valueName, Required = required };
        option.Validators.Add(result =>
        {
            if (RejectOptionsAsValues(result, name) && check is not null && result.Tokens.Count > 0 && check(result.Tokens[^1].Value) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return option;
    }

    /// <summary>An option's value that looks like another option (<c>--year --json</c>) means the value was left out.</summary>
    private static bool RejectOptionsAsValues(OptionResult result, string name)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"--{name} needs a value (found the option '{token.Value}' instead)");
                return false;
            }
        }

        return true;
    }

    /// <summary>A positional value that looks like an option is a mistyped option, not a file named "--provnice"; a
    /// path that does not exist is a typo too, found before anything is opened.</summary>
    private static void CheckPaths(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (File.Exists(token.Value) || Directory.Exists(token.Value))
            {
                continue;
            }

            result.AddError(token.Value.StartsWith('-') && token.Value.Length > 1
                ? UsageErrors.UnknownOption(token.Value, ((CommandResult)result.Parent!).Command)
                : $"no such file or folder: '{token.Value}'");
            return;
        }
    }

    private static string Alternatives(IReadOnlyList<string> values) =>
        values.Count == 1 ? values[0] : string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1];
}
