namespace Cchc.Reports.Charts;

/// <summary>Greedy word wrapping and shortening of labels, measured with the font that will draw them.</summary>
internal static class TextWrap
{
    public const string Ellipsis = "…";

    public static IReadOnlyList<string> Lines(string text, Func<string, float> measure, float maxWidth, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (measure(candidate) <= maxWidth || current.Length == 0)
            {
                current = candidate;
                continue;
            }

            lines.Add(current);
            current = word;
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Fit(lines[^1] + " " + Ellipsis, measure, maxWidth);
        }

        return lines.Select(l => Fit(l, measure, maxWidth)).ToList();
    }

    /// <summary>Cuts <paramref name="text"/> at a word boundary (else a character) so that it fits, marking the cut with an ellipsis.</summary>
    public static string Fit(string text, Func<string, float> measure, float maxWidth)
    {
        if (measure(text) <= maxWidth)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && measure(cut + Ellipsis) > maxWidth)
        {
            var space = cut.LastIndexOf(' ');
            cut = space > cut.Length / 2 ? cut[..space] : cut[..^1];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-') + Ellipsis;
    }

    /// <summary>Shortens a label to at most <paramref name="maxChars"/> characters (for tick labels, where ScottPlot measures).</summary>
    public static string Shorten(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = text[..(maxChars - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > maxChars / 2)
        {
            cut = cut[..space];
        }

        return cut.TrimEnd(' ', ',', ';', ':', '-') + Ellipsis;
    }

    /// <summary>"code name" broken into at most two lines of about <paramref name="perLine"/> characters (category ticks).</summary>
    public static string TwoLines(string code, string name, int perLine)
    {
        var text = Shorten($"{code} {name}", perLine * 2);
        var split = text.Length <= perLine ? -1 : text.LastIndexOf(' ', perLine);
        return split <= 0 ? text : $"{text[..split]}\n{Shorten(text[(split + 1)..], perLine + 2)}";
    }
}
