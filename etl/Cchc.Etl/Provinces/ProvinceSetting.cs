using Cchc.Etl.OneStop;

namespace Cchc.Etl.Provinces;

/// <summary>
/// The province a command or a deployment names for files that do not say whose they are (a province's own one-stop
/// export has no province column: the whole file is that province's system). <see cref="Given"/> is the command's
/// <c>--province</c>: a file that names another province fails. <see cref="DeploymentDefault"/> is the deployment's
/// (<c>CCHC_PROVINCE</c>, the nightly's settings): used only when neither the command nor the file names one.
/// Both hold a GSO code; the command line may give any spelling the <see cref="ProvinceResolver"/> knows.
/// </summary>
public sealed record ProvinceSetting(string? Given, string? DeploymentDefault)
{
    /// <summary>The deployment's province: a GSO code or a name, e.g. <c>CCHC_PROVINCE=68</c>.</summary>
    public const string EnvironmentVariable = "CCHC_PROVINCE";

    public static ProvinceSetting None { get; } = new(null, null);

    /// <summary>Validates and normalises <c>--province</c> and <c>CCHC_PROVINCE</c> to GSO codes.</summary>
    /// <exception cref="ArgumentException">A value that names no province, with the option or variable named.</exception>
    public static ProvinceSetting From(string? option, string? environment) =>
        new(Code(option, "--province"), Code(environment, EnvironmentVariable));

    /// <summary>"--province 68 (Lâm Đồng)" or "CCHC_PROVINCE=68 (Lâm Đồng)", for decisions and messages.</summary>
    public static string Describe(string code, bool given) =>
        given ? $"--province {code} ({Name(code)})" : $"{EnvironmentVariable}={code} ({Name(code)})";

    /// <summary>The province's short name (the latest entity with the code).</summary>
    public static string Name(string code) =>
        Warehouse.Reference.ProvinceCatalog.Default.All.Where(p => p.GsoCode == code).OrderByDescending(p => p.ValidFrom).First().ShortName;

    private static string? Code(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return ProvinceOnDay.Code(text)
               ?? throw new ArgumentException($"{what} '{text}' is not a province: give a GSO code (e.g. 68) or a name (e.g. \"Lâm Đồng\", \"TP. HCM\")");
    }
}
