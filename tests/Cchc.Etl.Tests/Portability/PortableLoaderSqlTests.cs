using Cchc.Etl.Loading;
using Cchc.Etl.OneStop;
using Cchc.Etl.Samples;
using Cchc.TestSupport;
using Cchc.TestSupport.SqlServer;
using Cchc.Warehouse.Engines;

namespace Cchc.Etl.Tests.Portability;

/// <summary>
/// Every loader writes its SQL once for both engines. Loading one sample file of each kind into the embedded warehouse,
/// everything the loaders and their quality gates send must also be valid T-SQL (as the SQL Server engine sends it), so
/// that the same loaders work on SQL Server. The dossier merge, the one engine-specific statement, has its own test.
/// </summary>
public sealed class PortableLoaderSqlTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    [Fact]
    public void Everything_the_loaders_send_parses_as_TSql()
    {
        var samples = SampleGenerator.WriteAll(Path.Combine(_temp.Directory, "sample"));
        var recording = new RecordingWarehouse(_temp.Warehouse);
        var run = recording.StartRun("portable loader sql test");
        var kinds = new List<string>();
        foreach (var group in samples.GroupBy(f => f.Kind))
        {
            var loader = LoaderRegistry.ForKind(group.Key)!;
            foreach (var file in group.Take(group.Key == "onestop-catalog" ? 2 : 1))
            {
                var result = loader.Load(recording, run, file.Path);
                Assert.True(result.Succeeded, $"{file.Path}: {result.Error}");
            }

            kinds.Add(group.Key);
        }

        recording.FinishRun(run, "succeeded");
        Assert.Equal(["pci", "papi", "par", "plan", "onestop", "onestop-catalog", "onestop-report"], kinds);

        var duckDbMerge = DossierSql.Merge(_temp.Target);
        var statements = recording.Statements.Distinct().Where(s => s != duckDbMerge).ToList();
        Assert.True(statements.Count > 20, $"only {statements.Count} statements recorded");
        var failures = TSql.Failures(statements.Select((sql, i) => ($"statement {i + 1}", SqlServerDialect.Instance.Parameters(sql))));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    public void Dispose() => _temp.Dispose();
}
