using Cchc.Cli.Parsing;
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
internal sealed class DriversCommand : ICommand
{
    public string Name => "drivers";

    public string Summary => "Why a rank changed: exact attribution, peer effect, models vs baselines";

    public void Declare(CommandSyntax syntax) => syntax
        .Text("province", "P", "the province: a GSO code (68) or a name, with or without diacritics (\"Lâm Đồng\", \"lam dong\")", required: true)
        .Year("year", "the year whose rank change to explain (against the year before)", required: true)
        .OneOf("index", "the index (default PAR)", "PAR", "PCI", "PAPI")
        .Flag("no-models", "only the exact attribution: skip training the models (fast)")
        .Number("seed", "N", "the random seed of the models and the re-measurements (default 20180620, so runs repeat)")
        .Number("permutations", "N", "permutations per feature for the importances (default 30; at least 2: a standard error needs two)", min: 2)
        .Number("bootstrap", "N", "refits on provinces drawn with replacement behind the importance intervals (default 10; 0: none)", min: 0)
        .Number("draws", "N", "re-measurements of the survey points behind the 90 % intervals (default 200; 0: no intervals)", min: 0)
        .Warehouse()
        .Json("the attribution and the models")
        .Example("cchc drivers --province \"Lâm Đồng\" --year 2017", "why Lâm Đồng's PAR rank moved in 2017")
        .Example("cchc drivers --province 68 --year 2017 --index PCI --no-models --json", "PCI, attribution only, as JSON");

    public int Run(CommandContext context)
    {
        var year = ProvinceArgument.Year(context);
        var index = ProvinceArgument.Index(context);
        var province = ProvinceArgument.Resolve(context, year);
        using var warehouse = context.OpenForReading();
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
