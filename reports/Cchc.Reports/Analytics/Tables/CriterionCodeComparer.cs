using System.Globalization;

namespace Cchc.Reports.Analytics.Tables;

/// <summary>Orders criterion codes the way a reader expects: TOTAL first, then "1" &lt; "1.2" &lt; "1.10" &lt; "2",
/// "PCI.2" &lt; "PCI.10" (numeric parts compared as numbers).</summary>
internal sealed class CriterionCodeComparer : IComparer<string>
{
    public static readonly CriterionCodeComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        if (x == Warehouse.IndexCodes.Total || y == Warehouse.IndexCodes.Total)
        {
            return x == Warehouse.IndexCodes.Total ? -1 : 1;
        }

        var a = x.Split('.');
        var b = y.Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var aNum = int.TryParse(TrimLetters(a[i]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var an);
            var bNum = int.TryParse(TrimLetters(b[i]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var bn);
            var c = aNum && bNum && an != bn ? an.CompareTo(bn) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    // "D3" → "3" so PAPI.D2 sorts before PAPI.D10.
    private static string TrimLetters(string part) => part.TrimStart('D', 'd');
}
