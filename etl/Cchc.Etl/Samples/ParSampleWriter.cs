using System.Globalization;
using Cchc.Etl.Sources.Par.Synthetic;

namespace Cchc.Etl.Samples;

/// <summary>
/// The synthetic PAR Index sample: one results workbook per year (2012–2025) in the ministry's layout, loaded by the
/// real 'par' loader. The facts the generator could not reconcile (conflicts, inconsistent source rows, rounding)
/// travel with the files as notes, so that <c>cchc demo</c> prints them.
/// </summary>
internal sealed class ParSampleWriter : ISampleWriter
{
    public const string Kind = "par";

    public IReadOnlyList<SampleFile> Write(string directory) => Write(directory, ParSampleGenerator.Generate());

    /// <summary>Writes an already generated sample (tests compare the files with the sample in memory).</summary>
    public static IReadOnlyList<SampleFile> Write(string directory, ParSample sample)
    {
        Directory.CreateDirectory(directory);
        var files = new List<SampleFile>();
        ParYearSample? previous = null;
        foreach (var year in sample.Years)
        {
            var path = Path.Combine(directory, FileName(year.Year));
            ParWorkbookWriter.Write(path, year, previous);
            var notes = sample.Issues.Where(i => i.Year == year.Year).Select(i => i.ToString()).ToList();
            files.Add(new SampleFile(Kind, path, notes));
            previous = year;
        }

        return files;
    }

    public static string FileName(int year) => string.Create(CultureInfo.InvariantCulture, $"chi-so-cchc-{year}.xlsx");
}
