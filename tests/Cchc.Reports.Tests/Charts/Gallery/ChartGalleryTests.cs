using System.Reflection;
using System.Text.RegularExpressions;
using Cchc.Reports.Charts;
using Cchc.Reports.Localization;
using Cchc.TestSupport;

namespace Cchc.Reports.Tests.Charts.Gallery;

/// <summary>
/// Approval tests of the chart gallery (<c>docs/charts/</c>): every recipe, drawn from the fixed inputs of
/// <see cref="ChartSamples"/> in both report languages, must plot exactly the data of its approved snapshot — bar values,
/// points, cells, tick labels, limits, titles. A changed chart fails with the diff; after checking it, approve with
/// <see cref="ChartGallery.ApproveCommand"/>, which rewrites the snapshots and the PNGs.
/// </summary>
public sealed class ChartGalleryTests
{
    /// <summary>A recipe's members whether it is public or internal.</summary>
    private const BindingFlags Members = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

    public static TheoryData<string, string> Charts()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in ChartGallery.Entries)
        {
            foreach (var language in ChartGallery.Languages)
            {
                data.Add(entry.Name, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Gallery_chart_plots_the_approved_data(string name, string language)
    {
        var entry = ChartGallery.Entry(name);
        var samples = new ChartSamples(ReportText.Parse(language));
        var (chart, plots) = ChartCanvas.RecordPlots(() => entry.Render(samples));
        Assert.NotEmpty(plots);
        var received = ChartSnapshot.Of(chart, language, samples.Context, plots);
        var approvedPath = Path.Combine(ChartGallery.Folder, ChartGallery.ApprovedFile(entry, language));
        if (ChartGallery.Approving)
        {
            Directory.CreateDirectory(ChartGallery.Folder);
            File.WriteAllText(approvedPath, received);
            File.WriteAllBytes(Path.Combine(ChartGallery.Folder, ChartGallery.ImageFile(entry, language)), chart.Png);
            return;
        }

        Assert.True(File.Exists(approvedPath),
            $"{chart.Name} ({language}) has no approved snapshot at {approvedPath}. Look at the chart, then approve it: {ChartGallery.ApproveCommand}");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n");
        if (approved != received)
        {
            Directory.CreateDirectory(ChartGallery.ReceivedFolder);
            var receivedPath = Path.Combine(ChartGallery.ReceivedFolder, ChartGallery.ApprovedFile(entry, language).Replace(".approved.", ".received.", StringComparison.Ordinal));
            File.WriteAllText(receivedPath, received);
            Assert.Fail(
                $"{chart.Name} ({language}) no longer plots the approved data ({approvedPath}); received: {receivedPath}\n" +
                TextDiff.Lines(approved, received) +
                $"If the change is intended, approve it (rewrites the snapshots and PNGs in docs/charts): {ChartGallery.ApproveCommand}");
        }
    }

    [Fact]
    public void A_wrong_bar_value_is_a_difference_from_the_approved_snapshot()
    {
        var samples = new ChartSamples(ReportText.Parse("en"));
        var right = samples.Attribution();
        var wrong = right with
        {
            Fields = [right.Fields[0] with { PlacesGained = 1.5 }, .. right.Fields.Skip(1)],
            Peers = right.Peers with { PlacesGained = -1.0 },
        };
        var (chart, plots) = ChartCanvas.RecordPlots(() => AttributionChart.Render(wrong, samples.Context));
        var approved = File.ReadAllText(Path.Combine(ChartGallery.Folder, ChartGallery.ApprovedFile(ChartGallery.Entry(AttributionChart.Name), "en")))
            .ReplaceLineEndings("\n");
        var diff = TextDiff.Lines(approved, ChartSnapshot.Of(chart, "en", samples.Context, plots), int.MaxValue);
        Assert.Matches(new Regex(@"^- \d+:   at 7: 0 → 1\.25, width 0\.65, #0072B2$", RegexOptions.Multiline), diff);
        Assert.Matches(new Regex(@"^\+ \d+:   at 7: 0 → 1\.5, width 0\.65, #0072B2$", RegexOptions.Multiline), diff);
    }

    [Fact]
    public void Every_recipe_has_a_gallery_entry_with_images_snapshots_and_a_README_section()
    {
        var recipes = typeof(ChartImage).Assembly.GetTypes().Where(IsRecipe).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var sources = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "reports", "Cchc.Reports", "Charts", "Recipes"), "*.cs")
            .Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sources, recipes);
        Assert.Equal(recipes, ChartGallery.Entries.Select(e => e.Recipe.Name).Order(StringComparer.Ordinal));

        var readme = File.ReadAllText(ChartGallery.Readme).ReplaceLineEndings("\n");
        var problems = new List<string>();
        var expectedFiles = new List<string> { "README.md" };
        foreach (var entry in ChartGallery.Entries)
        {
            var section = Section(readme, entry.Recipe.Name);
            if (section is null)
            {
                problems.Add($"docs/charts/README.md has no '## … {entry.Recipe.Name}' section");
                continue;
            }

            var input = entry.Recipe.GetMethod("Render", Members)!.GetParameters()[0].ParameterType.Name;
            foreach (var needed in new[] { $"`{entry.Recipe.Name}.Render`", $"`{input}`" })
            {
                if (!section.Contains(needed, StringComparison.Ordinal))
                {
                    problems.Add($"the README section of {entry.Recipe.Name} does not name {needed}");
                }
            }

            foreach (var language in ChartGallery.Languages)
            {
                foreach (var file in new[] { ChartGallery.ImageFile(entry, language), ChartGallery.ApprovedFile(entry, language) })
                {
                    expectedFiles.Add(file);
                    if (!File.Exists(Path.Combine(ChartGallery.Folder, file)))
                    {
                        problems.Add($"docs/charts/{file} is missing ({ChartGallery.ApproveCommand} writes it)");
                    }

                    if (!section.Contains($"({file})", StringComparison.Ordinal))
                    {
                        problems.Add($"the README section of {entry.Recipe.Name} does not link {file}");
                    }
                }
            }
        }

        var present = Directory.Exists(ChartGallery.Folder) ? Directory.GetFiles(ChartGallery.Folder).Select(Path.GetFileName).OfType<string>() : [];
        problems.AddRange(present.Except(expectedFiles).Select(f => $"docs/charts/{f} belongs to no gallery entry"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Gallery_images_are_real_charts_of_the_recipe_size()
    {
        foreach (var entry in ChartGallery.Entries)
        {
            var size = ((int)entry.Recipe.GetField("Width", Members)!.GetValue(null)!, (int)entry.Recipe.GetField("Height", Members)!.GetValue(null)!);
            foreach (var language in ChartGallery.Languages)
            {
                var png = File.ReadAllBytes(Path.Combine(ChartGallery.Folder, ChartGallery.ImageFile(entry, language)));
                Assert.Equal(size, Png.Size(png));
                Assert.True(Png.DistinctColours(png) > 20, $"{entry.Name}.{language}.png looks blank");
            }
        }
    }

    [Fact]
    public void The_reports_README_links_the_gallery()
    {
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "reports", "README.md"));
        Assert.Contains("(../docs/charts/README.md)", readme, StringComparison.Ordinal);
    }

    /// <summary>A chart recipe: a static class whose <c>Render(input, ChartContext)</c> returns a <see cref="ChartImage"/>.</summary>
    private static bool IsRecipe(Type type) =>
        type is { IsAbstract: true, IsSealed: true } &&
        type.GetMethod("Render", Members) is { } render &&
        render.ReturnType == typeof(ChartImage) &&
        render.GetParameters() is [_, { ParameterType: var context }] && context == typeof(ChartContext);

    /// <summary>The README section whose "## " heading names the recipe class, up to the next heading.</summary>
    private static string? Section(string readme, string recipe)
    {
        var match = Regex.Match(readme, $@"^## [^\n]*`{recipe}`[^\n]*\n(.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline);
        return match.Success ? match.Value : null;
    }
}
