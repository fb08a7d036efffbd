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
        // The loader the registry builds for PCI (IndexFileLoader over PciSource), with the parse results kept so
        // that tests can see source cells without opening every workbook a second time.
        var source = new CapturingSource(new PciSource());
        var loader = new IndexFileLoader(source);
        Warehouse = new TempWarehouse();
        var run = Warehouse.Warehouse.StartRun("test: load real PCI");
        Results = Files.Select(f => loader.Load(Warehouse.Warehouse, run, f)).ToList();
        Warehouse.Warehouse.FinishRun(run, "succeeded");
        Parsed = source.Parsed;
    }

    public IReadOnlyList<string> Files { get; }

    internal IReadOnlyDictionary<string, ParsedScores> Parsed { get; }

    public TempWarehouse Warehouse { get; }

    public IReadOnlyList<FileLoadResult> Results { get; }

    internal ParsedScores ParsedYear(int year) => Parsed.Values.Single(p => p.Years.Single() == year);

    public void Dispose() => Warehouse.Dispose();

    private sealed class CapturingSource(IIndexSource inner) : IIndexSource
    {
        public Dictionary<string, ParsedScores> Parsed { get; } = new(StringComparer.Ordinal);

        public string Kind => inner.Kind;

        public string IndexCode => inner.IndexCode;

        public bool Recognises(Workbook workbook) => inner.Recognises(workbook);

        public ParsedScores Parse(Workbook workbook)
        {
            var parsed = inner.Parse(workbook);
            Parsed[workbook.Path] = parsed;
            return parsed;
        }
    }
}

/// <summary>Test classes over the real PCI files share one parse and one load.</summary>
[CollectionDefinition(Name)]
public sealed class RealPciGroup : ICollectionFixture<RealPciFixture>
{
    public const string Name = "real PCI files";
}
