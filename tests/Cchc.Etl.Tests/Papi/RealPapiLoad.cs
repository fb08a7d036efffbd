using Cchc.Etl.Loading;
using Cchc.Etl.Sources.Papi;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Papi;

/// <summary>The real combined PAPI workbook loaded once into a fresh warehouse, shared by the real-PAPI test classes.</summary>
public sealed class RealPapiLoad : IDisposable
{
    private readonly Dictionary<int, Dictionary<(string, string), double>> _byYear = [];

    public RealPapiLoad()
    {
        Result = Load(Temp.Warehouse);
    }

    public TempWarehouse Temp { get; } = new();

    public IWarehouse Warehouse => Temp.Warehouse;

    public FileLoadResult Result { get; }

    public FileLoadResult Load(IWarehouse warehouse)
    {
        var run = warehouse.StartRun("test load papi");
        var result = new IndexFileLoader(new PapiSource()).Load(warehouse, run, SharedData.PapiWorkbook);
        warehouse.FinishRun(run, result.Succeeded ? "succeeded" : "failed", result.Error);
        return result;
    }

    /// <summary>Score of one province, year and criterion from the reporting view (null when not loaded).</summary>
    public double? Score(int year, string provinceCode, string criterion) =>
        ScoresOf(year).TryGetValue((provinceCode, criterion), out var score) ? score : null;

    /// <summary>Every PAPI score of a year from rpt.index_score, by province code and criterion code (read once).</summary>
    public IReadOnlyDictionary<(string Province, string Criterion), double> ScoresOf(int year)
    {
        lock (_byYear)
        {
            if (!_byYear.TryGetValue(year, out var scores))
            {
                _byYear[year] = scores = Warehouse.Query<(string Province, string Criterion, double Score)>(
                        "SELECT province_code, criterion_code, score FROM rpt.index_score WHERE index_code = 'PAPI' AND year = @year", new { year })
                    .ToDictionary(r => (r.Province, r.Criterion), r => r.Score);
            }

            return scores;
        }
    }

    public void Dispose() => Temp.Dispose();
}

[CollectionDefinition(Name)]
public sealed class RealPapiTests : ICollectionFixture<RealPapiLoad>
{
    public const string Name = "real PAPI workbook";
}
