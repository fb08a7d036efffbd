using System.Globalization;
using Cchc.Etl.Loading;
using Cchc.Etl.Sources;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Nightly;

/// <summary>
/// A deliberately tiny index format (CSV: province,year,score) so the nightly machinery is tested apart from the
/// real parsers. Unknown provinces fail the file, as real parsers do.
/// </summary>
internal sealed class TinyScoreSource : IIndexSource
{
    public static readonly IFileLoader Loader = new IndexFileLoader(new TinyScoreSource());

    public string Kind => "tiny";

    public string IndexCode => IndexCodes.Pci;

    public bool Recognises(Workbook workbook) =>
        workbook.Format == FileFormat.Csv && workbook.Sheets[0].Text(0, 0) == "province" && workbook.Sheets[0].Text(0, 2) == "score";

    public ParsedScores Parse(Workbook workbook)
    {
        var sheet = workbook.Sheets[0];
        var scores = new List<ScoreRecord>();
        for (var r = 1; r < sheet.RowCount; r++)
        {
            var year = (int)sheet.RequireNumber(r, 1, "year");
            var province = Cchc.Etl.Provinces.ProvinceResolver.Default.Require(sheet.Text(r, 0), year, sheet.Where(r, 0));
            scores.Add(new ScoreRecord(IndexCode, year, province.GsoCode, IndexCodes.Total, sheet.RequireNumber(r, 2, "score"), null, false, sheet.Where(r)));
        }

        return new ParsedScores(IndexCode, scores.Select(s => s.Year).Distinct().ToList(), scores, []);
    }

    public static void Write(string path, params (string Province, int Year, double Score)[] rows) =>
        File.WriteAllLines(path, ["province,year,score", .. rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Province},{r.Year},{r.Score}"))]);
}
