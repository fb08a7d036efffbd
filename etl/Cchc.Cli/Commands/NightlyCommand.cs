using System.Globalization;
using Cchc.Etl.Nightly;
using Cchc.Warehouse.Reference;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc nightly --inbox DIR</c>: the unattended load (see NightlyJob), with a JSON-lines log.</summary>
public sealed class NightlyCommand : ICommand
{
    public string Name => "nightly";

    public string Usage => "nightly --inbox DIR [--processed DIR] [--failed DIR] [--log FILE] [--settle S] [--wait S] " +
                           "[--report-province CODE[,CODE] --report-out DIR] [--json]";

    public string Summary => "Load every new or changed inbox file (own transaction each), then DQ, publish, reports";

    public int Run(CommandContext context)
    {
        var options = ParseOptions(context.Line);
        using var log = new RunLog(context.Err, context.Line.Option("log"));
        using var session = context.OpenForWriting("cchc nightly");
        var result = new NightlyJob(session.Warehouse, options, log).Run(PostLoadSteps.For(options));
        if (context.Json)
        {
            context.WriteJson(result);
        }
        else
        {
            var table = new TextTable("file", "kind", "outcome", "rows", "quarantined", "time (s)", "reason");
            foreach (var f in result.Files)
            {
                table.Add(f.File, f.Kind, f.Outcome.ToString().ToLowerInvariant(), f.RowsLoaded.ToString(CultureInfo.InvariantCulture),
                    f.RowsQuarantined.ToString(CultureInfo.InvariantCulture), f.Seconds.ToString("0.00", CultureInfo.InvariantCulture), f.Reason ?? f.Warning);
            }

            context.Out.WriteLine($"Nightly run {result.RunId}: {result.Count(InboxOutcome.Loaded)} loaded, {result.Count(InboxOutcome.Skipped)} unchanged, " +
                                  $"{result.Count(InboxOutcome.Deferred)} deferred, {result.Count(InboxOutcome.Failed)} failed");
            table.Write(context.Out);
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
            SettleTime = TimeSpan.FromSeconds(Seconds(line, "settle") ?? 2),
            Reports = ParseReports(line),
        };
    }

    private static double? Seconds(CommandLine line, string name) =>
        line.Option(name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0 ? s
        : throw new UsageException($"--{name} must be a number of seconds, not '{text}'");

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
