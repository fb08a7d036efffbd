using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Sources.Pci;

/// <summary>
/// The words VCCI used in PCI summary headers from 2005 to 2019, in Vietnamese and English, and what each means.
/// Headers are matched after <see cref="CellValues.Fold"/> (lower-case ASCII) on whole words, so "Tính minh bạch",
/// "Transparency Sub-Index" and "Sub-Index 3: Transparency" all name PCI.3.
/// </summary>
internal static partial class PciHeaderVocabulary
{
    // Order matters: the first entry whose keyword occurs wins ("chi phi khong chinh thuc" must not read as time
    // costs; "Land Use Right … leasing from SOEs" is land, not SOE bias).
    private static readonly (string Code, string[] Keywords)[] SubIndexKeywords =
    [
        ("PCI.5", ["khong chinh thuc", "informal"]),
        ("PCI.4", ["chi phi thoi gian", "chi phi ve thoi gian", "time cost", "time costs", "regulatory compliance"]),
        ("PCI.1", ["gia nhap thi truong", "entry"]),
        ("PCI.2", ["dat dai", "land"]),
        ("PCI.3", ["minh bach", "transparency"]),
        ("PCI.11", ["chinh sach cua trung uong", "central policies", "central policy"]),
        ("PCI.6", ["dnnn", "doanh nghiep nha nuoc", "soe", "canh tranh binh dang", "bias", "equal competition"]),
        ("PCI.7", ["nang dong", "proactivity"]),
        ("PCI.8", ["khu vuc kinh te tu nhan", "khu vuc kttn", "ho tro doanh nghiep", "ho tro dn", "private sector development", "business support", "bss"]),
        ("PCI.9", ["dao tao lao dong", "lao dong", "labor", "labour"]),
        ("PCI.10", ["thiet che phap ly", "legal", "law"]),
    ];

    private static readonly string[] ProvinceHeaders =
        ["tinh", "tinh thanh pho", "tinh tp", "ten tinh", "tinh thanh", "province", "provinces", "province name"];

    private static readonly string[] OrderHeaders = ["thu tu", "stt", "tt", "no", "no.", "#", "order"];

    private static readonly string[] TierWords = ["nhom xep hang", "tier", "xep loai"];

    private static readonly string[] RankWords = ["xep hang", "thu hang", "rank", "ranking"];

    private static readonly string[] UnweightedWords = ["chua co trong so", "chua trong so", "khong trong so", "unweighted"];

    private static readonly string[] TotalWords = ["co trong so", "weighted", "cuoi cung", "pci score", "diem pci"];

    // Labels in the province column that end the province rows or repeat them: statistics, repeated headers, notes.
    private static readonly string[] SummaryLabels =
    [
        "min", "max", "median", "mean", "average", "trung vi", "trung binh", "nho nhat", "lon nhat", "gia tri nho nhat",
        "gia tri lon nhat", "diem thap nhat mau", "diem cao nhat mau", "ca nuoc", "toan quoc", "national", "tong", "total", "thu tu", "xep hang", "ranking", "rank",
        "stt", "no", "ghi chu", "note", "notes", "nguon", "source", "do lech chuan", "std", "standard deviation",
    ];

    /// <summary>What one header cell says about its column (<paramref name="text"/> raw, folded here).</summary>
    public static PciColumnRole Classify(string? text)
    {
        var folded = Normalise(text);
        if (folded.Length == 0)
        {
            return PciColumnRole.Ignored;
        }

        if (ProvinceHeaders.Contains(folded))
        {
            return new PciColumnRole(PciColumnKind.ProvinceName);
        }

        if (OrderHeaders.Contains(folded))
        {
            return new PciColumnRole(PciColumnKind.Order);
        }

        if (ContainsAny(folded, TierWords) || ContainsAny(folded, UnweightedWords))
        {
            return PciColumnRole.Ignored;
        }

        if (ContainsAny(folded, RankWords))
        {
            return new PciColumnRole(PciColumnKind.Rank);
        }

        // Sub-index names before totals: 2006's time-cost header says "inspections weighted as only 20%".
        foreach (var (code, keywords) in SubIndexKeywords)
        {
            if (ContainsAny(folded, keywords))
            {
                return new PciColumnRole(PciColumnKind.SubIndex, code);
            }
        }

        return ContainsAny(folded, TotalWords) || BarePciYear().IsMatch(folded)
            ? new PciColumnRole(PciColumnKind.Total)
            : PciColumnRole.Ignored;
    }

    /// <summary>Whether a header names the PCI itself ("Weighted PCI", "Chỉ số PCI 2007", "PCI 2013").</summary>
    public static bool NamesPci(string? text) => ContainsWord(Normalise(text), "pci");

    public static bool IsSummaryLabel(string? text)
    {
        var folded = Normalise(text);
        return folded.Length > 0 && (SummaryLabels.Contains(folded) || ProvinceHeaders.Contains(folded));
    }

    /// <summary>Four-digit years (2000–2099) written in a header or file name, e.g. "PCI 2013 ranking" → 2013.</summary>
    public static IEnumerable<int> YearsIn(string? text) =>
        text is null
            ? []
            : YearPattern().Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture));

    /// <summary>Folded text with punctuation turned into spaces: "Tỉnh, thành phố" → "tinh thanh pho".</summary>
    internal static string Normalise(string? text)
    {
        var folded = CellValues.Fold(text);
        var chars = folded.Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' || c == '#' ? c : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.');
    }

    private static bool ContainsAny(string folded, IEnumerable<string> words) => words.Any(w => ContainsWord(folded, w));

    /// <summary>Whether <paramref name="word"/> occurs in <paramref name="text"/> between non-alphanumerics
    /// ("soe" in "soe bias", not in "soes").</summary>
    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsAsciiLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsAsciiLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(chi so )?pci( nam)? (19|20)\d\d$", RegexOptions.CultureInvariant)]
    private static partial Regex BarePciYear();

    [GeneratedRegex(@"(?<!\d)20\d\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();
}
