using Cchc.Cli.Parsing;

namespace Cchc.Cli.Commands;

/// <summary>
/// One <c>cchc</c> command. Register it in <see cref="CliApp.Commands"/>; <see cref="Declare"/> says what it takes (its
/// help is generated from that), and <see cref="Run"/> does the work, reading its options through
/// <see cref="CommandContext.Line"/>. A wrong command line never reaches <see cref="Run"/>.
/// </summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line: what the command does (the first line of its help and its line in <c>cchc --help</c>).</summary>
    string Summary { get; }

    /// <summary>Its arguments, options, subcommands and examples.</summary>
    void Declare(CommandSyntax syntax);

    /// <summary>Does the work; returns the exit code (<see cref="CliApp.Ok"/>, <see cref="CliApp.Failed"/>, …).</summary>
    int Run(CommandContext context);
}
