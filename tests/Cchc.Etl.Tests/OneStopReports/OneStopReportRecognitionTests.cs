using Cchc.Etl.Loading;
using Cchc.Etl.Samples;
using Cchc.Etl.Sources.Pci;
using Cchc.Etl.Tests.Plans;
using static Cchc.Etl.Tests.OneStopReports.ReportFixtures;

namespace Cchc.Etl.Tests.OneStopReports;

/// <summary>A results report is recognised by its content, never by its name — and files of the other kinds are not.</summary>
public sealed class OneStopReportRecognitionTests
{
    private static readonly OneStopReportLoader Loader = new();

    [Fact]
    public void Every_report_fixture_is_a_results_report_and_no_other_kind()
    {
        foreach (var name in Reports)
        {
            var kinds = LoaderRegistry.All.Where(l => l.Recognises(Path(name))).Select(l => l.Kind).ToList();
            Assert.True(kinds.SequenceEqual([OneStopReportLoader.KindName]), $"{name}: recognised as {string.Join(", ", kinds)}");
        }

        Assert.Equal(OneStopReportLoader.KindName, LoaderRegistry.Recognise(Path(ThreeRowHeader))!.Kind);
    }

    [Fact]
    public void A_neighbouring_form_that_counts_procedures_is_not_a_results_report() =>
        Assert.False(Loader.Recognises(Path(NotAReport)));

    [Fact]
    public void The_other_kinds_of_file_are_not_results_reports()
    {
        using var folder = new TempFolder();
        ISampleWriter[] writers = [new PciSampleWriter(), new PapiSampleWriter(), new ParSampleWriter(), new RemediationPlanSampleWriter(), new OneStopSampleWriter(300, 2024, 2024)];
        var samples = writers.SelectMany(w => w.Write(folder.Path)).ToList();
        Assert.Contains(samples, s => s.Kind == OneStopLogLoader.KindName);
        Assert.Contains(samples, s => s.Kind == OneStopCatalogLoader.KindName);
        foreach (var sample in samples.Append(new SampleFile("plan", PlanFixtures.Csv)).Append(new SampleFile("plan", PlanFixtures.Docx)))
        {
            Assert.False(Loader.Recognises(sample.Path), $"{System.IO.Path.GetFileName(sample.Path)} ({sample.Kind}) taken for a results report");
            Assert.Equal(sample.Kind, LoaderRegistry.Recognise(sample.Path)?.Kind);
        }
    }

    [Fact]
    public void A_file_far_larger_than_a_report_is_not_opened_to_recognise_it()
    {
        using var folder = new TempFolder();
        var path = folder.File("huge.csv");
        using (var stream = File.Create(path))
        {
            stream.SetLength(Cchc.Etl.OneStopReports.OneStopReportParser.MaxFileBytes + 1);
        }

        Assert.False(Loader.Recognises(path));
    }
}
