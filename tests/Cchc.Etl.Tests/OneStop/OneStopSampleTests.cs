using Cchc.Etl.Loading;
using Cchc.Etl.Samples;

namespace Cchc.Etl.Tests.OneStop;

public sealed class OneStopSampleTests
{
    [Fact]
    public void The_sample_is_deterministic_marked_synthetic_and_loads_as_an_accumulating_snapshot()
    {
        using var f = new LogFixture();
        var a = Path.Combine(f.Temp.Directory, "a");
        var b = Path.Combine(f.Temp.Directory, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        var writer = new OneStopSampleWriter(rowsPerYear: 1500, firstYear: 2024, lastYear: 2025);
        var files = writer.Write(a);
        writer.Write(b);
        foreach (var file in files)
        {
            Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(Path.Combine(b, Path.GetFileName(file.Path))));
        }

        Assert.StartsWith(SyntheticMarker.CsvCommentLine, File.ReadLines(files[0].Path).First().TrimStart('\uFEFF'));
        foreach (var file in files)
        {
            var result = f.LoadWith(LoaderRegistry.ForKind(file.Kind)!, file.Path);
            Assert.True(result.Succeeded, result.Error);
        }

        // Dossiers still open at the end of 2024 were re-delivered in 2025 and updated in place.
        Assert.Equal(0, f.Count("SELECT COUNT(*) - COUNT(DISTINCT (province_code_2025, dossier_code)) FROM dw.fact_dossier"));
        Assert.True(f.Count("SELECT COUNT(*) FROM dw.fact_dossier WHERE update_count > 0") > 0);
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM dw.fact_dossier WHERE NOT is_synthetic"));
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM rpt.dossier_on_time WHERE NOT is_synthetic"));

        // After 1 July 2025: no district level, and every dossier in the merged province.
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM rpt.dossier WHERE received_date >= DATE '2025-07-01' AND (level_code = 'district' OR province_key <> 168)"));
        Assert.True(f.Count("SELECT COUNT(*) FROM rpt.dossier WHERE received_date < DATE '2025-07-01' AND level_code = 'district' AND province_key = 68") > 0);

        // The Tết dip: February 2024 (Tết on 10 February) receives clearly fewer dossiers than March.
        var february = f.Count("SELECT CAST(SUM(received) AS BIGINT) FROM rpt.dossier_on_time WHERE month_start = DATE '2024-02-01'");
        var march = f.Count("SELECT CAST(SUM(received) AS BIGINT) FROM rpt.dossier_on_time WHERE month_start = DATE '2024-03-01'");
        Assert.True(february < march * 0.8, $"February {february}, March {march}");

        // Lateness concentrates: the worst agency is late far more often than the median one.
        var rates = f.Warehouse.Query<double>(
            "SELECT SUM(late + pending_overdue) * 1.0 / SUM(rated) FROM rpt.dossier_on_time GROUP BY agency_key HAVING SUM(rated) > 50 ORDER BY 1");
        Assert.True(rates[^1] > 3 * rates[rates.Count / 2], string.Join(", ", rates));

        // Every catalogued member fixed up.
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM dw.dim_onestop_agency WHERE is_inferred"));
        Assert.Equal(0, f.Count("SELECT COUNT(*) FROM dw.dim_procedure WHERE is_inferred"));
    }

    [Fact]
    public void Online_share_grows_over_the_years()
    {
        var generator = new OneStopLogGenerator(2000);
        double Share(int year) => generator.ReceivedIn(year).Average(d => d.Channel == 2 ? 1.0 : 0.0);
        Assert.True(Share(2018) < 0.15);
        Assert.True(Share(2021) > Share(2018) + 0.15);
        Assert.True(Share(2025) > Share(2021) + 0.2);
    }
}
