using Cchc.Etl.Loading;
using Cchc.Etl.Sources.Papi;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Papi;

/// <summary>The real combined PAPI workbook loaded once into a fresh warehouse, shared by the tests of a class.</summary>
public sealed class RealPapiLoad : IDisposable
{
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
        Warehouse.Query<double?>(
            "SELECT score FROM rpt.index_score WHERE index_code = 'PAPI' AND year = @year AND province_code = @provinceCode AND criterion_code = @criterion",
            new { year, provinceCode, criterion }).SingleOrDefault();

    public void Dispose() => Temp.Dispose();
}
