namespace Cchc.Etl.Spreadsheets;

/// <summary>Spreadsheet column letters (0-based index ↔ "A", "B", … "AA").</summary>
public static class ColumnName
{
    public static string Of(int zeroBasedIndex)
    {
        var name = string.Empty;
        var n = zeroBasedIndex + 1;
        while (n > 0)
        {
            var rem = (n - 1) % 26;
            name = (char)('A' + rem) + name;
            n = (n - 1) / 26;
        }

        return name;
    }

    public static int IndexOf(string letters)
    {
        var n = 0;
        foreach (var c in letters.Trim().ToUpperInvariant())
        {
            n = (n * 26) + (c - 'A' + 1);
        }

        return n - 1;
    }
}
