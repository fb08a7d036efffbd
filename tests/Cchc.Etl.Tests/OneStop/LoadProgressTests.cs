using System.Globalization;
using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>
/// The one-stop loader reports its progress as it reads (what the CLI's bars and rows/s come from): rows read so far,
/// growing, and the fraction of the file consumed, reaching the whole file; a CSV and an Excel export alike.
/// </summary>
public sealed class LoadProgressTests
{
    // Enough that the parser's read-ahead (a few batches of 4,096 rows) is a small part of the CSV.
    private const int CsvRows = 60_000;
    private const int ExcelRows = 10_000;

    [Fact]
    public void A_csv_log_reports_rows_and_the_fraction_read_as_it_loads()
    {
        using var f = new LogFixture();
        var path = f.Write("log.csv", Enumerable.Range(1, CsvRows).Select(Line).ToArray());

        AssertProgress(Load(f, path, CsvRows), CsvRows);
    }

    [Fact]
    public void An_excel_log_reports_them_too()
    {
        using var f = new LogFixture();
        var path = Path.Combine(f.Temp.Directory, "log.xlsx");
        var writer = new XlsxWriter();
        var sheet = writer.AddSheet("Hồ sơ").Row(0, LogFixture.Header.Split(';'));
        for (var i = 1; i <= ExcelRows; i++)
        {
            sheet.Row(i, Line(i).Split(';'));
        }

        writer.Save(path);

        AssertProgress(Load(f, path, ExcelRows), ExcelRows);
    }

    [Fact]
    public void A_loader_that_reads_in_one_piece_reports_nothing_and_loads_as_before()
    {
        using var f = new LogFixture();
        var path = f.Write("catalog.csv");
        var progress = new Recorder();
        IFileLoader loader = new OneStopCatalogLoader();
        var run = f.Warehouse.StartRun("test");

        loader.Load(f.Warehouse, run, path, progress);

        Assert.Empty(progress.Reports);
    }

    private static List<LoadProgress> Load(LogFixture f, string path, int rows)
    {
        var progress = new Recorder();
        IFileLoader loader = new OneStopLogLoader();
        var run = f.Warehouse.StartRun("test");
        var result = loader.Load(f.Warehouse, run, path, progress);
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(rows, result.RowsLoaded);
        return progress.Reports;
    }

    private static void AssertProgress(List<LoadProgress> reports, int rows)
    {
        Assert.True(reports.Count >= 3, $"{reports.Count} reports for {rows} rows");
        Assert.Equal(rows, reports[^1].Rows);
        Assert.All(reports.Zip(reports.Skip(1)), p => Assert.True(p.Second.Rows > p.First.Rows && p.Second.Fraction >= p.First.Fraction));
        Assert.All(reports, r => Assert.InRange(r.Fraction!.Value, 0.0, 1.0));
        Assert.True(reports[0].Fraction < 1.0, "the first batch should not have needed the whole file");
        Assert.Equal(1.0, reports[^1].Fraction!.Value, 2);
    }

    private static string Line(int i) => string.Create(CultureInfo.InvariantCulture,
        $"HS-{i};1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;{1 + (i % 28):00}/03/2024;29/03/2024;;;Đang xử lý");

    /// <summary>Records what the loader reports, on the loader's own thread (no synchronisation context).</summary>
    private sealed class Recorder : IProgress<LoadProgress>
    {
        public List<LoadProgress> Reports { get; } = [];

        public void Report(LoadProgress value) => Reports.Add(value);
    }
}
