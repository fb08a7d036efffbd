using System.Globalization;
using Cchc.Etl.Nightly;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc nightly --inbox DIR</c>: the unattended load (see NightlyJob), with a JSON-lines log.</summary>
public sealed class NightlyCommand : ICommand
{
    public string Name => "nightly";

    public string Usage => "nightly --inbox DIR [--processed DIR] [--failed DIR] [--log FILE] [--settle S] [--wait S] [--json]";

    public string Summary => "Load every new or changed inbox file (own transaction each), then DQ, publish, reports";

    public int Run(CommandContext context)
    {
        var inbox = Path.GetFullPath(context.Line.RequireOption("inbox"));
        var options = new NightlyOptions(inbox)
        {
            ProcessedDirectory = Path.GetFullPath(context.Line.Option("processed") ?? Path.Combine(inbox, "processed")),
            FailedDirectory = Path.GetFullPath(context.Line.Option("failed") ?? Path.Combine(inbox, "failed")),
            SettleTime = TimeSpan.FromSeconds(double.Parse(context.Line.Option("settle") ?? "2", CultureInfo.InvariantCulture)),
        };
        using var log = new RunLog(context.Err, context.Line.Option("log"));
        using var session = context.OpenForWriting("cchc nightly");
        var result = new NightlyJob(session.Warehouse, options, log).Run(PostLoadSteps.For(context));
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
                context.Out.WriteLine($"  step {s.Step}: {(s.Succeeded ? "ok" : "FAILED: " + s.Error)} ({s.Seconds:0.00} s)");
            }
        }

        return result.Succeeded ? CliApp.Ok : CliApp.Failed;
    }
}

/// <summary>The steps run after the nightly loads; each area adds its own (data quality, publishing, reports).</summary>
internal static class PostLoadSteps
{
    public static IReadOnlyList<IPostLoadStep> For(CommandContext context) => [];
}
