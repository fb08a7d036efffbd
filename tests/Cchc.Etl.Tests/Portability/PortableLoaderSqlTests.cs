using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;

namespace Cchc.Etl.Tests.Portability;

/// <summary>
/// Every loader writes its SQL once for both engines (what differs comes from the warehouse's dialect). Loading one
/// sample file of each kind, everything the loaders and their quality gates send is recorded as SQL Server would
/// receive it — the dossier MERGE included — and validated against the DacFx model of the schema with its parameters
/// typed as SqlClient sends them: a bare TRUE, a wrong column or table fails here, with no server.
/// </summary>
public sealed class PortableLoaderSqlTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    [Fact]
    public void Everything_the_loaders_send_validates_against_the_SqlServer_schema_model()
    {
        var samples = SampleGenerator.WriteAll(Path.Combine(_temp.Directory, "sample"));
        var recording = new RecordingWarehouse(_temp.Warehouse);
        var run = recording.StartRun("portable loader sql test");
        var kinds = new List<string>();
        foreach (var group in samples.GroupBy(f => f.Kind))
        {
            var loader = LoaderRegistry.ForKind(group.Key)!;
            // A province's first export goes straight into the fact; its second takes the MERGE, which must be validated too.
            foreach (var file in group.Take(group.Key is "onestop-catalog" or "onestop" ? 2 : 1))
            {
                var result = loader.Load(recording, run, file.Path);
                Assert.True(result.Succeeded, $"{file.Path}: {result.Error}");
            }

            kinds.Add(group.Key);
        }

        recording.FinishRun(run, "succeeded");
        Assert.Equal(["pci", "papi", "par", "plan", "onestop", "onestop-catalog", "onestop-report"], kinds);

        Assert.Contains(recording.Statements, s => s.Sql.StartsWith("MERGE INTO dw.fact_dossier WITH (HOLDLOCK)", StringComparison.Ordinal));
        Assert.True(recording.Statements.Count > 20, $"only {recording.Statements.Count} statements recorded");
        var failures = ModelCheck.Failures(ModelCheck.Typed(recording.Statements, "loader statement"));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    public void Dispose() => _temp.Dispose();
}
