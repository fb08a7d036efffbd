using System.CommandLine;
using Cchc.Cli.Commands;
using Cchc.Cli.Parsing;
using Cchc.Etl.Loading;
using Cchc.Etl.Nightly;
using Cchc.Warehouse.Engines.DuckDb;

namespace Cchc.Cli;

/// <summary>The <c>cchc</c> command: parses arguments, runs one command, maps failures to exit codes.</summary>
internal static class CliApp
{
    /// <summary>The command did all its work.</summary>
    public const int Ok = 0;

    /// <summary>Some file (or the command's own work) failed; the rest was done and the reason printed.</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong; nothing was opened or changed.</summary>
    public const int Usage = 2;

    /// <summary>Another process holds the warehouse's writer lock (see --wait); nothing was changed.</summary>
    public const int WriterBusy = 3;

    /// <summary>The machine failed, not the input: disk or log full, I/O error, permission denied, lost connection,
    /// failed commit. The warehouse stays at its last commit; running again once fixed finishes the work.</summary>
    public const int EnvironmentFailure = 4;

    /// <summary>Every command, in the order <c>cchc --help</c> lists them. A new command is one line here.</summary>
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
        ArgumentNullException.ThrowIfNull(args);
        var grammar = new CliGrammar(Commands, (command, line) => RunCommand(command, line, stdout, stderr));
        var parsed = grammar.Root.Parse(args);
        // No termination handler: Ctrl+C or SIGTERM end the process at once, as they always did (every load is one
        // transaction per file and the nightly run recovers from being killed at any point).
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (args.Length == 0)
        {
            grammar.Root.Parse(["--help"]).Invoke(invocation);
            return Usage;
        }

        if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            foreach (var line in UsageErrors.Describe(parsed))
            {
                stderr.WriteLine(line);
            }

            return Usage;
        }

        return parsed.Invoke(invocation);
    }

    /// <summary>The exit code for a command that ended with an exception.</summary>
    internal static int ExitCodeFor(Exception e) => e switch
    {
        UsageException => Usage,
        WarehouseBusyException => WriterBusy,
        FileNotFoundException or DirectoryNotFoundException => Failed,
        _ when FileGuard.IsEnvironmentFailure(e) => EnvironmentFailure,
        _ => Failed,
    };

    private static int RunCommand(ICommand command, CommandLine line, TextWriter stdout, TextWriter stderr)
    {
        var context = new CommandContext(line, stdout, stderr);
        var name = line.CommandPath;
        try
        {
            return command.Run(context);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var code = ExitCodeFor(e);
            stderr.WriteLine($"{name}: {e.Message.ReplaceLineEndings(" ")}");
            if (code == Usage)
            {
                stderr.WriteLine($"Run '{name} --help' for its options and examples.");
            }

            if (Environment.GetEnvironmentVariable("CCHC_DEBUG") == "1")
            {
                stderr.WriteLine(e);
            }

            return code;
        }
    }
}
