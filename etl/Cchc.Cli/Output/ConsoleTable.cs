using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cchc.Cli.Output;

/// <summary>
/// A table of a command's results, drawn by Spectre.Console: on a terminal with rounded borders, its width and status
/// words in colour; in a pipe or a file as plain aligned columns (a dashed line under the header, no ANSI codes,
/// nothing wrapped). Columns whose cells are all numbers are right-aligned.
/// </summary>
internal sealed class ConsoleTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add(cells.Select(c => c ?? string.Empty).ToArray());

    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var styled = Consoles.IsStyled(output);
        var table = new Table();
        for (var i = 0; i < headers.Length; i++)
        {
            var column = new TableColumn(styled ? $"[bold]{Markup.Escape(headers[i])}[/]" : Markup.Escape(headers[i]));
            if (IsNumericColumn(i))
            {
                column.RightAligned();
            }

            if (!styled)
            {
                column.Padding(0, 0, i == headers.Length - 1 ? 0 : 2, 0);
            }

            table.AddColumn(column);
        }

        foreach (var row in _rows)
        {
            table.AddRow(Enumerable.Range(0, headers.Length).Select(i => Cell(i < row.Length ? row[i] : string.Empty, styled)).ToArray());
        }

        if (styled)
        {
            table.Border(TableBorder.Rounded).BorderColor(Color.Grey);
            Consoles.For(output).Write(table);
            return;
        }

        // Plain: rendered aside so that the padding Spectre adds to the last column can be trimmed off each line.
        table.Border(PlainBorder.Instance);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Consoles.For(text).Write(table);
        foreach (var line in text.ToString().Split('\n'))
        {
            if (line.Length > 0)
            {
                output.WriteLine(line.TrimEnd());
            }
        }
    }

    private bool IsNumericColumn(int index)
    {
        var cells = _rows.Select(r => index < r.Length ? r[index] : string.Empty).Where(c => c.Length > 0 && c != "-").ToList();
        return cells.Count > 0 && cells.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
    }

    private static Markup Cell(string text, bool styled) =>
        new(styled && StatusColour(text) is { } colour ? $"[{colour}]{Markup.Escape(text)}[/]" : Markup.Escape(text));

    /// <summary>Outcome words that a reader looks for first.</summary>
    private static string? StatusColour(string text) => text.ToLowerInvariant() switch
    {
        "failed" or "error" or "aborted" => "red",
        "warning" or "deferred" or "partial" or "interrupted" or "running" => "yellow",
        "loaded" or "succeeded" => "green",
        _ => null,
    };

    /// <summary>No frame: a dashed line under the header, columns two spaces apart (as a text file reads best).</summary>
    private sealed class PlainBorder : TableBorder
    {
        public static readonly PlainBorder Instance = new();

        public override string GetPart(TableBorderPart part) => part switch
        {
            TableBorderPart.HeaderBottomLeft or TableBorderPart.HeaderBottom or TableBorderPart.HeaderBottomRight => "-",
            TableBorderPart.HeaderBottomSeparator => string.Empty,
            _ => string.Empty,
        };
    }
}
