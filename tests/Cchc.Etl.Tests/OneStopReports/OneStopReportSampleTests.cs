using Cchc.Etl.Loading;
using Cchc.Etl.OneStopReports;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Tests.OneStopReports;

/// <summary>The synthetic results reports: generated from the synthetic dossier world in the form's layout, marked
/// synthetic, consistent (every row and group adds up), and loaded by the real loader.</summary>
public sealed class OneStopReportSampleTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly IReadOnlyList<SampleFile> _files;

    public OneStopReportSampleTests() => _files = new OneStopReportSampleWriter(rowsPerYear: 3000).Write(_folder.Path);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Four_quarters_of_2017_per_field_and_the_first_half_of_2024_per_agency_marked_synthetic()
    {
        Assert.Equal(5, _files.Count);
        Assert.All(_files, f => Assert.Equal(OneStopReportLoader.KindName, f.Kind));
        var reports = _files.Select(f => Assert.Single(OneStopReportParser.Parse(Workbook.Open(f.Path), Cchc.Etl.Provinces.ProvinceSetting.None).Reports)).ToList();
        Assert.All(reports, r => Assert.True(r.IsSynthetic));
        Assert.All(_files, f => Assert.True(SyntheticMarker.IsSynthetic(Workbook.Open(f.Path))));

        var quarters = reports.Take(4).ToList();
        Assert.Equal(new DateOnly(2017, 1, 1), quarters[0].Period.Start);
        Assert.Equal(new DateOnly(2017, 12, 31), quarters[3].Period.End);
        Assert.All(quarters.Zip(quarters.Skip(1)), p => Assert.Equal(p.First.Period.End.AddDays(1), p.Second.Period.Start));
        Assert.All(quarters, q => Assert.Equal(["commune", "district", "province"], q.Scope.LevelCodes));
        Assert.All(quarters, q => Assert.All(q.Rows, r => Assert.NotNull(r.FieldName)));

        var agencies = reports[4];
        Assert.Equal((new DateOnly(2023, 12, 15), new DateOnly(2024, 6, 14), "half_year"), (agencies.Period.Start, agencies.Period.End, agencies.Period.Kind));
        Assert.Contains(agencies.Rows, r => r is { LevelCode: "province", AgencyName: "Sở Tài nguyên và Môi trường" });
        Assert.All(agencies.Rows, r => Assert.Null(r.FieldName));

        // The form's identity on every row: what was to be handled was either resolved or is still pending.
        Assert.All(reports.SelectMany(r => r.Rows), r => Assert.Equal(r.Counts.ReceivedTotal, r.Counts.ResolvedTotal + r.Counts.PendingTotal));
    }

    [Fact]
    public void The_sample_loads_synthetic_and_clean_and_the_next_quarter_starts_with_what_the_last_left_open()
    {
        using var warehouse = new TempWarehouse();
        var run = warehouse.Warehouse.StartRun("sample");
        foreach (var f in _files)
        {
            var result = new OneStopReportLoader().Load(warehouse.Warehouse, run, f.Path);
            Assert.True(result.Succeeded, result.Error);
            Assert.Equal(0, result.RowsQuarantined);
        }

        Assert.Equal(0, warehouse.Warehouse.Query<long>("SELECT COUNT(*) FROM rpt.onestop_report WHERE is_synthetic = @synthetic", new { synthetic = false }).Single());
        Assert.DoesNotContain(DqFindingStore.Read(warehouse.Warehouse), f => f.Subject == DqSubjects.OneStopReport);

        var (q1Pending, q2Carried) = warehouse.Warehouse.Query<(long, long)>(
            """
            SELECT SUM(CASE WHEN period_start = @q1 THEN pending_total ELSE 0 END), SUM(CASE WHEN period_start = @q2 THEN carried_over ELSE 0 END)
            FROM rpt.onestop_report
            """,
            new { q1 = new DateTime(2017, 1, 1), q2 = new DateTime(2017, 4, 1) }).Single();
        Assert.Equal(q1Pending, q2Carried);
    }

    [Fact]
    public void The_tally_counts_as_the_form_does()
    {
        var procedure = OneStopCatalogue.CommuneProcedures[0];
        var agency = OneStopCatalogue.CommuneAgencies[0];
        SyntheticDossier D(string received, string due, string finish, DossierKind kind = DossierKind.Normal, int channel = 1) =>
            new("X", procedure, agency, 3, channel, null, DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), 0,
                DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(finish, System.Globalization.CultureInfo.InvariantCulture),
                DateOnly.Parse(finish, System.Globalization.CultureInfo.InvariantCulture), kind);
        var counts = OneStopReportTally.Count(
        [
            D("2017-03-20", "2017-04-05", "2017-04-03"),                       // carried over, early
            D("2017-04-02", "2017-04-10", "2017-04-10", channel: 2),           // online, on time
            D("2017-04-02", "2017-04-10", "2017-04-12", channel: 3),           // postal, late
            D("2017-05-02", "2017-05-10", "2017-05-03", DossierKind.Withdrawn), // withdrawn: on time, as the form counts it
            D("2017-06-20", "2017-07-10", "2017-07-20"),                       // pending, not yet due on 30 June
            D("2017-06-01", "2017-06-10", "2017-07-20"),                       // pending, overdue
            D("2017-03-01", "2017-03-10", "2017-03-09"),                       // finished before the quarter: not counted
            D("2017-07-01", "2017-07-10", "2017-07-09"),                       // received after it: not counted
        ], new DateOnly(2017, 4, 1), new DateOnly(2017, 6, 30));
        Assert.Equal(new ReportCounts(6, 1, 5, 1, 4, 4, 1, 2, 1, 2, 1, 1), counts);
    }
}
