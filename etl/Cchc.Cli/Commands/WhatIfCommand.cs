using System.Globalization;
using Cchc.Cli.Parsing;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Data;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc whatif --province P --year Y [--index PAR] [--set 1.2=3 …] [--target-rank N] [--level N]</c>: recomputes the
/// total and rank with some criterion scores changed, and lists where points were lost in priority order, with the
/// smallest set of recoveries that reaches a target rank.
/// </summary>
internal sealed class WhatIfCommand : ICommand
{
    public string Name => "whatif";

    public string Summary => "What-if scores → new total and rank; priorities; smallest recovery for a target rank";

    public void Declare(CommandSyntax syntax) => syntax
        .Text("province", "P", "the province: a GSO code (68) or a name, with or without diacritics", required: true)
        .Year("year", "the year of the scores", required: true)
        .OneOf("index", "the index (default PAR)", "PAR", "PCI", "PAPI")
        .Repeated("set", "CODE=SCORE", "give criterion CODE this score (repeat for several; 9,5 and 9.5 both read as 9.5)")
        .Number("target-rank", "N", "the smallest set of recoveries that reaches this rank", min: 1)
        .Number("level", "N", "the level of criteria the priorities list: 1 fields, 2 criteria (default 2, or 1 where criteria have no max points)", min: 1)
        .Warehouse()
        .Json("the simulation and the priorities")
        .Example("cchc whatif --province 68 --year 2017 --set 1.2=3 --target-rank 30", "score 3 on 1.2: new total and rank; what reaches rank 30")
        .Example("cchc whatif --province \"Lâm Đồng\" --year 2017", "where points were lost, in priority order");

    public int Run(CommandContext context)
    {
        var year = ProvinceArgument.Year(context);
        var index = ProvinceArgument.Index(context);
        var province = ProvinceArgument.Resolve(context, year);
        var set = ParseSettings(context.Line.Options("set"));
        using var warehouse = context.OpenForReading();
        WhatIfReport report;
        try
        {
            report = WhatIfAnalysis.Run(new AnalyticsSource(warehouse),
                new WhatIfRequest(index, year, province.Key, set, context.Line.IntOption("level"), context.Line.IntOption("target-rank")));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        if (context.Json)
        {
            context.WriteJson(report);
        }
        else
        {
            WhatIfPrinter.Print(context.Out, report);
        }

        return CliApp.Ok;
    }

    /// <summary>"1.2=3", "5.1=2,5" (decimal comma accepted).</summary>
    internal static IReadOnlyDictionary<string, decimal> ParseSettings(IReadOnlyList<string> settings)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var s in settings)
        {
            var eq = s.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !decimal.TryParse(s[(eq + 1)..].Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            {
                throw new UsageException($"--set needs CODE=SCORE (e.g. --set 1.2=3), not '{s}'");
            }

            if (!result.TryAdd(s[..eq].Trim(), value))
            {
                throw new UsageException($"--set names {s[..eq].Trim()} twice");
            }
        }

        return result;
    }
}
