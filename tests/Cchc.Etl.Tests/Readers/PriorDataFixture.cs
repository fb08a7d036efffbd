using Cchc.Etl.Loading;
using Cchc.Etl.Sources.Pci;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Readers;

/// <summary>A warehouse holding data loaded before any bad file arrives; every failure in ReaderRobustnessTests must
/// leave it as it was. Shared by those tests (they run one after another), each naming its files apart.</summary>
public sealed class PriorDataFixture : IDisposable
{
    public PriorDataFixture()
    {
        var file = PciSampleWriter.WriteYear(Folder.Path, 2017);
        var result = LoaderRegistry.ForKind("pci")!.Load(Warehouse.Warehouse, Warehouse.Warehouse.StartRun("prior"), file.Path);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.Error);
        }
    }

    public TempFolder Folder { get; } = new();

    public TempWarehouse Warehouse { get; } = new();

    public void Dispose()
    {
        Warehouse.Dispose();
        Folder.Dispose();
    }
}
