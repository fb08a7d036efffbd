using Cchc.Cli;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Notebooks.Tests;

/// <summary>
/// Builds the demo warehouse once, then executes every notebook headless with dotnet-repl (the local tool of
/// .config/dotnet-tools.json), as an analyst's `dotnet repl --run` would, and keeps each executed copy for the tests.
/// dotnet-repl starts slowly (seconds per notebook), so the three run once here rather than once per test.
/// </summary>
public sealed class NotebookRunFixture : IDisposable
{
    private static readonly TimeSpan NotebookLimit = TimeSpan.FromMinutes(4);
    private readonly Dictionary<string, NotebookRun> _runs = [];

    public NotebookRunFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "cchc-notebooks-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        DemoExitCode = CliApp.Run(["demo", "--out", Directory], stdout, stderr);
        DemoOutput = stdout + Environment.NewLine + stderr;
        WarehousePath = Path.Combine(Directory, "cchc.duckdb");
        if (DemoExitCode != CliApp.Ok)
        {
            return;
        }

        ToolRestore = ProcessRunner.Dotnet(SharedData.RepositoryRoot, new Dictionary<string, string>(), TimeSpan.FromMinutes(3), "tool", "restore");
        if (ToolRestore.ExitCode != 0)
        {
            return;
        }

        var environment = new Dictionary<string, string>
        {
            ["CCHC_WAREHOUSE"] = "duckdb:" + WarehousePath,

            // This test's output folder holds every assembly of the CLI build, in the configuration under test.
            ["CCHC_NOTEBOOK_BIN"] = AppContext.BaseDirectory,
        };

        // A writer holds the warehouse while the notebooks run, as a scheduled load would: DuckDB lets one process
        // write a file or many read it, so the notebooks must read their own copy of the published copy.
        using var writer = WarehouseFactory.Open(new WarehouseTarget(WarehouseTarget.DuckDb, WarehousePath));
        WriterHeldDuringRuns = true;
        foreach (var name in Notebooks.Names)
        {
            var executed = Path.Combine(Directory, name + ".executed.ipynb");
            var result = ProcessRunner.Dotnet(Notebooks.Folder, environment, NotebookLimit,
                "repl", "--run", name + ".ipynb", "--exit-after-run", "--output-format", "ipynb", "--output-path", executed);
            _runs[name] = new NotebookRun(name, result, File.Exists(executed) ? ExecutedNotebook.Read(executed) : null);
        }
    }

    public string Directory { get; }

    public string WarehousePath { get; }

    public int DemoExitCode { get; }

    public string DemoOutput { get; }

    public ProcessResult? ToolRestore { get; }

    /// <summary>True once the notebooks ran while this process held the warehouse open for writing.</summary>
    public bool WriterHeldDuringRuns { get; }

    /// <summary>The run of one notebook; fails the calling test with the reason when it could not run at all.</summary>
    public NotebookRun Run(string name)
    {
        Assert.True(DemoExitCode == CliApp.Ok, $"cchc demo failed ({DemoExitCode}), so no notebook ran:\n{DemoOutput}");
        Assert.True(ToolRestore is { ExitCode: 0 }, $"`dotnet tool restore` failed, so dotnet-repl is not installed:\n{ToolRestore?.Tail()}");
        Assert.True(_runs.TryGetValue(name, out var run), $"{name} was not run.");
        Assert.True(run.Result.ExitCode is not null, $"dotnet repl ran past {NotebookLimit.TotalMinutes} minutes on {name}.ipynb and was stopped:\n{run.Result.Tail()}");
        Assert.True(run.Executed is not null, $"dotnet repl wrote no executed notebook for {name}.ipynb (exit code {run.Result.ExitCode}):\n{run.Result.Tail()}");
        return run;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run over it would not be.
        }
    }
}

/// <summary>One headless execution: the dotnet-repl process and the notebook it wrote back with its outputs.</summary>
public sealed record NotebookRun(string Name, ProcessResult Result, ExecutedNotebook? Executed);
