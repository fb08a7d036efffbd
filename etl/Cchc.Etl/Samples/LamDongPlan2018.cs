using System.Text;
using Cchc.Warehouse;

namespace Cchc.Etl.Samples;

/// <summary>
/// The appendix of Lâm Đồng's plan 3770/KH-UBND (20 June 2018), transcribed cell for cell from the seed document
/// (<c>Samples/Plans/lam-dong-3770-2018-appendix.csv</c>): real figures, including the document's own inconsistency
/// (1.1 and 1.1.2 write 0,889 points lost where max − score is 0,0889).
/// </summary>
internal static class LamDongPlan2018
{
    public const string Heading = "PHỤ LỤC";

    public const string Title = "KẾ HOẠCH KHẮC PHỤC NHỮNG TỒN TẠI, HẠN CHẾ TRONG CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2018 VÀ CÁC NĂM TIẾP THEO";

    public const string Attachment = "(Kèm theo kế hoạch số 3770/KH-UBND ngày 20 tháng 6 năm 2018 của UBND tỉnh Lâm Đồng)";

    private const string ResourceName = "Cchc.Etl.Samples.Plans.lam-dong-3770-2018-appendix.csv";

    private static readonly Lazy<IReadOnlyList<IReadOnlyList<string>>> Table = new(Load);

    /// <summary>The ten column titles, as in the document.</summary>
    public static IReadOnlyList<string> Header => Table.Value[0];

    /// <summary>The 49 rows, each ten cells as written (decimal commas, blanks empty).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Rows => Table.Value.Skip(1).ToList();

    private static IReadOnlyList<IReadOnlyList<string>> Load()
    {
        using var stream = typeof(LamDongPlan2018).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return CsvText.Parse(reader.ReadToEnd())
            .Where(r => r.Count > 1)
            .Select(r => (IReadOnlyList<string>)r.Select(c => c.Normalize(NormalizationForm.FormC)).ToList())
            .ToList();
    }
}
