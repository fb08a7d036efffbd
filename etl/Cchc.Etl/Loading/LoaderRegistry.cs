using Cchc.Etl.Sources;
using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Sources.Papi;
using Cchc.Etl.Sources.Par;

namespace Cchc.Etl.Loading;

/// <summary>Every file loader, by kind. Index parsers are wrapped in <see cref="IndexFileLoader"/>; loaders of other
/// kinds of file (dossier logs, results reports, remediation plans) register directly and come first, because they recognise a file
/// from its header alone while index loaders read whole workbooks.</summary>
public static class LoaderRegistry
{
    private static readonly IIndexSource[] IndexSources = [new PciSource(), new PapiSource(), new ParSource()];

    private static readonly IFileLoader[] OtherLoaders = [new OneStopLogLoader(), new OneStopCatalogLoader(), new OneStopReportLoader(), new RemediationPlanLoader()];

    private static readonly Lazy<IReadOnlyList<IFileLoader>> Loaders = new(() =>
        OtherLoaders.Concat(IndexSources.Select(s => (IFileLoader)new IndexFileLoader(s))).ToList());

    public static IReadOnlyList<IFileLoader> All => Loaders.Value;

    public static IReadOnlyList<string> Kinds => All.Select(l => l.Kind).ToList();

    public static IFileLoader? ForKind(string kind) =>
        All.FirstOrDefault(l => string.Equals(l.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>The loader whose kind the file's content shows, or null; never throws (see <see cref="FileGuard"/>).</summary>
    public static IFileLoader? Recognise(string path) => FileGuard.Recognise(All, path);

    /// <summary>Every loader, those of one-province files deciding a province the file does not name with
    /// <paramref name="province"/> (<c>--province</c>, <c>CCHC_PROVINCE</c>).</summary>
    public static IReadOnlyList<IFileLoader> WithProvince(Provinces.ProvinceSetting province) =>
        All.Select(l => l is IProvinceScopedLoader scoped ? scoped.WithProvince(province) : l).ToList();

    /// <summary>Files named on the command line, with folders expanded to their spreadsheets and CSVs, sorted.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".xls" or ".xlsx" or ".csv" or ".docx")
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }
}
