using Spectre.Console;

namespace Cchc.Cli.Output;

/// <summary>
/// What an output stream can show. Styled (colour where the terminal has it, the terminal's width, live progress) only
/// when it is the process's own terminal and the environment does not ask for plain output (<c>CI</c> set, or
/// <c>TERM=dumb</c>; <c>NO_COLOR</c> keeps the terminal but drops colour). Anything else — a pipe, a file, a test's
/// StringWriter — gets plain text: no ANSI codes, no wrapping.
/// </summary>
internal static class Consoles
{
    /// <summary>Wide enough that no table row wraps in a file or a pipe.</summary>
    private const int PlainWidth = 4096;

    public static bool PlainByEnvironment =>
        Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && !ci.Equals("false", StringComparison.OrdinalIgnoreCase) && ci != "0"
        || string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    public static bool IsStyled(TextWriter writer) => !PlainByEnvironment && new AnsiConsoleOutput(Unwrap(writer)).IsTerminal;

    /// <summary>A Spectre console over the writer: styled as <see cref="IsStyled"/> says.</summary>
    public static IAnsiConsole For(TextWriter writer)
    {
        var target = Unwrap(writer);
        if (IsStyled(target))
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(target) });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(target),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PlainWidth;
        return console;
    }

    private static TextWriter Unwrap(TextWriter writer) => writer is RoutedWriter routed ? routed.Inner : writer;
}
