using Cchc.Warehouse;

namespace Cchc.Etl.Loading;

/// <summary>Loads one kind of file (pci, papi, par, plan, onestop) into the warehouse, one transaction per file.</summary>
public interface IFileLoader
{
    string Kind { get; }

    /// <summary>Whether the file's content (not just its name) is of this kind.</summary>
    bool Recognises(string path);

    FileLoadResult Load(IWarehouse warehouse, long runId, string path);

    /// <summary>Loads as <see cref="Load(IWarehouse, long, string)"/> and tells <paramref name="progress"/> how far it
    /// has got as it reads; a loader that reads a small file in one piece reports nothing.</summary>
    FileLoadResult Load(IWarehouse warehouse, long runId, string path, IProgress<LoadProgress>? progress) => Load(warehouse, runId, path);
}
