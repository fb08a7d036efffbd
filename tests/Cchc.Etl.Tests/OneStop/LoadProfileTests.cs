using System.Globalization;
using Cchc.Etl.Loading;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>
/// <c>bench --profile</c>'s breakdown comes from the loader itself: with a profile, every step of a real load takes
/// time (no step is left unmeasured), the parsing thread's steps fit in the load's wall time, and the load loads
/// exactly what it loads without one.
/// </summary>
public sealed class LoadProfileTests
{
    private const int Rows = 30_000;

    [Fact]
    public void A_profiled_load_times_every_step_and_loads_what_an_unprofiled_one_does()
    {
        using var profiled = new LogFixture();
        using var plain = new LogFixture();
        var lines = Enumerable.Range(1, Rows).Select(Line).Append("HS-bad;1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;31/02/2024;29/03/2024;;;Đang xử lý").ToArray();
        var profile = new LoadProfile();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = profiled.Load(profiled.Write("log.csv", lines), new OneStopLogLoader { Profile = profile, ChunkRows = 10_000 });
        var wall = clock.Elapsed;
        var expected = plain.Load(plain.Write("log.csv", lines), new OneStopLogLoader { ChunkRows = 10_000 });

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((expected.RowsLoaded, expected.RowsQuarantined), (result.RowsLoaded, result.RowsQuarantined));
        Assert.Equal((Rows, 1), (result.RowsLoaded, result.RowsQuarantined));
        Assert.Equal(Enum.GetValues<LoadStep>(), profile.Steps.Select(s => s.Step));
        foreach (var (step, time) in profile.Steps)
        {
            Assert.True(time > TimeSpan.Zero, $"{step} took no time");
        }

        Assert.True(profile[LoadStep.Hash] <= profile[LoadStep.Read], "hashing is part of reading");
        var parsing = new[] { LoadStep.Read, LoadStep.ParseAndValidate, LoadStep.LookUp, LoadStep.WaitForWriter }.Sum(s => profile[s].Ticks);
        Assert.True(TimeSpan.FromTicks(parsing) <= wall, "the parsing thread's steps exceed the load's wall time");
        var writing = new[] { LoadStep.WaitForRows, LoadStep.Append, LoadStep.Merge, LoadStep.Commit }.Sum(s => profile[s].Ticks);
        Assert.True(TimeSpan.FromTicks(writing) <= wall, "the writing thread's steps exceed the load's wall time");
    }

    private static string Line(int i) => string.Create(CultureInfo.InvariantCulture,
        $"HS-{i};1.001193;Đăng ký khai sinh;Hộ tịch;UBND Phường 1;Cấp xã;Lâm Đồng;Trực tiếp;;{1 + (i % 28):00}/03/2024;29/03/2024;;;Đang xử lý");
}
