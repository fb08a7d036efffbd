namespace Cchc.Reports.Charts;

/// <summary>
/// A rendered chart: the PNG bytes of a fixed size, the title it carries (which states the finding) and a one-sentence
/// reading generated from the same numbers, for the report text and the image's alternative text.
/// </summary>
public sealed record ChartImage(string Name, string Title, string Reading, byte[] Png, int Width, int Height)
{
    public string FileName => Name + ".png";

    /// <summary>Writes the PNG as <see cref="FileName"/> in <paramref name="directory"/> and returns its path.</summary>
    public string Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        File.WriteAllBytes(path, Png);
        return path;
    }
}
