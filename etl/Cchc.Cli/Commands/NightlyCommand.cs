using System.Globalization;
using Cchc.Cli.Output;
using Cchc.Cli.Parsing;
using Cchc.Etl.Loading;
using Cchc.Etl.Nightly;
using Cchc.Warehouse.Reference;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc nightly --inbox DIR</c>: the unattended load (see NightlyJob), with a JSON-lines log.</summary>
internal sealed class NightlyCommand : ICommand
{
    public string Name => "nightly";

    public string Summary => "Load every new or changed inbox file (own transaction each), then DQ, publish, reports";

    public void Declare(CommandSyntax syntax) => syntax
        .Text("inbox", "DIR", "the folder the files arrive in", required: true)
        .Text("processed", "DIR", "where loaded and unchanged files move (default DIR/processed)")
        .Text("failed", "DIR", "where failed files move, each with NAME.reason.txt (default DIR/failed)")
        .Text("log", "FILE", "append the JSON-lines log here (one object per event, with its time in ms)")
        .Seconds("settle", "take a file only when its size and time stayed unchanged this long (default 2)")
        .Text("province", "P", "the province of one-stop exports, catalogues, reports and plans that name none: a GSO code or a name (default: CCHC_PROVINCE)")
        .Number("max-attempts", "N", "failed attempts at the same content before a file moves to failed/ (default 3)", min: 1)
        .Text("deferred-alert-hours", "HOURS", "report a file left waiting in the inbox longer than this as overdue (default 24)")
        .Repeated("report-province", "CODE[,CODE]", "after the loads, rewrite these provinces' reports (GSO codes; with --report-out)")
        .Text("report-out", "DIR", "where the reports go, one folder per province (with --report-province)")
        .Writer()
        .Json("the run's summary")
        .Example("cchc nightly --inbox /srv/cchc/inbox --log /var/log/cchc/nightly.jsonl --wait 3600", "what the scheduled job runs (etl/scheduling/README.md)")
        .Example("cchc nightly --inbox inbox --report-province 68,01 --report-out /srv/cchc/reports", "and rewrite Lâm Đồng's and Hà Nội's reports");

    public int Run(CommandContext context)
    {
        var options = ParseOptions(context.Line);
        using var log = new RunLog(context.Err, context.Line.Option("log"));
        using var session = context.OpenForWriting("cchc nightly");
        var result = ProgressBoard.Run(context, board =>
        {
            ProgressItem? current = null;
            var job = new NightlyJob(session.Warehouse, options, log)
            {
                FileProgress = (file, number, count) =>
                {
                    current?.Finish();
                    return current = board.Start(string.Create(CultureInfo.InvariantCulture, $"[{number}/{count}] {file}"), announce: false);
                },
            };
            var done = job.Run(PostLoadSteps.For(options));
            current?.Finish();
            return done;
        });
        if (context.Json)
        {
            context.WriteJson(result);
        }
        else
        {
            var table = new ConsoleTable("file", "kind", "outcome", "rows", "quarantined", "skipped", "time (s)", "reason");
            foreach (var f in result.Files)
            {
                table.Add(f.File, f.Kind, f.Outcome.ToString().ToLowerInvariant(), f.RowsLoaded.ToString(CultureInfo.InvariantCulture),
                    f.RowsQuarantined.ToString(CultureInfo.InvariantCulture), f.RowsSkipped.ToString(CultureInfo.InvariantCulture),
                    f.Seconds.ToString("0.00", CultureInfo.InvariantCulture), f.Reason ?? f.Warning);
            }

            context.Out.WriteLine($"Nightly run {result.RunId}: {result.Summary}");
            table.Write(context.Out);
            foreach (var f in result.Files.Where(f => f.Province is not null))
            {
                context.Out.WriteLine($"  {f.File}: province {f.Province}");
            }

            foreach (var f in result.Files.Where(f => f.Overdue))
            {
                context.Out.WriteLine($"  OVERDUE: {f.File} has waited in the inbox since {f.DeferredSince:yyyy-MM-dd HH:mm} UTC: {f.Reason}");
            }

            foreach (var s in result.Steps)
            {
                context.Out.WriteLine($"  step {s.Step}: {(s.Succeeded ? s.Detail : "FAILED: " + s.Error)} ({s.Seconds:0.00} s)");
            }

            if (result.StepsSkippedBecause is { } why)
            {
                context.Out.WriteLine($"  steps skipped: {why}");
            }
        }

        return result.Succeeded ? CliApp.Ok
            : result.Files.Any(f => f.Outcome == InboxOutcome.Aborted) ? CliApp.EnvironmentFailure
            : CliApp.Failed;
    }

    /// <summary>The job's options from the command line; wrong report options are usage errors before anything runs.</summary>
    internal static NightlyOptions ParseOptions(CommandLine line)
    {
        var inbox = Path.GetFullPath(line.RequireOption("inbox"));
        return new NightlyOptions(inbox)
        {
            ProcessedDirectory = Path.GetFullPath(line.Option("processed") ?? Path.Combine(inbox, "processed")),
            FailedDirectory = Path.GetFullPath(line.Option("failed") ?? Path.Combine(inbox, "failed")),
            SettleTime = TimeSpan.FromSeconds(Number(line, "settle", "seconds") ?? 2),
            Reports = ParseReports(line),
            Province = Province(line),
            MaxAttempts = line.IntOption("max-attempts") is { } attempts
                ? attempts >= 1 ? attempts : throw new UsageException($"--max-attempts must be at least 1, not {attempts}")
                : 3,
            DeferredAlertAfter = TimeSpan.FromHours(Number(line, "deferred-alert-hours", "hours") ?? 24),
        };
    }

    /// <summary><c>--province</c> (a file naming another province fails) and the deployment default <c>CCHC_PROVINCE</c>
    /// (the nightly's setting, e.g. in the systemd unit's Environment=), for files that name no province.</summary>
    private static Etl.Provinces.ProvinceSetting Province(CommandLine line)
    {
        try
        {
            return Etl.Provinces.ProvinceSetting.From(line.Option("province"), Environment.GetEnvironmentVariable(Etl.Provinces.ProvinceSetting.EnvironmentVariable));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static double? Number(CommandLine line, string name, string unit) =>
        line.Option(name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s
        : throw new UsageException($"--{name} must be a number of {unit}, not '{text}'");

    /// <summary><c>--report-province 68,01 [--report-province 79] --report-out DIR</c>: GSO codes of provinces that
    /// exist in the catalogue (any era), normalised to two digits.</summary>
    private static NightlyReports? ParseReports(CommandLine line)
    {
        var provinces = line.Options("report-province");
        var output = line.Option("report-out");
        if (provinces.Count == 0)
        {
            return output is null ? null : throw new UsageException("--report-province is required with --report-out");
        }

        if (output is null)
        {
            throw new UsageException("--report-out is required with --report-province");
        }

        var codes = new List<string>();
        foreach (var code in provinces.SelectMany(p => p.Split(',')).Select(c => c.Trim()))
        {
            if (code.Length == 0)
            {
                throw new UsageException("--report-province: an empty province code (write e.g. 68,01)");
            }

            var normalised = ProvinceCatalog.NormaliseCode(code);
            if (!ProvinceCatalog.Default.All.Any(p => p.GsoCode == normalised))
            {
                throw new UsageException($"--report-province: '{code}' is not a GSO province code");
            }

            if (!codes.Contains(normalised))
            {
                codes.Add(normalised);
            }
        }

        return new NightlyReports(codes, Path.GetFullPath(output));
    }
}

/// <summary>The steps run after the nightly loads, in order: data quality over the whole warehouse, the read-only copy
/// for Power BI, and the reports when <see cref="NightlyOptions.Reports"/> is set.</summary>
internal static class PostLoadSteps
{
    public static IReadOnlyList<IPostLoadStep> For(NightlyOptions options) =>
        options.Reports is { } reports
            ? [new DataQualityStep(), new PublishStep(), new ReportsStep(reports)]
            : [new DataQualityStep(), new PublishStep()];
}
