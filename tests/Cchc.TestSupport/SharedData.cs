namespace Cchc.TestSupport;

/// <summary>
/// Locates <c>../shared</c> (real PCI/PAPI files and reference CSVs) beside the repository. A test that needs it
/// fails with a clear message when it is missing — in CI and locally alike — rather than skipping.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string PciFolder => Path("data", "real", "pci");

    public static string PapiWorkbook => Path("data", "real", "papi", "PAPI 2011-2019.xlsx");

    public static string Fixture(params string[] parts) =>
        System.IO.Path.Combine([RepositoryRoot, "tests", "fixtures", .. parts]);

    private static string Locate()
    {
        var candidate = Environment.GetEnvironmentVariable("CCHC_SHARED")
            ?? System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared"));
        if (!Directory.Exists(System.IO.Path.Combine(candidate, "data")))
        {
            throw new InvalidOperationException(
                $"This test needs the shared reference data at '{candidate}' (the folder 'shared' beside the repository, or CCHC_SHARED). " +
                "It is missing, so the test fails instead of skipping.");
        }

        return candidate;
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "CchcAnalytics.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find CchcAnalytics.sln above " + AppContext.BaseDirectory);
    }
}
