using System.Text;
using Cchc.Etl.Loading;
using Cchc.Warehouse;
using static Cchc.Etl.Samples.OneStopCatalogue;

namespace Cchc.Etl.Samples;

/// <summary>
/// The synthetic one-stop sample: one export per year 2018–2025 for Lâm Đồng (the merged province from 1 July 2025),
/// each as the system showed it on 31 December — dossiers received that year plus last year's still-open ones, now
/// finished, so loading them in order exercises the accumulating snapshot — then the procedure and agency catalogues,
/// loaded after the logs so that the demo shows inferred members being fixed up. Scaled down (about 14,000 dossiers a
/// year, a real province has hundreds of thousands) to keep the demo fast.
/// </summary>
internal sealed class OneStopSampleWriter(int rowsPerYear = 14_000, int firstYear = 2018, int lastYear = 2025) : ISampleWriter
{
    public IReadOnlyList<SampleFile> Write(string directory)
    {
        var generator = new OneStopLogGenerator(rowsPerYear);
        var files = new List<SampleFile>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var asOf = new DateOnly(year, 12, 31);
            var carried = year == firstYear ? [] : generator.ReceivedIn(year - 1).Where(d => d.Finish > asOf.AddYears(-1));
            var path = Path.Combine(directory, $"mot-cua-lam-dong-{year}.csv");
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(true)))
            {
                OneStopLogGenerator.WriteCsv(writer, carried.Concat(generator.ReceivedIn(year)), asOf);
            }

            files.Add(new SampleFile(OneStopLogLoader.KindName, path));
        }

        files.Add(new SampleFile(OneStopCatalogLoader.KindName, WriteProcedures(directory)));
        files.Add(new SampleFile(OneStopCatalogLoader.KindName, WriteAgencies(directory)));
        return files;
    }

    private static string WriteProcedures(string directory)
    {
        var path = Path.Combine(directory, "danh-muc-tthc.csv");
        var lines = new List<string> { SyntheticMarker.CsvCommentLine, "Mã TTHC,Tên TTHC,Lĩnh vực,Thời hạn giải quyết (ngày làm việc)" };
        lines.AddRange(ProvinceProcedures.Concat(DistrictProcedures).Concat(CommuneProcedures)
            .Select(p => string.Join(',', CsvText.Escape(p.Code), CsvText.Escape(p.Name), CsvText.Escape(p.Field), p.Days)));
        File.WriteAllLines(path, lines, new UTF8Encoding(true));
        return path;
    }

    private static string WriteAgencies(string directory)
    {
        var path = Path.Combine(directory, "danh-muc-co-quan.csv");
        var lines = new List<string> { SyntheticMarker.CsvCommentLine, "Mã cơ quan,Tên cơ quan,Cấp,Tỉnh,Hiệu lực từ" };
        string Line(Agency a, string validFrom) =>
            string.Join(',', a.Code, CsvText.Escape(a.Name), a.Level switch { 1 => "Cấp tỉnh", 2 => "Cấp huyện", _ => "Cấp xã" }, OneStopLogGenerator.ProvinceCode, validFrom);
        lines.AddRange(ProvinceAgencies.Concat(DistrictAgencies).Concat(CommuneAgencies).Select(a => Line(a, "01/01/2018")));
        lines.AddRange(ProvinceAgencies2025.Concat(CommuneAgencies2025).Select(a => Line(a, "01/07/2025")));
        File.WriteAllLines(path, lines, new UTF8Encoding(true));
        return path;
    }
}
