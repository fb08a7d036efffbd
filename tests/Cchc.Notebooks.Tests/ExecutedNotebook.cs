using System.Text.Json;

namespace Cchc.Notebooks.Tests;

/// <summary>One output of a code cell: its Jupyter type, the MIME types it carries, and for errors the error text.</summary>
public sealed record CellOutput(string OutputType, IReadOnlyDictionary<string, string> Data, string? ErrorName, string? ErrorValue);

/// <summary>A code cell as a .ipynb file stores it.</summary>
public sealed record CodeCell(int Index, string Source, IReadOnlyList<CellOutput> Outputs, bool HasExecutionEnd)
{
    public string FirstLine => Source.Split('\n', 2)[0].Trim();

    public IEnumerable<CellOutput> Errors => Outputs.Where(o => o.OutputType == "error");
}

/// <summary>The code cells of a Jupyter notebook (.ipynb, nbformat 4), with their outputs.</summary>
public sealed class ExecutedNotebook
{
    private ExecutedNotebook(string path, IReadOnlyList<CodeCell> cells)
    {
        Path = path;
        Cells = cells;
    }

    public string Path { get; }

    public IReadOnlyList<CodeCell> Cells { get; }

    public IEnumerable<string> Texts(string mimeType) =>
        Cells.SelectMany(c => c.Outputs).Select(o => o.Data.GetValueOrDefault(mimeType)).OfType<string>();

    public IEnumerable<byte[]> Images =>
        Texts("image/png").Select(Convert.FromBase64String);

    public static ExecutedNotebook Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cells = document.RootElement.GetProperty("cells").EnumerateArray()
            .Select((cell, index) => (cell, index))
            .Where(c => c.cell.GetProperty("cell_type").GetString() == "code")
            .Select(c => new CodeCell(
                c.index,
                Text(c.cell.GetProperty("source")),
                c.cell.TryGetProperty("outputs", out var outputs) ? outputs.EnumerateArray().Select(Output).ToList() : [],
                c.cell.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("dotnet_repl_cellExecutionEndTime", out _)))
            .ToList();
        return new ExecutedNotebook(path, cells);
    }

    private static CellOutput Output(JsonElement output)
    {
        var data = new Dictionary<string, string>();
        if (output.TryGetProperty("data", out var values))
        {
            foreach (var value in values.EnumerateObject())
            {
                data[value.Name] = Text(value.Value);
            }
        }

        return new CellOutput(
            output.GetProperty("output_type").GetString() ?? "",
            data,
            output.TryGetProperty("ename", out var name) ? name.GetString() : null,
            output.TryGetProperty("evalue", out var value2) ? value2.GetString() : null);
    }

    /// <summary>Jupyter stores multi-line text either as one string or as an array of lines.</summary>
    private static string Text(JsonElement element) => element.ValueKind == JsonValueKind.Array
        ? string.Concat(element.EnumerateArray().Select(e => e.GetString()))
        : element.GetString() ?? "";
}
