using System.Text;

namespace Cchc.Reports.Tests.Charts.Gallery;

/// <summary>A line diff (longest common subsequence) for an approval failure: "-" approved, "+" received, with line numbers.</summary>
internal static class TextDiff
{
    public static string Lines(string approved, string received, int maxLines = 60)
    {
        var a = approved.Split('\n');
        var b = received.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var diff = new StringBuilder();
        var shown = 0;
        int x = 0, y = 0;
        while ((x < a.Length || y < b.Length) && shown < maxLines)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                diff.Append("- ").Append(x + 1).Append(": ").Append(a[x++]).Append('\n');
                shown++;
            }
            else
            {
                diff.Append("+ ").Append(y + 1).Append(": ").Append(b[y++]).Append('\n');
                shown++;
            }
        }

        if (x < a.Length || y < b.Length)
        {
            diff.Append("… (more differences)\n");
        }

        return diff.ToString();
    }
}
