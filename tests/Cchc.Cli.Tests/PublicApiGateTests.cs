using System.Text.RegularExpressions;
using System.Xml.Linq;
using Cchc.TestSupport;

namespace Cchc.Cli.Tests;

/// <summary>
/// The public-API gate stays in place: every project of the solution outside tests/ declares its public API in
/// PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt and runs the analyzer that fails the build (RS0016/RS0017) when
/// the code and those files disagree. Taking the analyzer or a file away would silently let any change through, so it
/// fails here instead.
/// </summary>
public sealed partial class PublicApiGateTests
{
    private const string Analyzer = "Microsoft.CodeAnalysis.PublicApiAnalyzers";
    private static readonly string[] ApiFiles = ["PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt"];

    [Fact]
    public void Every_library_declares_its_public_api_and_runs_the_analyzer()
    {
        var libraries = SolutionProjects().Where(p => !p.StartsWith("tests/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            new[]
            {
                "etl/Cchc.Cli/Cchc.Cli.csproj", "etl/Cchc.Etl/Cchc.Etl.csproj", "reports/Cchc.Reports/Cchc.Reports.csproj",
                "warehouse/Cchc.Warehouse.Dacpac/Cchc.Warehouse.Dacpac.csproj", "warehouse/Cchc.Warehouse/Cchc.Warehouse.csproj",
            },
            libraries.Order(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var library in libraries)
        {
            var folder = Path.GetDirectoryName(Path.Combine(SharedData.RepositoryRoot, library))!;
            foreach (var file in ApiFiles)
            {
                var path = Path.Combine(folder, file);
                if (!File.Exists(path))
                {
                    problems.Add($"{library}: no {file}");
                }
                else if (File.ReadLines(path).FirstOrDefault() != "#nullable enable")
                {
                    // Without this line the analyzer does not track nullability, and an annotation change goes unreviewed.
                    problems.Add($"{library}: {file} does not start with '#nullable enable'");
                }
            }

            var project = XDocument.Load(Path.Combine(SharedData.RepositoryRoot, library));
            var reference = project.Descendants("PackageReference").FirstOrDefault(r => (string?)r.Attribute("Include") == Analyzer);
            if (reference is null)
            {
                problems.Add($"{library}: no PackageReference to {Analyzer}");
            }
            else if (!string.Equals((string?)reference.Attribute("PrivateAssets"), "all", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{library}: the {Analyzer} reference is not PrivateAssets=\"all\", so it would flow to the projects that use it");
            }

            var additional = project.Descendants("AdditionalFiles").Select(a => (string?)a.Attribute("Include")).ToHashSet(StringComparer.Ordinal);
            problems.AddRange(ApiFiles.Where(f => !additional.Contains(f)).Select(f => $"{library}: {f} is not an AdditionalFiles item"));
            problems.AddRange(Silenced(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, library))).Select(r => $"{library}: {r} is suppressed"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_analyzer_version_is_pinned_centrally_and_its_rules_stay_errors()
    {
        var packages = XDocument.Load(Path.Combine(SharedData.RepositoryRoot, "Directory.Packages.props"));
        var pin = packages.Descendants("PackageVersion").SingleOrDefault(p => (string?)p.Attribute("Include") == Analyzer);
        Assert.NotNull(pin);
        Assert.False(string.IsNullOrEmpty((string?)pin.Attribute("Version")));

        var props = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "Directory.Build.props"));
        Assert.Contains("<TreatWarningsAsErrors>true</TreatWarningsAsErrors>", props, StringComparison.Ordinal);
        Assert.Empty(Silenced(props));
    }

    [Fact]
    public void Test_projects_do_not_declare_a_public_api()
    {
        // Test projects are no one's dependency: an approval file there would only be noise in every diff.
        var tests = SolutionProjects().Where(p => p.StartsWith("tests/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(tests);
        Assert.All(tests, t => Assert.DoesNotContain(Analyzer, File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, t)), StringComparison.Ordinal));
    }

    /// <summary>The gate's rules named in a NoWarn or WarningsNotAsErrors list.</summary>
    private static IEnumerable<string> Silenced(string text) =>
        SuppressionLists().Matches(text).SelectMany(m => m.Groups["rules"].Value.Split(';', ',', ' '))
            .Select(r => r.Trim()).Where(r => r is "RS0016" or "RS0017").Distinct(StringComparer.Ordinal);

    private static List<string> SolutionProjects() =>
        ProjectLines().Matches(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "CchcAnalytics.sln")))
            .Select(m => m.Groups["path"].Value.Replace('\\', '/'))
            .ToList();

    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\) = ""[^""]+"", ""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLines();

    [GeneratedRegex(@"<(NoWarn|WarningsNotAsErrors)>(?<rules>[^<]*)</\1>")]
    private static partial Regex SuppressionLists();
}
