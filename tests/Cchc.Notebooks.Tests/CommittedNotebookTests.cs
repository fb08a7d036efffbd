using Cchc.TestSupport;

namespace Cchc.Notebooks.Tests;

/// <summary>The notebooks as committed: outputs kept (readable without running them), one settings cell on top.</summary>
public sealed class CommittedNotebookTests
{
    [Fact]
    public void Every_notebook_in_the_folder_is_executed_by_the_tests()
    {
        var found = Directory.GetFiles(Notebooks.Folder, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order().ToList();
        Assert.Equal(Notebooks.Names.Order(), found);
    }

    [Theory]
    [MemberData(nameof(Notebooks.All), MemberType = typeof(Notebooks))]
    public void Outputs_are_kept_and_free_of_errors(string notebook)
    {
        var committed = ExecutedNotebook.Read(Notebooks.PathOf(notebook));
        Assert.Empty(committed.Cells.SelectMany(c => c.Errors));
        Assert.True(committed.Images.Count() >= 2, $"{notebook}.ipynb was committed without its charts: run it and commit the executed copy (notebooks/README.md).");
        Assert.True(committed.Cells.Count(c => c.Outputs.Count > 0) >= committed.Cells.Count / 2,
            $"{notebook}.ipynb was committed without most of its outputs.");
    }

    [Theory]
    [MemberData(nameof(Notebooks.All), MemberType = typeof(Notebooks))]
    public void The_first_cell_is_the_one_setting_cell(string notebook)
    {
        var cells = ExecutedNotebook.Read(Notebooks.PathOf(notebook)).Cells;
        var settings = cells[0].Source;
        Assert.Contains("CCHC_WAREHOUSE", settings, StringComparison.Ordinal);
        Assert.Contains("duckdb:../out/demo/cchc.duckdb", settings, StringComparison.Ordinal);
        Assert.Contains("var province =", settings, StringComparison.Ordinal);
        Assert.Contains("var year =", settings, StringComparison.Ordinal);
        Assert.DoesNotContain(cells.Skip(1), c => c.Source.Contains("CCHC_WAREHOUSE", StringComparison.Ordinal) || c.Source.Contains(".duckdb\"", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Notebooks.All), MemberType = typeof(Notebooks))]
    public void Saved_outputs_name_no_machine_paths(string notebook)
    {
        var text = File.ReadAllText(Notebooks.PathOf(notebook));
        Assert.DoesNotContain(Path.GetTempPath(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(SharedData.RepositoryRoot, text, StringComparison.Ordinal);
    }
}
