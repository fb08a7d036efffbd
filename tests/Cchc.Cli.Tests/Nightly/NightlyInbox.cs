using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Cli.Tests.Nightly;

/// <summary>
/// A night's inbox for end-to-end tests: the synthetic PAPI sample split into one workbook per year (each a small,
/// independent load of its own index-year), a byte-identical copy of one of them (skipped as unchanged), a zero-byte
/// export and a text file no loader claims (both fail). Modification times are fixed, so the load order (oldest
/// first) is the order of <see cref="Files"/>. To cover another source, add its files to <see cref="Build"/>.
/// </summary>
internal static class NightlyInbox
{
    private static readonly DateTime Oldest = new(2025, 1, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Lazy<List<(string Name, byte[] Bytes)>> Contents = new(Build);

    /// <summary>Every inbox file name, in load order.</summary>
    public static IReadOnlyList<string> Files => Contents.Value.Select(f => f.Name).ToList();

    /// <summary>The names that end in failed/ (the rest end in processed/).</summary>
    public static IReadOnlyList<string> Failing { get; } = ["notes.csv", "export-interrupted.xlsx"];

    /// <summary>The files that load (one per PAPI year), in load order.</summary>
    public static IReadOnlyList<string> Loadable => Files.Where(f => !Failing.Contains(f) && !f.Contains("(copy)", StringComparison.Ordinal)).ToList();

    /// <summary>Writes the first <paramref name="count"/> files (all by default) into <paramref name="inbox"/>.</summary>
    public static void Write(string inbox, int? count = null) => Write(inbox, Files.Take(count ?? int.MaxValue));

    /// <summary>Writes the named files into <paramref name="inbox"/>, each with its fixed time.</summary>
    public static void Write(string inbox, IEnumerable<string> names)
    {
        Directory.CreateDirectory(inbox);
        var files = Contents.Value;
        foreach (var name in names)
        {
            var i = files.FindIndex(f => f.Name == name);
            var path = Path.Combine(inbox, name);
            File.WriteAllBytes(path, files[i].Bytes);
            File.SetLastWriteTimeUtc(path, Oldest.AddMinutes(i));
        }
    }

    private static List<(string, byte[])> Build()
    {
        var papi = PapiYears();
        var files = new List<(string, byte[])>();
        foreach (var (year, bytes) in papi)
        {
            files.Add(($"PAPI {year} synthetic.xlsx", bytes));
            switch (year)
            {
                case 2012:
                    files.Add(("notes.csv", "Ghi chú,ngày\nnhắc lại,2025-01-01\n"u8.ToArray()));
                    break;
                case 2014:
                    files.Add(("PAPI 2014 synthetic (copy).xlsx", bytes));
                    break;
                case 2016:
                    files.Add(("export-interrupted.xlsx", []));
                    break;
            }
        }

        return files;
    }

    /// <summary>The synthetic PAPI sample, one workbook per year sheet (each keeping the synthetic marker sheet).</summary>
    private static List<(int Year, byte[] Bytes)> PapiYears()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cchc-inbox-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var sample = new PapiSampleWriter().Write(folder).Single();
            var workbook = Workbook.Open(sample.Path);
            var marker = workbook.SheetNamed(SyntheticMarker.SheetName)!;
            return workbook.Sheets
                .Where(s => s != marker)
                .Select(s =>
                {
                    var writer = new XlsxWriter();
                    Copy(marker, writer.AddSheet(marker.Name));
                    Copy(s, writer.AddSheet(s.Name));
                    using var bytes = new MemoryStream();
                    writer.Save(bytes);
                    return (int.Parse(s.Name[..4], System.Globalization.CultureInfo.InvariantCulture), bytes.ToArray());
                })
                .ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Copy(Sheet from, XlsxWriter.SheetData to)
    {
        for (var r = 0; r < from.RowCount; r++)
        {
            for (var c = 0; c < from.ColumnCount; c++)
            {
                to.Set(r, c, from.Value(r, c));
            }
        }
    }
}
