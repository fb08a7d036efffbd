using System.Globalization;
using Cchc.Etl.Loading;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc load &lt;kind&gt; &lt;file-or-folder&gt;...</c>: each file in its own transaction, with a per-file summary.</summary>
public sealed class LoadCommand : ICommand
{
    public string Name => "load";

    public string Usage => "load <kind> <file-or-folder>... [--wait S] [--json] [plan: --province P --year Y --result-year Y]";

    public string Summary => $"Load files ({string.Join('|', LoaderRegistry.Kinds)}); one transaction per file";

    public int Run(CommandContext context)
    {
        var args = context.Line.Positional;
        if (args.Count < 2)
        {
            throw new UsageException($"usage: cchc {Usage}");
        }

        var loader = LoaderRegistry.ForKind(args[0])
            ?? throw new UsageException($"unknown kind '{args[0]}': use one of {string.Join(", ", LoaderRegistry.Kinds)}");
        if (loader is IConfigurableFileLoader configurable)
        {
            try
            {
                loader = configurable.WithOptions(context.Line.Option);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
        }

        // Files named explicitly are loaded (and fail clearly if they are not of this kind); files found by expanding a
        // folder are taken only when their content is of this kind, so notes or other indices beside them are left alone.
        var named = args.Skip(1).ToList();
        var files = new List<string>();
        foreach (var path in LoaderRegistry.ExpandPaths(named))
        {
            if (named.Contains(path) || loader.Recognises(path))
            {
                files.Add(path);
            }
            else
            {
                context.Progress($"      skipping {Path.GetFileName(path)}: not a {loader.Kind} file");
            }
        }

        if (files.Count == 0)
        {
            throw new UsageException("no files found in " + string.Join(", ", args.Skip(1)));
        }

        using var session = context.OpenForWriting($"cchc load {loader.Kind}");
        var results = Load(context, session.Warehouse, loader, files, $"load {loader.Kind}");
        if (results.Any(r => r.Succeeded))
        {
            PublishCommand.AfterLoad(context, session.Warehouse);
        }

        return results.All(r => r.Succeeded) ? CliApp.Ok : CliApp.Failed;
    }

    /// <summary>Loads files under one audited run, printing progress and the summary; shared with demo.</summary>
    internal static IReadOnlyList<FileLoadResult> Load(CommandContext context, Warehouse.IWarehouse warehouse, IFileLoader loader, IReadOnlyList<string> files, string command)
    {
        var runId = warehouse.StartRun(command);
        var results = new List<FileLoadResult>();
        for (var i = 0; i < files.Count; i++)
        {
            context.Progress($"[{i + 1}/{files.Count}] {loader.Kind} {Path.GetFileName(files[i])} …");
            var file = files[i];
            var result = RetryPolicy.Default.Run(
                () => loader.Load(warehouse, runId, file),
                (e, attempt, delay) => context.Err.WriteLine($"      attempt {attempt} failed transiently ({e.Message.ReplaceLineEndings(" ")}); trying again in {delay.TotalSeconds:0.0} s"));
            results.Add(result);
            context.Progress(result.Succeeded
                ? $"      loaded {result.RowsLoaded} rows, quarantined {result.RowsQuarantined} ({result.Elapsed.TotalSeconds:0.0} s)"
                : $"      FAILED: {result.Error}");
        }

        var failed = results.Count(r => !r.Succeeded);
        warehouse.FinishRun(runId, failed == 0 ? "succeeded" : failed == results.Count ? "failed" : "partial",
            failed == 0 ? null : $"{failed} of {results.Count} files failed");
        PrintSummary(context, runId, results, DqFindingStore.CountByRun(warehouse, runId));
        return results;
    }

    private static void PrintSummary(CommandContext context, long runId, IReadOnlyList<FileLoadResult> results, (long Errors, long Warnings) findings)
    {
        if (context.Json)
        {
            context.WriteJson(new
            {
                RunId = runId,
                DataQuality = new { findings.Errors, findings.Warnings },
                Files = results.Select(r => new
                {
                    File = r.FileName, r.Kind, Status = r.Succeeded ? "loaded" : "failed", r.RowsLoaded, r.RowsQuarantined,
                    Seconds = Math.Round(r.Elapsed.TotalSeconds, 3), r.Error, Years = r.Years?.Order().ToList(),
                }),
            });
            return;
        }

        var table = new TextTable("file", "kind", "status", "rows loaded", "quarantined", "time (s)");
        foreach (var r in results)
        {
            table.Add(r.FileName, r.Kind, r.Succeeded ? "loaded" : "FAILED", r.RowsLoaded.ToString(CultureInfo.InvariantCulture),
                r.RowsQuarantined.ToString(CultureInfo.InvariantCulture), r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture));
        }

        context.Out.WriteLine($"Run {runId}: {results.Count(r => r.Succeeded)} of {results.Count} files loaded");
        table.Write(context.Out);
        foreach (var r in results.Where(r => !r.Succeeded))
        {
            context.Out.WriteLine($"  {r.FileName}: {r.Error}");
        }

        if (findings.Errors + findings.Warnings > 0)
        {
            context.Out.WriteLine($"Data quality: {findings.Errors} error(s), {findings.Warnings} warning(s) — 'cchc dq' lists them");
        }
    }
}
