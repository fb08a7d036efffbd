using System.Globalization;

namespace Cchc.Reports.ReportData;

/// <summary>Orders criterion codes naturally: "2" before "10", "3.4.2" before "3.10", "PCI.2" before "PCI.10".</summary>
public sealed class CriterionCodeComparer : IComparer<string>
{
    public static readonly CriterionCodeComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.');
        var b = (y ?? "").Split('.');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var na = int.TryParse(a[i].TrimStart('D', 'd'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ia);
            var nb = int.TryParse(b[i].TrimStart('D', 'd'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ib);
            var c = na && nb ? ia.CompareTo(ib) : string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }
}
