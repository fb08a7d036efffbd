using Cchc.Etl.Documents;
using Cchc.Etl.Samples;
using Cchc.Etl.Spreadsheets;

namespace Cchc.Etl.Plans;

/// <summary>A plan file of any supported format as tables plus the text around them (title, "Kèm theo kế hoạch số …").</summary>
internal sealed record PlanDocument(string Path, FileFormat Format, IReadOnlyList<string> Paragraphs, IReadOnlyList<Sheet> Tables, bool IsSynthetic)
{
    /// <summary>Opens a .docx (tables of word/document.xml), .xlsx, .xls or .csv, recognised by content.</summary>
    public static PlanDocument Open(string path)
    {
        var format = File.Exists(path) ? FileFormats.Detect(path) : FileFormat.Unknown;
        if (format == FileFormat.Docx)
        {
            var docx = DocxReader.Read(path);
            var synthetic = docx.Paragraphs.Any(p => p.StartsWith(SyntheticMarker.Banner, StringComparison.Ordinal));
            return new PlanDocument(path, format, docx.Paragraphs, docx.Tables, synthetic);
        }

        var workbook = Workbook.Open(path);
        var isSynthetic = SyntheticMarker.IsSynthetic(workbook)
            || (workbook.Format == FileFormat.Csv && workbook.Sheets[0].Text(0, 0) is { } first
                && first.StartsWith(SyntheticMarker.CsvCommentLine, StringComparison.Ordinal));
        var tables = workbook.Sheets.Where(s => !s.IsHidden && s.Name != SyntheticMarker.SheetName).ToList();
        return new PlanDocument(path, workbook.Format, [], tables, isSynthetic);
    }
}
