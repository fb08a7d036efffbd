using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests.Nightly;

/// <summary>
/// The real <c>cchc</c> CLI as a child process (<c>dotnet cchc.dll …</c>, the build of etl/Cchc.Cli in this test's
/// configuration), whose console log lines are watched so a test can act at a given point of a run (after the n-th
/// file) and kill it there like an operator's SIGKILL or the OOM killer would.
/// </summary>
internal sealed partial class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<(string Event, TimeSpan At)> _events = [];
    private readonly List<string> _lines = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly SemaphoreSlim _signal = new(0);

    private CliProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The cchc.dll of etl/Cchc.Cli built in the configuration this test assembly was built in.</summary>
    public static string CliDll { get; } = LocateCli();

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join(Environment.NewLine, _lines);
            }
        }
    }

    /// <summary>Starts <c>dotnet cchc.dll args…</c>; <paramref name="shellPrefix"/> (e.g. "ulimit -f 64;") runs it under bash.</summary>
    public static CliProcess Start(IEnumerable<string> args, string workingDirectory, string? shellPrefix = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (shellPrefix is null)
        {
            info.FileName = dotnet;
            info.ArgumentList.Add(CliDll);
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
        }
        else
        {
            info.FileName = "/bin/bash";
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"{shellPrefix} exec \"$0\" \"$@\"");
            info.ArgumentList.Add(dotnet);
            info.ArgumentList.Add(CliDll);
            foreach (var a in args)
            {
                info.ArgumentList.Add(a);
            }
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment.Remove("CCHC_WAREHOUSE");
        info.Environment.Remove("CCHC_PROVINCE");
        var process = new Process { StartInfo = info };
        var child = new CliProcess(process);
        process.ErrorDataReceived += (_, e) => child.Received(e.Data);
        process.OutputDataReceived += (_, e) => child.Received(e.Data);
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return child;
    }

    /// <summary>Waits until the run has logged <paramref name="count"/> events named <paramref name="name"/>
    /// ("run.start", "file"); false when the process ended first.</summary>
    public bool WaitForEvent(string name, int count, TimeSpan timeout)
    {
        var deadline = _clock.Elapsed + timeout;
        while (true)
        {
            lock (_events)
            {
                if (_events.Count(e => e.Event == name) >= count)
                {
                    return true;
                }
            }

            if (_process.HasExited || _clock.Elapsed > deadline)
            {
                _process.WaitForExit();
                lock (_events)
                {
                    return _events.Count(e => e.Event == name) >= count;
                }
            }

            _signal.Wait(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>When the n-th event of a name was seen, since the process started.</summary>
    public TimeSpan? EventTime(string name, int count)
    {
        lock (_events)
        {
            var matching = _events.Where(e => e.Event == name).ToList();
            return matching.Count >= count ? matching[count - 1].At : null;
        }
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>SIGKILL (the whole tree); true when the process was still running, i.e. it was really interrupted.</summary>
    public bool Kill()
    {
        bool killed;
        try
        {
            killed = !_process.HasExited;
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            killed = false; // it had already exited
        }

        _process.WaitForExit();
        return killed;
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cchc did not finish within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
        }

        _process.WaitForExit(); // drains the redirected streams
        return _process.ExitCode;
    }

    private void Received(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }

        if (LogLine().Match(line) is { Success: true } m)
        {
            lock (_events)
            {
                _events.Add((m.Groups["event"].Value, _clock.Elapsed));
            }

            _signal.Release();
        }
    }

    private static string LocateCli()
    {
        var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        var dll = Path.Combine(SharedData.RepositoryRoot, "etl", "Cchc.Cli", "bin", configuration, framework, "cchc.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The cchc CLI is not built at {dll}; build etl/Cchc.Cli in {configuration} (the test project references it, so 'dotnet test' builds it).");
    }

    // RunLog's console line: "HH:mm:ss LEVEL event[ file]: message".
    [GeneratedRegex(@"^\d\d:\d\d:\d\d (INFO|WARN|ERROR)\s+(?<event>[\w.]+)")]
    private static partial Regex LogLine();

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _signal.Dispose();
    }
}
