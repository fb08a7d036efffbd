using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Par;

/// <summary>Reads the real reference material in ../shared directly, so the tests check the project against the
/// sources and not against the project's own copies.</summary>
internal static partial class ReferenceFiles
{
    public static IReadOnlyList<Dictionary<string, string>> Csv(string name)
    {
        var lines = CsvText.Parse(File.ReadAllText(SharedData.Path("data", "reference", name), Encoding.UTF8));
        return lines.Skip(1).Where(l => l.Count > 1)
            .Select(l => lines[0].Select((h, i) => (h, v: i < l.Count ? l[i] : "")).ToDictionary(x => x.h, x => x.v.Normalize(NormalizationForm.FormC)))
            .ToList();
    }

    public static string SeedPlanText() =>
        File.ReadAllText(SharedData.Path("seed", "ke-hoach-3770-KH-UBND-lam-dong-2018.txt"), Encoding.UTF8).Normalize(NormalizationForm.FormC);

    /// <summary>The appendix of plan 3770/KH-UBND: code, name, max points, appraised points, points lost (decimal commas).</summary>
    public static IReadOnlyList<(string Code, string Name, decimal Max, decimal Appraised, decimal Lost)> SeedAppendix()
    {
        var text = SeedPlanText();
        var appendix = text[text.IndexOf("PHỤ LỤC", StringComparison.Ordinal)..];
        var rows = new List<(string, string, decimal, decimal, decimal)>();
        foreach (var block in appendix.Split("\n\n"))
        {
            var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (lines.Count >= 5 && CodeLine().IsMatch(lines[0]))
            {
                rows.Add((lines[0], lines[1], Dec(lines[2]), Dec(lines[3]), Dec(lines[4])));
            }
        }

        return rows;
    }

    public static decimal Dec(string text) => decimal.Parse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d+(\.\d+){0,2}$")]
    private static partial Regex CodeLine();
}
