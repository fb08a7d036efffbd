namespace Cchc.Cli;

/// <summary>
/// <c>cchc &lt;command&gt; [positional…] [--option value] [--flag]</c>. Options may repeat (<c>--set 1.2=3 --set 5.1=2</c>)
/// and may be written <c>--option=value</c>.
/// </summary>
public sealed class CommandLine
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal)
    {
        "json", "all", "help", "keep", "no-report", "verbose", "quiet", "force", "rules", "no-run", "no-models",
    };

    private readonly Dictionary<string, List<string>> _options;

    private CommandLine(string? command, IReadOnlyList<string> positional, Dictionary<string, List<string>> options)
    {
        Command = command;
        Positional = positional;
        _options = options;
    }

    public string? Command { get; }

    public IReadOnlyList<string> Positional { get; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string value;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (Flags.Contains(name))
                {
                    value = "true";
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    throw new UsageException($"option --{name} needs a value");
                }

                if (!options.TryGetValue(name, out var list))
                {
                    options[name] = list = [];
                }

                list.Add(value);
            }
            else
            {
                positional.Add(arg);
            }
        }

        return positional.Count == 0
            ? new CommandLine(null, [], options)
            : new CommandLine(positional[0], positional.Skip(1).ToList(), options);
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Option(string name) => _options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> Options(string name) => _options.TryGetValue(name, out var v) ? v : [];

    public string RequireOption(string name) => Option(name) ?? throw new UsageException($"--{name} is required");

    public int? IntOption(string name) =>
        Option(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n
        : throw new UsageException($"--{name} must be a whole number, not '{text}'");
}

/// <summary>A mistake in how the command was called (exit code 2).</summary>
public sealed class UsageException(string message) : Exception(message);
