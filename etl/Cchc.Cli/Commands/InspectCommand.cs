using Cchc.Cli.Parsing;
using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Cli.Commands;

/// <summary><c>cchc inspect FILE</c>: shows a file as the readers see it (sheets, merged cells, first rows) and which loader recognises it.</summary>
internal sealed class InspectCommand : ICommand
{
    public string Name => "inspect";

    public string Summary => "Show a spreadsheet as the readers see it and which loader recognises it";

    public void Declare(CommandSyntax syntax) => syntax
        .Arguments("file", "the .xlsx, .xls, .csv or .docx file", many: false)
        .Number("rows", "N", "how many rows of each sheet to show (default 15)", min: 1)
        .Text("sheet", "NAME", "show only this sheet")
        .Example("cchc inspect \"../shared/data/real/papi/PAPI 2011-2019.xlsx\" --rows 5", "the first rows of each sheet, and the kind it is recognised as");

    public int Run(CommandContext context)
    {
        var path = (context.Line.Positional.Count > 0 ? context.Line.Positional[0] : null) ?? throw new UsageException("say which file to inspect");
        var rows = context.Line.IntOption("rows") ?? 15;
        var only = context.Line.Option("sheet");
        var workbook = Workbook.Open(path);
        context.Out.WriteLine($"{workbook.FileName}: {workbook.Format}, {workbook.Sheets.Count} sheet(s); recognised as: {LoaderRegistry.Recognise(path)?.Kind ?? "(nothing)"}");
        foreach (var sheet in workbook.Sheets.Where(s => only is null || s.Name == only))
        {
            context.Out.WriteLine();
            context.Out.WriteLine($"== sheet '{sheet.Name}'{(sheet.IsHidden ? " (hidden)" : "")}: {sheet.RowCount} rows × {sheet.ColumnCount} columns, {sheet.Merged.Count} merged ranges");
            for (var r = 0; r < Math.Min(rows, sheet.RowCount); r++)
            {
                var cells = Enumerable.Range(0, sheet.ColumnCount)
                    .Select(c => (c, text: sheet.Text(r, c)))
                    .Where(x => x.text is not null)
                    .Select(x => $"{ColumnName.Of(x.c)}={Shorten(x.text!)}");
                context.Out.WriteLine($"{r + 1,5}: {string.Join(" | ", cells)}");
            }
        }

        return CliApp.Ok;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text.ReplaceLineEndings(" ");
}
