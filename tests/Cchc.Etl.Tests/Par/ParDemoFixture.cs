using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Etl.Sources.Par.Synthetic;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Par;

/// <summary>The PAR part of the demo, once per test class: generate, write the workbooks, load them with the real loader.</summary>
public sealed class ParDemoFixture : IDisposable
{
    private readonly TempWarehouse _warehouse = new();

    public ParDemoFixture()
    {
        Sample = ParSampleGenerator.Generate();
        Files = ParSampleWriter.Write(Path.Combine(_warehouse.Directory, "sample"), Sample);
        var loader = LoaderRegistry.ForKind(ParSampleWriter.Kind) ?? throw new InvalidOperationException("no par loader registered");
        var run = Warehouse.StartRun("test demo load par");
        Results = Files.Select(f => loader.Load(Warehouse, run, f.Path)).ToList();
        Warehouse.FinishRun(run, "succeeded");
    }

    internal ParSample Sample { get; }

    public IReadOnlyList<SampleFile> Files { get; }

    public IReadOnlyList<FileLoadResult> Results { get; }

    public IWarehouse Warehouse => _warehouse.Warehouse;

    public void Dispose() => _warehouse.Dispose();
}
