using System.Text.RegularExpressions;

namespace Cchc.Etl.Provinces;

/// <summary>
/// The province in a dossier number built on the electronic agency codes of QCVN 102:2016/BTTTT (Circular
/// 10/2016/TT-BTTTT, kept by Decision 20/2020/QĐ-TTg): a provincial People's Committee has the level-1 code H01…H63,
/// its agencies <c>V1V2V3.Z1Z2.Y1Y2.Hxx</c>, and one-stop systems prefix dossier numbers with either form
/// ("000.00.36.H36-240115-0001", "H36.22-240115-0001"). Decision 09/2025/QĐ-TTg keeps, for a merged province, the code
/// of its same-named predecessor, so a code read with the dossier's received date gives the right entity.
/// </summary>
/// <remarks>
/// The table lists the 63 provinces in the appendix's order (alphabetical by name without diacritics). Verified
/// against published provincial decisions: H27 Hà Tĩnh, H36 Lâm Đồng, H49 Quảng Ninh, H54 Thái Bình, H57 Thừa Thiên
/// Huế; the others follow the same order. It is the weakest evidence a file carries, used only when no column, title
/// row, agency name, --province or deployment default names the province, and the load summary says so.
/// </remarks>
internal static partial class AgencyCodePrefix
{
    private static readonly Dictionary<string, string> GsoByLevel1 = new(StringComparer.Ordinal)
    {
        ["H01"] = "89", ["H02"] = "24", ["H03"] = "06", ["H04"] = "95", ["H05"] = "27", ["H06"] = "77", ["H07"] = "83", ["H08"] = "52",
        ["H09"] = "74", ["H10"] = "70", ["H11"] = "60", ["H12"] = "96", ["H13"] = "92", ["H14"] = "04", ["H15"] = "66", ["H16"] = "67",
        ["H17"] = "48", ["H18"] = "11", ["H19"] = "75", ["H20"] = "87", ["H21"] = "64", ["H22"] = "02", ["H23"] = "30", ["H24"] = "31",
        ["H25"] = "35", ["H26"] = "01", ["H27"] = "42", ["H28"] = "93", ["H29"] = "17", ["H30"] = "79", ["H31"] = "33", ["H32"] = "56",
        ["H33"] = "91", ["H34"] = "62", ["H35"] = "12", ["H36"] = "68", ["H37"] = "20", ["H38"] = "10", ["H39"] = "80", ["H40"] = "36",
        ["H41"] = "40", ["H42"] = "37", ["H43"] = "58", ["H44"] = "25", ["H45"] = "54", ["H46"] = "44", ["H47"] = "49", ["H48"] = "51",
        ["H49"] = "22", ["H50"] = "45", ["H51"] = "94", ["H52"] = "14", ["H53"] = "72", ["H54"] = "34", ["H55"] = "19", ["H56"] = "38",
        ["H57"] = "46", ["H58"] = "82", ["H59"] = "84", ["H60"] = "08", ["H61"] = "86", ["H62"] = "26", ["H63"] = "15",
    };

    /// <summary>The level-1 code ("H36") a dossier number starts with, or null.</summary>
    public static string? Level1Code(string? dossierNumber)
    {
        if (dossierNumber is null)
        {
            return null;
        }

        var m = Prefix().Match(dossierNumber.Trim());
        return m.Success ? "H" + m.Groups[1].Value : null;
    }

    /// <summary>The GSO code of a level-1 code ("H36" → "68"), or null for a code outside H01…H63 (ministries use G…).</summary>
    public static string? GsoCode(string level1Code) => GsoByLevel1.GetValueOrDefault(level1Code.ToUpperInvariant());

    [GeneratedRegex(@"^(?:\d{3}\.\d{2}\.\d{2}\.)?[Hh](\d{2})(?=[.\-_/])")]
    private static partial Regex Prefix();
}
