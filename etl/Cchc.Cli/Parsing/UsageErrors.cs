using System.CommandLine;
using System.CommandLine.Parsing;

namespace Cchc.Cli.Parsing;

/// <summary>
/// A wrong command line in the words of the command that was meant: "cchc load pci: --year must be a year, not
/// 'twenty'", with the nearest command or option for a mistyped one ("cchc: unknown command 'lod'. Did you mean
/// 'load'?") and where to read more.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The lines to print for a parse that failed; the last one points to the help.</summary>
    public static IReadOnlyList<string> Describe(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        var path = CliGrammar.PathOf(command);
        // Problems with a value first (the values as typed), then what was left over or missing.
        var lines = result.Errors.Where(e => e.SymbolResult is OptionResult or ArgumentResult).Select(e => $"{path}: {e.Message}").ToList();
        if (result.UnmatchedTokens.Count > 0)
        {
            lines.Add($"{path}: {Unmatched(result.UnmatchedTokens[0], command)}");
        }
        else if (command.Action is null && command.Subcommands.Count > 0)
        {
            lines.Add($"{path}: say which {(command is RootCommand ? "command" : "one")}: {string.Join(", ", Visible(command.Subcommands).Select(c => c.Name))}");
        }
        else
        {
            lines.AddRange(result.Errors.Where(e => e.SymbolResult is not (OptionResult or ArgumentResult)).Select(e => $"{path}: {e.Message}"));
        }

        lines = lines.Distinct().ToList();

        lines.Add($"Run '{path} --help' for its {(command.Subcommands.Count > 0 ? "commands" : "options")} and examples.");
        return lines;
    }

    /// <summary>"unknown option '--provnice'. Did you mean '--province'?"</summary>
    public static string UnknownOption(string token, Command command)
    {
        var name = token.Split('=', ':')[0];
        return $"unknown option '{name}'{DidYouMean(name, OptionNames(command))}";
    }

    /// <summary>The known name nearest to what was typed, when it is near enough to be a typo (one or two edits, or
    /// one is the start of the other); null otherwise.</summary>
    public static string? Nearest(string typed, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var candidates = names.Select(n => (Name: n, Distance: Distance(typed.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(2, typed.Length / 3))
                        || c.Name.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(c.Name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
        return candidates.Count > 0 ? candidates[0].Name : null;
    }

    private static string Unmatched(string token, Command command)
    {
        if (token.StartsWith('-'))
        {
            return UnknownOption(token, command);
        }

        var subcommands = Visible(command.Subcommands).Select(c => c.Name).ToList();
        return subcommands.Count > 0
            ? $"unknown command '{token}'{DidYouMean(token, subcommands)}"
            : $"unexpected argument '{token}' ({CliGrammar.PathOf(command)} takes {(command.Arguments.Count == 0 ? "no arguments" : "only " + string.Join(", ", command.Arguments.Select(a => $"<{a.Name}>")))})";
    }

    private static string DidYouMean(string typed, IEnumerable<string> names) =>
        Nearest(typed, names) is { } nearest ? $". Did you mean '{nearest}'?" : string.Empty;

    /// <summary>The options a command takes: its own and those its parents share with it.</summary>
    private static IEnumerable<string> OptionNames(Command command)
    {
        var own = command.Options.Select(o => o.Name);
        var inherited = command.Parents.OfType<Command>().SelectMany(p => OptionNames(p, recursiveOnly: true));
        return own.Concat(inherited).Distinct();
    }

    private static IEnumerable<string> OptionNames(Command command, bool recursiveOnly) =>
        command.Options.Where(o => !recursiveOnly || o.Recursive).Select(o => o.Name)
            .Concat(command.Parents.OfType<Command>().SelectMany(p => OptionNames(p, recursiveOnly: true)));

    private static IEnumerable<Command> Visible(IEnumerable<Command> commands) => commands.Where(c => !c.Hidden);

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
