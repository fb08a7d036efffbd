using Cchc.TestSupport;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// One migrated embedded warehouse with PCI 2015–2017 and PAPI 2017 sample scores, shared read-only by the tests of
/// the "loaded warehouse" collection: migrating and loading is the slow part, and those tests only read.
/// </summary>
public sealed class LoadedWarehouse : IDisposable
{
    private readonly TempWarehouse _temp = new();

    public LoadedWarehouse()
    {
        ScoreSamples.Load(_temp.Warehouse, IndexCodes.Pci, [2015, 2016, 2017]);
        ScoreSamples.Load(_temp.Warehouse, IndexCodes.Papi, [2017]);
    }

    public IWarehouse Warehouse => _temp.Warehouse;

    public string Directory => _temp.Directory;

    public void Dispose() => _temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class LoadedWarehouseGroup : ICollectionFixture<LoadedWarehouse>
{
    public const string Name = "loaded warehouse";
}
