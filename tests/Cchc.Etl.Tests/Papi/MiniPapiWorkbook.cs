using Cchc.Etl.Sources.Papi;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Tests.Papi;

/// <summary>
/// Builds small workbooks in (variations of) the combined PAPI layout for parser tests: header rows at any place,
/// optional English or Vietnamese header, province rows with mid-scale scores that add up like the real ones.
/// </summary>
internal sealed class MiniPapiWorkbook : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cchc-papi-" + Guid.NewGuid().ToString("N")[..12]);

    public MiniPapiWorkbook()
    {
        Directory.CreateDirectory(_directory);
    }

    public XlsxWriter Writer { get; } = new();

    /// <summary>The criteria of a year in layout order (each dimension, then its sub-dimensions), then TOTAL up to 2017.</summary>
    public static IReadOnlyList<PapiCriterion> ColumnsOf(int year)
    {
        var criteria = PapiCriteria.Default;
        var columns = criteria.DimensionsIn(year).SelectMany(d => criteria.ChildrenOf(d.Code, year).Prepend(d)).ToList();
        if (year <= 2017)
        {
            columns.Add(criteria.Find("TOTAL", year)!);
        }

        return columns;
    }

    /// <summary>Mid-scale score of a criterion: sub-dimensions at their middle, dimensions and totals their sums.</summary>
    public static double MidScore(PapiCriterion criterion, int year)
    {
        var criteria = PapiCriteria.Default;
        return criterion.Level switch
        {
            2 => (criterion.MinPoints + criterion.MaxPoints) / 2,
            1 => criteria.ChildrenOf(criterion.Code, year).Sum(s => MidScore(s, year)),
            _ => criteria.DimensionsIn(year).Sum(d => MidScore(d, year)),
        };
    }

    /// <summary>Writes the header rows at <paramref name="top"/>; returns the column of each criterion code.</summary>
    public static Dictionary<string, int> Header(XlsxWriter.SheetData sheet, int year, int top = 0, int left = 0, bool english = true, bool vietnamese = true)
    {
        var columns = ColumnsOf(year);
        var row = top;
        foreach (var (wanted, names) in new[] { (english, columns.Select(c => c.Code == "TOTAL" ? "Un-weighted2015PAPI" : c.NameEn)), (vietnamese, columns.Select(c => c.NameVi)) })
        {
            if (!wanted)
            {
                continue;
            }

            sheet.Set(row, left, "tinhid").Set(row, left + 1, "tentinh_eng").Set(row, left + 2, "tentinh_vie");
            var c = left + 3;
            foreach (var name in names)
            {
                sheet.Set(row, c++, name);
            }

            row++;
        }

        return columns.Select((c, i) => (c.Code, Column: left + 3 + i)).ToDictionary(x => x.Code, x => x.Column);
    }

    /// <summary>A province row with mid-scale scores for every criterion column.</summary>
    public static void Province(XlsxWriter.SheetData sheet, int year, int row, Dictionary<string, int> columns, object id, string nameEn, string nameVi, int left = 0)
    {
        sheet.Set(row, left, id).Set(row, left + 1, nameEn).Set(row, left + 2, nameVi);
        foreach (var criterion in ColumnsOf(year))
        {
            sheet.Set(row, columns[criterion.Code], MidScore(criterion, year));
        }
    }

    public Workbook Save(string name = "papi-test.xlsx")
    {
        var path = Path.Combine(_directory, name);
        Writer.Save(path);
        return Workbook.Open(path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the OS temp cleaner takes what is left
        }
    }
}
