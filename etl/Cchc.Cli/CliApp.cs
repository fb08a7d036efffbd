using Cchc.Cli.Commands;
using Cchc.Warehouse;

namespace Cchc.Cli;

/// <summary>The <c>cchc</c> command: parses arguments, runs one command, maps failures to exit codes.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>The environment failed (log or disk full, lost connection, permission denied): nothing was the input's fault.</summary>
    public const int EnvironmentFailure = 4;

    public static IReadOnlyList<ICommand> Commands { get; } =
    [
        new DemoCommand(),
        new LoadCommand(),
        new StatusCommand(),
        new InspectCommand(),
        new NightlyCommand(),
        new PublishCommand(),
        new BenchCommand(),
        new DqCommand(),
        new DriversCommand(),
        new WhatIfCommand(),
        new ReportCommand(),
        new DacpacCommand(),
    ];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        CommandLine line;
        try
        {
            line = CommandLine.Parse(args);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"cchc: {e.Message}");
            return Usage;
        }

        if (line.Command is null or "help" or "--help" or "-h")
        {
            PrintHelp(stdout);
            return line.Command is null ? Usage : Ok;
        }

        var command = Commands.FirstOrDefault(c => c.Name == line.Command);
        if (command is null)
        {
            stderr.WriteLine($"cchc: unknown command '{line.Command}'. Run 'cchc help'.");
            return Usage;
        }

        var context = new CommandContext(line, stdout, stderr);
        try
        {
            return command.Run(context);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"cchc {command.Name}: {e.Message}");
            return Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"cchc {command.Name}: {OneLine(e)}");
            if (Environment.GetEnvironmentVariable("CCHC_DEBUG") == "1")
            {
                stderr.WriteLine(e);
            }

            // A writer that is busy, or a file or folder that is not there, is not the environment failing.
            return e is not (Warehouse.Engines.DuckDb.WarehouseBusyException or FileNotFoundException or DirectoryNotFoundException)
                   && WarehouseFailures.Classify(e) == FailureKind.Environment
                ? EnvironmentFailure
                : Failed;
        }
    }

    private static string OneLine(Exception e) => e.Message.ReplaceLineEndings(" ");

    private static void PrintHelp(TextWriter output)
    {
        output.WriteLine("cchc — PAR Index, PCI and PAPI warehouse and analytics");
        output.WriteLine();
        output.WriteLine("Usage: cchc <command> [options]   (--warehouse duckdb:<path>|sqlserver:<conn>, or env CCHC_WAREHOUSE)");
        output.WriteLine();
        foreach (var c in Commands)
        {
            output.WriteLine($"  {c.Usage,-58} {c.Summary}");
        }
    }
}
