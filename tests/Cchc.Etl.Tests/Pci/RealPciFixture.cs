using Cchc.Etl.Loading;
using Cchc.Etl.Sources;
using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Pci;

/// <summary>
/// Every real PCI workbook in ../shared/data/real/pci, parsed once and loaded once (through the registered loader)
/// into one temporary warehouse shared by the real-data tests. Fails, never skips, when ../shared is missing.
/// </summary>
public sealed class RealPciFixture : IDisposable
{
    public RealPciFixture()
    {
        Files = Directory.EnumerateFiles(SharedData.PciFolder)
            .Where(f => Path.GetExtension(f) is ".xls" or ".xlsx")
            .Order(StringComparer.Ordinal)
            .ToList();
        var source = new PciSource();
        Parsed = Files.ToDictionary(f => f, f => source.Parse(Workbook.Open(f)));

        Warehouse = new TempWarehouse();
        var loader = LoaderRegistry.ForKind("pci") ?? throw new InvalidOperationException("no pci loader registered");
        var run = Warehouse.Warehouse.StartRun("test: load real PCI");
        Results = Files.Select(f => loader.Load(Warehouse.Warehouse, run, f)).ToList();
        Warehouse.Warehouse.FinishRun(run, "succeeded");
    }

    public IReadOnlyList<string> Files { get; }

    public IReadOnlyDictionary<string, ParsedScores> Parsed { get; }

    public TempWarehouse Warehouse { get; }

    public IReadOnlyList<FileLoadResult> Results { get; }

    public ParsedScores ParsedYear(int year) => Parsed.Values.Single(p => p.Years.Single() == year);

    public void Dispose() => Warehouse.Dispose();
}

/// <summary>Test classes over the real PCI files share one parse and one load.</summary>
[CollectionDefinition(Name)]
public sealed class RealPciGroup : ICollectionFixture<RealPciFixture>
{
    public const string Name = "real PCI files";
}
