using System.Text.RegularExpressions;

namespace Cchc.Etl.Sources.Par;

/// <summary>PAR criterion codes: 'TOTAL' (level 0), field '4' (1), criterion '4.1' (2), sub-criterion '4.1.2' (3).</summary>
internal static partial class ParCodes
{
    public const string Total = "TOTAL";

    public static bool IsCode(string? text) => text is not null && (text == Total || CodePattern().IsMatch(text));

    public static int Level(string code) => code == Total ? 0 : code.Count(c => c == '.') + 1;

    public static string? Parent(string code) =>
        code == Total ? null : code.Contains('.', StringComparison.Ordinal) ? code[..code.LastIndexOf('.')] : Total;

    /// <summary>The field ('4') a criterion or sub-criterion belongs to; the field itself for a field.</summary>
    public static string? Field(string code) => code == Total ? null : code.Split('.')[0];

    /// <summary>Catalogue order: TOTAL first, then numerically (1.2 before 1.10).</summary>
    public static int Compare(string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        if (a == Total || b == Total)
        {
            return a == Total ? -1 : 1;
        }

        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Min(pa.Length, pb.Length); i++)
        {
            var c = int.Parse(pa[i], System.Globalization.CultureInfo.InvariantCulture)
                .CompareTo(int.Parse(pb[i], System.Globalization.CultureInfo.InvariantCulture));
            if (c != 0)
            {
                return c;
            }
        }

        return pa.Length.CompareTo(pb.Length);
    }

    [GeneratedRegex(@"^[1-9]\d?(\.[1-9]\d?){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
