using Cchc.Warehouse;

namespace Cchc.Etl.Loading;

/// <summary>Loads one kind of file (pci, papi, par, plan, onestop) into the warehouse, one transaction per file.</summary>
public interface IFileLoader
{
    string Kind { get; }

    /// <summary>Whether the file's content (not just its name) is of this kind.</summary>
    bool Recognises(string path);

    FileLoadResult Load(IWarehouse warehouse, long runId, string path);
}
