using System.Diagnostics;
using System.Text;

namespace Cchc.Notebooks.Tests;

/// <summary>What a child process did: exit code (null if it ran past its time limit and was killed) and its output.</summary>
public sealed record ProcessResult(int? ExitCode, string Output, TimeSpan Elapsed)
{
    public string Tail(int characters = 4000) => Output.Length <= characters ? Output : "…" + Output[^characters..];
}

/// <summary>Runs the dotnet host (the one running the tests, so local tools resolve against the same SDK).</summary>
public static class ProcessRunner
{
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static ProcessResult Dotnet(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ProcessResult(null, output.ToString(), clock.Elapsed);
        }

        process.WaitForExit(); // drains the redirected streams
        return new ProcessResult(process.ExitCode, output.ToString(), clock.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
