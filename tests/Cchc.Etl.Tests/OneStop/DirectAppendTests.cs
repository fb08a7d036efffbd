using Cchc.Etl.Loading;
using Cchc.Etl.OneStop;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>
/// A province's first export goes straight into the fact (no stage, no merge) for every dossier it has not delivered
/// before; the result must be exactly what the merge gives. The same file is loaded twice: into a warehouse that has
/// never seen the province (straight in) and into one that holds another dossier of it (everything merged).
/// </summary>
public sealed class DirectAppendTests
{
    private static readonly string[] Lines = Enumerable.Range(1, 260)
        .Select(i => i switch
        {
            // Dossiers 1–30 come back later in the file (in the same chunk and in later ones) further along, or behind.
            > 230 => $"HS-{i - 230};;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;{(i % 3 == 0 ? "" : "05/04/2024")};;",
            _ => $"HS-{i};;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/04/2024;10/04/2024;;;",
        })
        .ToArray();

    private const string FactRows =
        """
        SELECT dossier_key, province_code_2025, dossier_code, province_key, procedure_key, agency_key, level_key, channel_key,
               service_level, status_code, received_date, due_date, resolved_date, returned_date, is_synthetic, source_line, update_count,
               first_file_id = file_id AS same_file
        FROM dw.fact_dossier WHERE dossier_code LIKE 'HS-%' ORDER BY dossier_code
        """;

    [Fact]
    public void A_first_export_written_straight_into_the_fact_equals_the_same_export_merged()
    {
        using var straight = new LogFixture();
        using var merged = new LogFixture();
        var other = merged.Load(merged.Write("other.csv", "OTHER-1;;;;Sở Y tế;Cấp tỉnh;Lâm Đồng;Trực tiếp;;01/03/2024;10/03/2024;;;"));
        Assert.True(other.Succeeded, other.Error);

        var a = straight.Load(straight.Write("log.csv", Lines), new OneStopLogLoader { ChunkRows = 40 });
        var b = merged.Load(merged.Write("log.csv", Lines), new OneStopLogLoader { ChunkRows = 40 });

        Assert.True(a.Succeeded, a.Error);
        Assert.True(b.Succeeded, b.Error);
        Assert.Equal(230, straight.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
        Assert.Equal(20, straight.Count("SELECT COUNT(*) FROM dw.fact_dossier WHERE resolved_date IS NOT NULL"));
        Assert.Equal(Rows(merged), Rows(straight));
        Assert.Equal(
            merged.Warehouse.Query<(long New, long Updated, long Read)>("SELECT rows_new, rows_updated, rows_read FROM dw.dossier_export ORDER BY file_id DESC LIMIT 1")[0],
            straight.Warehouse.Query<(long New, long Updated, long Read)>("SELECT rows_new, rows_updated, rows_read FROM dw.dossier_export").Single());
        // 30 repeats are merged: 20 progressed, 10 still open (an open dossier takes the later export, so it counts).
        Assert.Equal((230L, 30L), straight.Warehouse.Query<(long New, long Updated)>("SELECT rows_new, rows_updated FROM dw.dossier_export").Single());
    }

    [Theory]
    [InlineData(200_000, 0.001)]
    [InlineData(5_000_000, 0.02)]
    public void The_key_filter_never_forgets_a_key_and_rarely_claims_one(int keys, double falseShare)
    {
        var filter = new DossierKeyFilter();
        var added = Enumerable.Range(0, keys).Select(i => DossierStage.DossierKey("68", $"HS-{i}")).ToList();
        var firstTimes = added.Count(key => !filter.Add(key));

        Assert.All(added, key => Assert.True(filter.MightContain(key)));
        Assert.All(added.Take(1000), key => Assert.True(filter.Add(key)));
        var claimed = Enumerable.Range(0, 200_000).Count(i => filter.MightContain(DossierStage.DossierKey("68", $"OTHER-{i}")));
        Assert.True(claimed < falseShare * 200_000, $"{claimed} of 200,000 unseen keys claimed as seen after {keys:N0}");
        Assert.True(firstTimes > (1 - falseShare) * keys, $"only {firstTimes:N0} of {keys:N0} distinct keys were new to the filter");
    }

    private static List<string> Rows(LogFixture f) =>
        f.Warehouse.Query<dynamic>(FactRows).Select(r => string.Join('|', ((IDictionary<string, object?>)r).Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)))).ToList();
}
