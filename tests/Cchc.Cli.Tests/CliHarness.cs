using Cchc.Cli;

namespace Cchc.Cli.Tests;

/// <summary>Runs the CLI in-process and captures its streams and exit code.</summary>
internal static class CliHarness
{
    public static (int ExitCode, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
