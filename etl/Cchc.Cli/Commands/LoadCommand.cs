using System.Globalization;
using Cchc.Cli.Output;
using Cchc.Cli.Parsing;
using Cchc.Etl.Loading;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc load &lt;kind&gt; &lt;file-or-folder&gt;...</c>: each file in its own transaction, with a per-file summary.</summary>
internal sealed class LoadCommand : ICommand
{
    public string Name => "load";

    public string Summary => "Load files into the warehouse, each in its own transaction, with a summary per file";

    /// <summary>
    /// The kinds <c>cchc load</c> takes (one subcommand each, in <see cref="LoaderRegistry"/>'s order): what they are,
    /// an example, and the options of their own. A new kind of loader is one line here.
    /// </summary>
    internal static IReadOnlyList<LoadKind> Kinds { get; } =
    [
        new("pci", "PCI workbooks (VCCI), in every published layout since 2005", "cchc load pci ../shared/data/real/pci", "every PCI workbook in the folder",
            s => s.Year("year", "the year of a workbook whose headers, title and sheet name name none (checked against them when they do)")),
        new("papi", "PAPI workbooks (UNDP): one year's, or the combined file with a sheet per year",
            "cchc load papi \"../shared/data/real/papi/PAPI 2011-2019.xlsx\"", "PAPI 2011–2019, one sheet per year"),
        new("par", "yearly PAR Index results (Chỉ số CCHC) in the ministry's layout", "cchc load par out/demo/sample/chi-so-cchc-2017.xlsx", "the 2017 results"),
        new("plan", "a province's remediation plan (.xlsx, .xls, .csv or a .docx table)", "cchc load plan tests/fixtures/plan/ke-hoach-3770-phu-luc.docx",
            "Lâm Đồng's plan 3770 (its title names province and year)",
            s => s.Text("province", "P", "the plan's province when its title names none: a GSO code (68) or a name, with or without diacritics")
                .Year("year", "the plan's year when its title names none")
                .Year("result-year", "the PAR year the plan addresses, when it is not the year before the plan's")),
        new("onestop", "one-stop (một cửa) dossier logs: CSV or Excel exports (format: etl/README.md)", "cchc load onestop exports/", "every dossier log in the folder, in name order (exports load oldest first)",
            s => s.Text("province", "P", "the province whose system wrote the export, for files that name none: a GSO code (68) or a name")),
        new("onestop-catalog", "the catalogue of procedures (TTHC) and agencies behind the dossier logs", "cchc load onestop-catalog danh-muc-tthc.xlsx", "procedures and agencies, fixing up those the logs inferred",
            s => s.Text("province", "P", "the province of agency rows that name none: a GSO code (68) or a name")),
        new("onestop-report", "one-stop results reports on the national form (counts per period, level and field or agency)", "cchc load onestop-report bao-cao-quy-2-2019.xlsx",
            "a quarter's results report",
            s => s.Text("province", "P", "the report's province when its title and signature name none: a GSO code (68) or a name")),
    ];

    public void Declare(CommandSyntax syntax)
    {
        syntax.Writer().Json("the run's summary").SharedWithSubcommands();
        foreach (var kind in LoaderRegistry.Kinds)
        {
            var entry = Kinds.FirstOrDefault(k => k.Name == kind) ?? new LoadKind(kind, kind + " files", $"cchc load {kind} FILE", "load the file");
            syntax.Subcommand(kind, "Load " + entry.Description, s =>
            {
                s.Arguments("files", "files or folders; a folder's files are taken when their content is of this kind");
                entry.Options?.Invoke(s);
                s.Example(entry.Example, entry.ExampleSays);
            });
        }

        syntax.Example("cchc load pci ../shared/data/real/pci", "every PCI workbook in the folder")
            .Example("cchc load par chi-so-cchc-2018.xlsx --warehouse duckdb:out/demo/cchc.duckdb --wait 600", "into another warehouse, waiting up to 10 minutes for a running load")
            .Example("cchc load pci --help", "what one kind takes");
    }

    public int Run(CommandContext context)
    {
        var args = context.Line.Positional;
        if (args.Count < 2)
        {
            throw new UsageException("say which kind and which files, e.g. cchc load pci FILE");
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

        if (loader is IProvinceScopedLoader scoped)
        {
            loader = scoped.WithProvince(ProvinceArgument.Setting(context));
        }

        // Files named explicitly are loaded (and fail clearly if they are not of this kind); files found by expanding a
        // folder are taken only when their content is of this kind, so notes or other indices beside them are left alone.
        var named = args.Skip(1).ToList();
        var files = new List<string>();
        foreach (var path in LoaderRegistry.ExpandPaths(named))
        {
            if (named.Contains(path) || FileGuard.Recognise([loader], path) is not null)
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
        var run = Load(context, session.Warehouse, loader, files, $"load {loader.Kind}");
        if (context.Json)
        {
            context.WriteJson(JsonOf(run));
        }

        if (run.Files.Any(r => r.Succeeded))
        {
            PublishCommand.AfterLoad(context, session.Warehouse);
        }

        return run.Files.All(r => r.Succeeded) ? CliApp.Ok : CliApp.Failed;
    }

    /// <summary>Loads files under one audited run, showing progress and (unless --json) the summary; shared with demo.</summary>
    internal static LoadRun Load(CommandContext context, Warehouse.IWarehouse warehouse, IFileLoader loader, IReadOnlyList<string> files, string command)
    {
        var runId = warehouse.StartRun(command);
        var results = new List<FileLoadResult>();
        try
        {
            ProgressBoard.Run(context, board =>
            {
                var all = files.Count > 1 ? board.Overall($"{loader.Kind}: {files.Count} files", files.Count, "files") : null;
                for (var i = 0; i < files.Count; i++)
                {
                    var item = board.Start($"[{i + 1}/{files.Count}] {loader.Kind} {Path.GetFileName(files[i])}");
                    // One file's failure (whatever it provokes) is that file's; only the machine failing stops the run.
                    var result = FileGuard.Load(loader, warehouse, runId, files[i], item, onRetry: (e, attempt, delay) =>
                        context.Err.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"      attempt {attempt} failed transiently ({e.Message.ReplaceLineEndings(" ")}); trying again in {delay.TotalSeconds:0.0} s")));
                    results.Add(result);
                    item.Finish(result.Succeeded
                        ? string.Create(CultureInfo.InvariantCulture,
                            $"      loaded {result.RowsLoaded} rows, quarantined {result.RowsQuarantined}, skipped {result.RowsSkipped} of {result.RowsRead} read ({result.Elapsed.TotalSeconds:0.0} s)")
                        : $"      FAILED: {result.Error}");
                    all?.Report(new LoadProgress(results.Count));
                }

                all?.Finish();
                return results;
            });
        }
        catch (Exception e)
        {
            // The machine failed (a commit, the disk, the connection): the run still ends with a recorded status.
            TryFinish(warehouse, runId, "failed", $"stopped after {results.Count} of {files.Count} files: {e.GetType().Name}: {e.Message}");
            throw;
        }

        var failed = results.Count(r => !r.Succeeded);
        warehouse.FinishRun(runId, failed == 0 ? "succeeded" : failed == results.Count ? "failed" : "partial",
            failed == 0 ? null : $"{failed} of {results.Count} files failed");
        var (errors, warnings) = DqFindingStore.CountByRun(warehouse, runId);
        var run = new LoadRun(runId, results, errors, warnings);
        if (!context.Json)
        {
            PrintSummary(context, run);
        }

        return run;
    }

    private static void TryFinish(Warehouse.IWarehouse warehouse, long runId, string status, string message)
    {
        try
        {
            warehouse.FinishRun(runId, status, message);
        }
        catch (Exception)
        {
            // The warehouse is what failed; the next writer marks nothing, but 'cchc status' shows the run's last state.
        }
    }

    /// <summary>The --json form of a run (snake_case): its id, its data-quality counts, one object per file.</summary>
    internal static object JsonOf(LoadRun run) => new
    {
        run.RunId,
        DataQuality = new { run.Errors, run.Warnings },
        Files = run.Files.Select(r => new
        {
            File = r.FileName, r.Kind, Status = r.Succeeded ? "loaded" : "failed", r.RowsRead, r.RowsLoaded, r.RowsQuarantined, r.RowsSkipped,
            Seconds = Math.Round(r.Elapsed.TotalSeconds, 3), r.Error, Years = r.Years?.Order().ToList(), Province = r.ProvinceDecision,
        }),
    };

    private static void PrintSummary(CommandContext context, LoadRun run)
    {
        var table = new ConsoleTable("file", "kind", "status", "rows read", "rows loaded", "quarantined", "skipped", "time (s)");
        foreach (var r in run.Files)
        {
            table.Add(r.FileName, r.Kind, r.Succeeded ? "loaded" : "FAILED", r.RowsRead.ToString(CultureInfo.InvariantCulture), r.RowsLoaded.ToString(CultureInfo.InvariantCulture),
                r.RowsQuarantined.ToString(CultureInfo.InvariantCulture), r.RowsSkipped.ToString(CultureInfo.InvariantCulture),
                r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture));
        }

        context.Out.WriteLine($"Run {run.RunId}: {run.Files.Count(r => r.Succeeded)} of {run.Files.Count} files loaded");
        table.Write(context.Out);
        foreach (var r in run.Files.Where(r => r.ProvinceDecision is not null))
        {
            context.Out.WriteLine($"  {r.FileName}: province {r.ProvinceDecision}");
        }

        foreach (var r in run.Files.Where(r => !r.Succeeded))
        {
            context.Out.WriteLine($"  {r.FileName}: {r.Error}");
        }

        if (run.Errors + run.Warnings > 0)
        {
            context.Out.WriteLine($"Data quality: {run.Errors} error(s), {run.Warnings} warning(s) — 'cchc dq' lists them");
        }
    }
}

/// <summary>One kind of <c>cchc load</c>: its subcommand's name, what it loads, an example, and its own options.</summary>
internal sealed record LoadKind(string Name, string Description, string Example, string ExampleSays, Action<CommandSyntax>? Options = null);

/// <summary>What one audited load run did: its files and the data-quality findings it raised.</summary>
internal sealed record LoadRun(long RunId, IReadOnlyList<FileLoadResult> Files, long Errors, long Warnings);
