using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Data;
using Cchc.Reports.Analytics.Models;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc drivers --province P --year Y [--index PAR|PCI|PAPI]</c>: why a province's rank changed — exact attribution
/// to fields and criteria, the peer effect, the score waterfall — and models that explain the rank with other data,
/// scored on held-out years against baselines.
/// </summary>
public sealed class DriversCommand : ICommand
{
    public string Name => "drivers";

    public string Usage => "drivers --province P --year Y [--index PAR|PCI|PAPI] [--no-models] [--seed N] [--permutations N] [--bootstrap N] [--draws N] [--json]";

    public string Summary => "Why a rank changed: exact attribution, peer effect, models vs baselines";

    public int Run(CommandContext context)
    {
        var year = ProvinceArgument.Year(context);
        var index = ProvinceArgument.Index(context);
        var province = ProvinceArgument.Resolve(context, year);
        using var warehouse = context.OpenWarehouse();
        var source = new AnalyticsSource(warehouse);
        var models = !context.Line.Has("no-models");
        if (models)
        {
            context.Progress("Training the models on held-out years (leave-one-year-out, forward chaining for next year's change) and refitting them on resampled provinces …");
        }

        var options = new ModelOptions();
        if (context.Line.IntOption("seed") is { } seed)
        {
            options = options with { Seed = seed };
        }

        if (context.Line.IntOption("permutations") is { } permutations)
        {
            options = permutations >= 2
                ? options with { Permutations = permutations }
                : throw new UsageException("--permutations must be at least 2 (a standard error needs two)");
        }

        if (context.Line.IntOption("bootstrap") is { } bootstrap)
        {
            options = bootstrap >= 0 ? options with { BootstrapReplicates = bootstrap } : throw new UsageException("--bootstrap must be 0 or more");
        }

        var uncertainty = new UncertaintyOptions(Seed: options.Seed);
        if (context.Line.IntOption("draws") is { } draws)
        {
            uncertainty = draws >= 0 ? uncertainty with { Draws = draws } : throw new UsageException("--draws must be 0 or more (0: no intervals)");
        }

        var report = DriversAnalysis.Run(source, new DriversRequest(index, year, province.Key, models, options, uncertainty));
        if (context.Json)
        {
            context.WriteJson(report);
        }
        else
        {
            DriversPrinter.Print(context.Out, report);
        }

        return CliApp.Ok;
    }
}
