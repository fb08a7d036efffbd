using Cchc.TestSupport;

namespace Cchc.Notebooks.Tests;

/// <summary>The analyst notebooks under notebooks/ (issue 9). Every .ipynb there must be listed, so none escapes the run.</summary>
public static class Notebooks
{
    public static readonly IReadOnlyList<string> Names = ["rank-drivers", "one-stop-on-time", "indices-compared"];

    public static string Folder => Path.Combine(SharedData.RepositoryRoot, "notebooks");

    public static TheoryData<string> All => new(Names);

    public static string PathOf(string name) => Path.Combine(Folder, name + ".ipynb");
}
