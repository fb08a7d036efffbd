using Cchc.Etl.Spreadsheets;

namespace Cchc.Cli.Tests;

/// <summary>A good 2018 PAR workbook in the ministry's shape (title row, two-row merged header, a text score) and a
/// "2017 workbook" that is not a workbook at all: the pair the load commands' failure tests share.</summary>
internal static class ParWorkbooks
{
    public static (string Good, string Bad) Write(string directory)
    {
        var good = Path.Combine(directory, "chi-so-cchc-2018.xlsx");
        var writer = new XlsxWriter();
        writer.AddSheet("Tổng hợp")
            .Row(0, "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018")
            .Row(2, "STT", "Tỉnh, thành phố", "Chỉ số CCHC năm 2018", null)
            .Row(3, null, null, "Điểm (%)", "Xếp hạng")
            .Row(4, 1, "Quảng Ninh", 89.06, 1)
            .Row(5, 2, "Ha Noi", "83,98%", 2)
            .Row(6, 3, "Phú Yên", 69.53, 63)
            .Merge(2, 2, 2, 3);
        writer.Save(good);
        var bad = Path.Combine(directory, "chi-so-cchc-2017.xlsx");
        File.WriteAllText(bad, "not a workbook");
        return (good, bad);
    }
}
