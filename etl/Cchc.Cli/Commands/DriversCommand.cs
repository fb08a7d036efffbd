using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Data;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc drivers --province P --year Y [--index PAR|PCI|PAPI]</c>: why a province's rank changed — exact attribution
/// to fields and criteria, the peer effect, the score waterfall — and models that explain the rank with other data,
/// scored on held-out years against baselines.
/// </summary>
public sealed class DriversCommand : ICommand
{
    public string Name => "drivers";

    public string Usage => "drivers --province P --year Y [--index PAR|PCI|PAPI] [--no-models] [--json]";

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
            context.Progress("Training the models on every year but one, for each year (leave-one-year-out) …");
        }

        var report = DriversAnalysis.Run(source, new DriversRequest(index, year, province.Key, models));
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
