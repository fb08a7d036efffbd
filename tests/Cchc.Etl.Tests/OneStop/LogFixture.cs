using System.Text;
using Cchc.Etl.Loading;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>Builds small dossier logs in a temporary warehouse's folder and loads them.</summary>
internal sealed class LogFixture : IDisposable
{
    public const string Header = "Mã hồ sơ;Mã TTHC;Tên TTHC;Lĩnh vực;Cơ quan;Cấp;Tỉnh;Kênh;Mức độ DVC;Ngày tiếp nhận;Ngày hẹn trả;Ngày có kết quả;Ngày trả kết quả;Trạng thái";

    private int _files;

    public TempWarehouse Temp { get; } = new();

    public IWarehouse Warehouse => Temp.Warehouse;

    public string Write(string name, params string[] lines) =>
        WriteText(name, string.Join("\n", new[] { Header }.Concat(lines)) + "\n");

    public string WriteText(string name, string text)
    {
        var path = Path.Combine(Temp.Directory, $"{_files++:00}-{name}");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public FileLoadResult Load(string path, OneStopLogLoader? loader = null) => LoadWith(loader ?? new OneStopLogLoader(), path);

    public FileLoadResult LoadWith(IFileLoader loader, string path)
    {
        var run = Warehouse.StartRun("test");
        var result = loader.Load(Warehouse, run, path);
        Warehouse.FinishRun(run, result.Succeeded ? "succeeded" : "failed");
        return result;
    }

    public long Count(string sql) => Warehouse.Query<long>(sql).Single();

    public void Dispose() => Temp.Dispose();
}
