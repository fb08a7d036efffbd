namespace Cchc.Notebooks.Tests;

/// <summary>Every notebook runs headless on the demo warehouse, cell by cell, as an analyst would run it.</summary>
public sealed class NotebookExecutionTests(NotebookRunFixture fixture) : IClassFixture<NotebookRunFixture>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [MemberData(nameof(Notebooks.All), MemberType = typeof(Notebooks))]
    public void Every_cell_runs_without_error(string notebook)
    {
        var run = fixture.Run(notebook);
        var cells = run.Executed!.Cells;
        var failures = cells.SelectMany(c => c.Errors.Select(e => $"cell {c.Index + 1} ({c.FirstLine}): {e.ErrorName}: {e.ErrorValue}")).ToList();
        Assert.True(failures.Count == 0, $"{notebook}.ipynb: {failures.Count} cell(s) failed:\n{string.Join("\n\n", failures)}");

        // A cell dotnet-repl never reached (the kernel died) has no execution record, and no error output either.
        var notRun = cells.Where(c => !c.HasExecutionEnd).Select(c => $"cell {c.Index + 1} ({c.FirstLine})").ToList();
        Assert.True(notRun.Count == 0, $"{notebook}.ipynb: cells not executed: {string.Join(", ", notRun)}\n{run.Result.Tail()}");
        Assert.True(run.Result.ExitCode == 0, $"dotnet repl exited with {run.Result.ExitCode} on {notebook}.ipynb:\n{run.Result.Tail()}");
        Assert.Equal(ExecutedNotebook.Read(Notebooks.PathOf(notebook)).Cells.Count, cells.Count);
    }

    [Theory]
    [MemberData(nameof(Notebooks.All), MemberType = typeof(Notebooks))]
    public void Charts_render_inline_as_png(string notebook)
    {
        var images = fixture.Run(notebook).Executed!.Images.ToList();
        Assert.True(images.Count >= 2, $"{notebook}.ipynb shows {images.Count} inline PNG chart(s); it draws at least two.");
        Assert.All(images, png =>
        {
            Assert.Equal(PngSignature, png.Take(PngSignature.Length));
            Assert.True(png.Length > 10_000, $"A {png.Length}-byte PNG is too small to be a drawn chart.");
        });
    }

    [Theory]
    [MemberData(nameof(Notebooks.All), MemberType = typeof(Notebooks))]
    public void Synthetic_demo_data_is_said_to_be_synthetic(string notebook)
    {
        var executed = fixture.Run(notebook).Executed!;
        var said = executed.Texts("text/markdown").Any(t => t.Contains("Synthetic data", StringComparison.Ordinal));
        Assert.True(said, $"{notebook}.ipynb ran on the synthetic demo warehouse without saying the figures are synthetic.");
    }

    [Theory]
    [MemberData(nameof(Notebooks.All), MemberType = typeof(Notebooks))]
    public void Reads_a_copy_of_the_published_warehouse_it_is_given_while_a_writer_holds_the_warehouse(string notebook)
    {
        var executed = fixture.Run(notebook).Executed!;
        Assert.True(fixture.WriterHeldDuringRuns);
        var opened = executed.Texts("text/markdown").FirstOrDefault(t => t.StartsWith("Reading ", StringComparison.Ordinal));
        Assert.NotNull(opened);

        // The fixture's folder, not the analysts' default out/demo: CCHC_WAREHOUSE chose the warehouse.
        Assert.Contains($"a private copy of {Path.GetFileName(fixture.Directory)}/cchc.published.duckdb", opened, StringComparison.Ordinal);
    }
}
