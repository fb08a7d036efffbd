using System.Text;
using Cchc.Etl.Loading;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>
/// A dossier log is read once: its SHA-256 is taken from the bytes the reader reads. Whatever the reader does (reads
/// to the end, stops early, seeks back and reads again), the hash is the whole file's, as <see cref="FileHash"/> computes
/// it, and etl.file records it for a loaded and for a refused log alike.
/// </summary>
public sealed class StreamedHashTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cchc-hash-").FullName;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(300_001)]
    public void Reading_to_the_end_gives_the_whole_file_s_hash(int size)
    {
        var path = Bytes(size);
        using var stream = new HashingFileStream(path, null);
        stream.CopyTo(Stream.Null, 4096);

        Assert.Equal(FileHash.Sha256(path), stream.Finish());
    }

    [Fact]
    public void A_reader_that_stops_early_or_seeks_back_still_gets_the_whole_file_s_hash()
    {
        var path = Bytes(200_000);
        using var stopped = new HashingFileStream(path, null);
        stopped.ReadExactly(new byte[70_000]);
        Assert.Equal(FileHash.Sha256(path), stopped.Finish());

        using var rewound = new HashingFileStream(path, null);
        rewound.ReadExactly(new byte[50_000]);
        rewound.Position = 10_000;
        rewound.ReadExactly(new byte[100_000]);
        rewound.Seek(0, SeekOrigin.Begin);
        rewound.CopyTo(Stream.Null);
        Assert.Equal(FileHash.Sha256(path), rewound.Finish());

        using var skipped = new HashingFileStream(path, null);
        skipped.Position = 150_000;
        skipped.CopyTo(Stream.Null);
        Assert.Equal(FileHash.Sha256(path), skipped.Finish());
    }

    [Fact]
    public void A_loaded_and_a_refused_log_record_their_files_hash()
    {
        using var f = new LogFixture();
        var loaded = f.Write("log.csv", Enumerable.Range(1, 5000).Select(i =>
            $"HS-{i};1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;04/03/2024;06/03/2024;;;Đang xử lý").ToArray());
        var refused = f.WriteText("not-a-log.csv", "Mã hồ sơ;Ngày tiếp nhận\nHS-1;04/03/2024\n");

        Assert.True(f.Load(loaded).Succeeded);
        Assert.False(f.Load(refused).Succeeded);

        var recorded = f.Warehouse.Query<(string Name, string Status, string Sha)>("SELECT file_name, status, sha256 FROM etl.file ORDER BY file_id");
        Assert.Equal(
            [(Path.GetFileName(loaded), "loaded", FileHash.Sha256(loaded)), (Path.GetFileName(refused), "failed", FileHash.Sha256(refused))],
            recorded);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Bytes(int size)
    {
        var path = Path.Combine(_dir, $"{size}.bin");
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
