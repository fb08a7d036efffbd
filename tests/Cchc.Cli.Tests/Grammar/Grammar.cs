using System.CommandLine;
using System.Text;
using Cchc.Cli.Parsing;

namespace Cchc.Cli.Tests.Grammar;

/// <summary>The CLI's real command tree (commands are not run), and a shell-like splitter for documented command lines.</summary>
internal static class Grammar
{
    public static CliGrammar Build() => new(CliApp.Commands, (_, _) => CliApp.Ok);

    /// <summary>Every visible command and subcommand: "" for cchc itself, "load", "load pci", …</summary>
    public static IReadOnlyList<string> Paths()
    {
        var paths = new List<string>();
        void Walk(Command command, string path)
        {
            paths.Add(path);
            foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            {
                Walk(sub, (path + " " + sub.Name).Trim());
            }
        }

        Walk(Build().Root, string.Empty);
        return paths;
    }

    public static Command Find(CliGrammar grammar, string path) =>
        path.Split(' ', StringSplitOptions.RemoveEmptyEntries).Aggregate((Command)grammar.Root, (c, name) => c.Subcommands.Single(s => s.Name == name));

    public static string[] Words(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Splits a command line as a POSIX shell would for the simple lines docs hold: spaces separate words,
    /// double or single quotes keep spaces, a backslash escapes the next character.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                word.Append(line[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
