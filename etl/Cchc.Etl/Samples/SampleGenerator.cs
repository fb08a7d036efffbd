using Cchc.Etl.Sources.Pci;

namespace Cchc.Etl.Samples;

/// <summary>A file the synthetic sample wrote, and the loader kind that reads it.</summary>
/// <param name="Notes">What the writer wants the user to know about the file (e.g. conflicting real facts it did not use).</param>
public sealed record SampleFile(string Kind, string Path, IReadOnlyList<string>? Notes = null);

/// <summary>Writes one part of the deterministic synthetic sample (in the layout of the real files).</summary>
internal interface ISampleWriter
{
    IReadOnlyList<SampleFile> Write(string directory);
}

/// <summary>The whole synthetic sample, in load order (indices before the data that refers to them).</summary>
public static class SampleGenerator
{
    private static readonly ISampleWriter[] Writers = [new PciSampleWriter(), new PapiSampleWriter(), new ParSampleWriter(), new RemediationPlanSampleWriter(), new OneStopSampleWriter(), new OneStopReportSampleWriter()];

    public static IReadOnlyList<SampleFile> WriteAll(string directory)
    {
        Directory.CreateDirectory(directory);
        return Writers.SelectMany(w => w.Write(directory)).ToList();
    }
}
