using Cchc.Etl.Provinces;
using Cchc.Reports.Localization;
using Cchc.Reports.Report;
using Cchc.Warehouse;

namespace Cchc.Cli.Commands;

/// <summary>
/// <c>cchc report --province P --year Y --out DIR [--lang vi|en] [--index PAR|PCI|PAPI] [--target-rank N]</c> writes a
/// self-contained <c>DIR/index.html</c> plus each chart as PNG; <c>cchc report --all --year Y --out DIR</c> writes one
/// report per province and a national overview linking them.
/// </summary>
public sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Usage => "report (--province P | --all) --year Y --out DIR [--lang vi|en] [--index PAR|PCI|PAPI] [--target-rank N]";

    public string Summary => "Write the Vietnamese/English HTML report with charts (one province, or all with an overview)";

    public int Run(CommandContext context)
    {
        var line = context.Line;
        var year = line.IntOption("year") ?? throw new UsageException("--year is required");
        var outDir = Path.GetFullPath(line.RequireOption("out"));
        var index = (line.Option("index") ?? IndexCodes.Par).ToUpperInvariant();
        if (index is not (IndexCodes.Par or IndexCodes.Pci or IndexCodes.Papi))
        {
            throw new UsageException($"--index must be PAR, PCI or PAPI, not '{line.Option("index")}'");
        }

        var language = Language(line.Option("lang"));
        var all = line.Has("all");
        if (all == line.Has("province"))
        {
            throw new UsageException("give either --province P or --all");
        }

        using var warehouse = context.OpenForReading();
        var runner = new ReportRunner(warehouse);
        try
        {
            if (all)
            {
                var result = runner.WriteAll(year, index, language, outDir, context.Progress);
                context.Out.WriteLine($"Wrote {result.ReportPaths.Count} province reports and the overview: {result.OverviewPath}");
                return CliApp.Ok;
            }

            var province = ResolveProvince(line.RequireOption("province"), year);
            var path = runner.WriteProvince(new ReportRequest(province, year, index, language, line.IntOption("target-rank")), outDir);
            context.Out.WriteLine(path);
            return CliApp.Ok;
        }
        catch (ReportDataException e)
        {
            context.Err.WriteLine($"cchc report: {e.Message}");
            return CliApp.Failed;
        }
    }

    /// <summary>Writes the report the demo ends with; null (and a note) when the warehouse has nothing to report on.</summary>
    private static ReportLanguage Language(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "vi" => ReportLanguage.Vi,
        "en" => ReportLanguage.En,
        _ => throw new UsageException($"--lang must be vi or en, not '{code}'"),
    };

    /// <summary>A GSO code ("68", "8") or any spelling of the name the resolver knows ("Lâm Đồng", "Lam Dong").</summary>
    private static string ResolveProvince(string text, int year)
    {
        var province = (text.Trim().All(char.IsAsciiDigit)
                ? Cchc.Warehouse.Reference.ProvinceCatalog.Default.ByCode(text, year)
                : ProvinceResolver.Default.Resolve(text, year))
            ?? throw new UsageException($"unknown province '{text}' in {year}: give a GSO code or a province name");
        return province.GsoCode;
    }
}
