using System.Xml.Linq;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary>
/// The build settings every project inherits keep their promises: the culture rules are on (a number formatted or
/// parsed with the analyst's culture would read "1.184" as 1.184), and every pinned package is one a project uses.
/// </summary>
public sealed class BuildSettingsTests
{
    private static readonly string[] CultureRules = ["CA1304", "CA1305", "CA1307", "CA1309", "CA1310", "CA1311"];

    [Fact]
    public void The_culture_analyzers_are_on_and_none_is_silenced()
    {
        var props = XDocument.Load(Path.Combine(SharedData.RepositoryRoot, "Directory.Build.props"));
        Assert.Equal("All", props.Descendants("AnalysisModeGlobalization").Single().Value);
        var silenced = props.Descendants("NoWarn").Concat(props.Descendants("WarningsNotAsErrors"))
            .SelectMany(e => e.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Intersect(CultureRules, StringComparer.Ordinal).ToList();
        Assert.True(silenced.Count == 0, $"Directory.Build.props silences {string.Join(", ", silenced)}");

        var sources = Directory.EnumerateFiles(SharedData.RepositoryRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith("config", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var suppressions = sources
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => CultureRules.Any(rule => l.Text.Contains(rule, StringComparison.Ordinal))
                && (l.Text.Contains("pragma warning disable", StringComparison.Ordinal) || l.Text.Contains("SuppressMessage", StringComparison.Ordinal)
                    || l.Text.Contains("NoWarn", StringComparison.Ordinal) || l.Text.Contains(".severity", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(SharedData.RepositoryRoot, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.True(suppressions.Count == 0, "culture rules suppressed in code:" + Environment.NewLine + string.Join(Environment.NewLine, suppressions));
    }

    [Fact]
    public void Every_pinned_package_is_referenced_by_a_project()
    {
        var pinned = XDocument.Load(Path.Combine(SharedData.RepositoryRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion").Select(p => (string)p.Attribute("Include")!).ToList();
        var referenced = Directory.EnumerateFiles(SharedData.RepositoryRoot, "*.csproj", SearchOption.AllDirectories)
            .SelectMany(p => XDocument.Load(p).Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(pinned.Count > 5, $"found only {pinned.Count} pins");
        var unused = pinned.Where(p => !referenced.Contains(p)).ToList();
        Assert.True(unused.Count == 0, $"pinned in Directory.Packages.props but referenced by no project: {string.Join(", ", unused)}");
    }
}
