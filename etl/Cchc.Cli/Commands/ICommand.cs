namespace Cchc.Cli.Commands;

public interface ICommand
{
    string Name { get; }

    string Usage { get; }

    string Summary { get; }

    int Run(CommandContext context);
}
