using Cchc.Cli.Output;
using Cchc.Cli.Parsing;
using Cchc.Etl.Loading;
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
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "Write the Vietnamese/English HTML report with charts (one province, or all with an overview)";

    public void Declare(CommandSyntax syntax) => syntax
        .Text("province", "P", "the province: a GSO code (68) or a name, with or without diacritics (or --all)")
        .Flag("all", "every province with a score in the year, and a national overview linking them (or --province)")
        .Year("year", "the year to report on", required: true)
        .Text("out", "DIR", "the folder to write index.html and the charts' PNGs into", required: true)
        .OneOf("lang", "the report's language (default vi)", "vi", "en")
        .OneOf("index", "the index the report is about (default PAR)", "PAR", "PCI", "PAPI")
        .Number("target-rank", "N", "the rank the report's recovery plan aims for", min: 1)
        .Warehouse()
        .Rule(line => line.Has("all") == line.Has("province") ? "give either --province P or --all" : null)
        .Example("cchc report --province \"Lâm Đồng\" --year 2024 --out out/report", "one province's report, in Vietnamese")
        .Example("cchc report --province 68 --year 2024 --out out/report-en --lang en", "the same in English")
        .Example("cchc report --all --year 2024 --out out/reports", "every province and the national overview");

    public int Run(CommandContext context)
    {
        var line = context.Line;
        var year = line.IntOption("year") ?? throw new UsageException("--year is required");
        var outDir = Path.GetFullPath(line.RequireOption("out"));
        var index = (line.Option("index") ?? IndexCodes.Par).ToUpperInvariant();
        var language = Language(line.Option("lang"));
        var province = line.Has("all") ? null : ResolveProvince(line.RequireOption("province"), year);
        using var warehouse = context.OpenForReading();
        var runner = new ReportRunner(warehouse);
        try
        {
            if (province is null)
            {
                var result = ProgressBoard.Run(context, board =>
                {
                    ProgressItem? reports = null;
                    var written = runner.WriteAll(year, index, language, outDir, p =>
                    {
                        reports ??= board.Start($"{index} {year} reports", p.Total, "provinces", announce: false);
                        context.Progress($"[{p.Done + 1}/{p.Total}] {p.Province} → {p.Folder}/");
                        reports.Report(new LoadProgress(p.Done));
                    });
                    reports?.Finish();
                    return written;
                });
                context.Out.WriteLine($"Wrote {result.ReportPaths.Count} province reports and the overview: {result.OverviewPath}");
                return CliApp.Ok;
            }

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

    /// <summary>The report's language from --lang (declared vi|en; Vietnamese when not given).</summary>
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
