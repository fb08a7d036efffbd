using Cchc.Etl.Provinces;
using Cchc.Warehouse.Reference;

namespace Cchc.Cli.Commands;

/// <summary>Reads <c>--province</c>: a GSO code ("68") or any spelling the province resolver knows ("Lam Dong", "TP. HCM").</summary>
internal static class ProvinceArgument
{
    public static Province Resolve(CommandContext context, int year)
    {
        var text = context.Line.RequireOption("province");
        var province = text.Trim().All(char.IsAsciiDigit)
            ? ProvinceCatalog.Default.ByCode(text, year)
            : ProvinceResolver.Default.Resolve(text, year);
        return province
            ?? throw new UsageException($"unknown province '{text}' for {year}: give a province name (with or without diacritics) or its GSO code");
    }

    /// <summary><c>--province</c> and the deployment default <c>CCHC_PROVINCE</c>, for files that name no province;
    /// a value that names no province is a usage error before anything is loaded.</summary>
    public static ProvinceSetting Setting(CommandContext context)
    {
        try
        {
            return ProvinceSetting.From(context.Line.Option("province"), Environment.GetEnvironmentVariable(ProvinceSetting.EnvironmentVariable));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    public static int Year(CommandContext context) =>
        context.Line.IntOption("year") ?? throw new UsageException("--year is required");

    public static string Index(CommandContext context)
    {
        var index = (context.Line.Option("index") ?? Warehouse.IndexCodes.Par).Trim().ToUpperInvariant();
        return index is Warehouse.IndexCodes.Par or Warehouse.IndexCodes.Pci or Warehouse.IndexCodes.Papi
            ? index
            : throw new UsageException($"--index must be PAR, PCI or PAPI, not '{index}'");
    }
}
