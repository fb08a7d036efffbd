using System.Text;
using Cchc.Etl.Loading;
using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>Well-formed workbooks with hostile cell content: wrong types in every column, huge cells, Excel error
/// values (as text and as real error cells), hidden sheets.</summary>
public sealed class CellContentTests : IDisposable
{
    private static readonly object[] WrongValues = ["abc", true, -12345.678, "70,99%", ""];

    private readonly ReaderContract _contract = new();

    [Fact]
    public void A_wrong_type_in_any_column_is_quarantined_or_fails_the_file_clearly()
    {
        for (var column = 0; column < ValidInputs.ColumnCount; column++)
        {
            foreach (var wrong in WrongValues)
            {
                var c = column;
                _contract.Check($"column {ColumnName.Of(c)} all '{wrong}'", ValidInputs.Papi((sheet, _) => EveryDataRow(sheet, c, wrong)));
            }
        }

        _contract.AssertHeld();
    }

    [Fact]
    public void A_text_in_a_score_column_is_quarantined_by_cell_and_the_rest_loads()
    {
        using var temp = new TempWarehouse();
        var path = Path.Combine(temp.Directory, "wrong type.xlsx");
        File.WriteAllBytes(path, ValidInputs.Papi((sheet, columns) => EveryDataRow(sheet, columns["PAPI.D3.2"], "n/a")));

        var result = LoaderRegistry.ForKind("papi")!.Load(temp.Warehouse, temp.Warehouse.StartRun("test"), path);

        Assert.True(result.Succeeded, result.Error);
        var reasons = temp.Warehouse.Query<string>("SELECT reason FROM etl.quarantine WHERE column_name IS NOT NULL");
        Assert.Equal(ValidInputs.Provinces.Length, reasons.Count);
        Assert.All(reasons, r => Assert.Equal("PAPI.D3.2 score is not a number: 'n/a'", r));
        Assert.Equal(0L, temp.Warehouse.Query<long>(
            "SELECT COUNT(*) FROM dw.fact_index_score f JOIN dw.dim_criterion c ON c.criterion_key = f.criterion_key WHERE c.criterion_code = 'PAPI.D3.2'").Single());
    }

    [Fact]
    public void Huge_cells_are_read_or_refused_and_errors_stay_readable()
    {
        var huge = new string('x', 1 << 20);
        var hugeVietnamese = string.Concat(Enumerable.Repeat("Lâm Đồng ", (1 << 20) / 9));
        _contract.Check("1 MB tinhid", ValidInputs.Papi((sheet, _) => sheet.Set(ValidInputs.FirstDataRow, 0, huge)));
        _contract.Check("1 MB province name", ValidInputs.Papi((sheet, _) => sheet.Set(ValidInputs.FirstDataRow, 2, hugeVietnamese)));
        _contract.Check("1 MB score", ValidInputs.Papi((sheet, columns) => sheet.Set(ValidInputs.FirstDataRow, columns["PAPI.D1.1"], huge)));
        _contract.Check("1 MB header", ValidInputs.Papi((sheet, columns) => sheet.Set(0, columns["PAPI.D2"], huge)));
        _contract.Check("1 MB note beside the data", ValidInputs.Papi((sheet, _) => sheet.Set(ValidInputs.FirstDataRow, ValidInputs.ColumnCount + 2, huge)));
        _contract.Check("1 MB csv field", Encoding.UTF8.GetBytes($"province,year,score\n{huge},2017,1\n"), ".csv");
        _contract.AssertHeld();

        using var temp = new TempWarehouse();
        var path = Path.Combine(temp.Directory, "huge.xlsx");
        File.WriteAllBytes(path, ValidInputs.Papi((sheet, _) => sheet.Set(ValidInputs.FirstDataRow, 2, hugeVietnamese)));
        var result = LoaderRegistry.ForKind("papi")!.Load(temp.Warehouse, temp.Warehouse.StartRun("test"), path);
        Assert.False(result.Succeeded);
        Assert.True(result.Error!.Length < 2000, $"the error quotes the whole 1 MB cell ({result.Error.Length} characters)");
        Assert.Contains("huge.xlsx", result.Error);
    }

    [Theory]
    [InlineData("#N/A")]
    [InlineData("#REF!")]
    [InlineData("#VALUE!")]
    [InlineData("#DIV/0!")]
    public void Formula_error_values_are_never_loaded_as_numbers(string error)
    {
        _contract.Check($"{error} as text in every score cell of a row",
            ValidInputs.Papi((sheet, columns) => { foreach (var c in columns.Values) { sheet.Set(ValidInputs.FirstDataRow, c, error); } }));
        _contract.Check($"{error} as tinhid", ValidInputs.Papi((sheet, _) => sheet.Set(ValidInputs.FirstDataRow, 0, error)));
        _contract.Check($"{error} as province name", ValidInputs.Papi((sheet, _) => sheet.Set(ValidInputs.FirstDataRow, 1, error)));
        _contract.Check($"{error} as a header", ValidInputs.Papi((sheet, columns) => sheet.Set(0, columns["PAPI.D4"], error)));
        var cells = ErrorCells(ValidInputs.Papi((sheet, columns) => sheet.Set(ValidInputs.FirstDataRow, columns["PAPI.D1.2"], error)), error);
        _contract.Check($"{error} as a real error cell", cells);
        _contract.AssertHeld();

        using var temp = new TempWarehouse();
        var path = Path.Combine(temp.Directory, "errors.xlsx");
        File.WriteAllBytes(path, cells);
        var result = LoaderRegistry.ForKind("papi")!.Load(temp.Warehouse, temp.Warehouse.StartRun("test"), path);
        Assert.True(result.Succeeded, result.Error);
        var d12 = temp.Warehouse.Query<long>(
            "SELECT COUNT(*) FROM dw.fact_index_score f JOIN dw.dim_criterion c ON c.criterion_key = f.criterion_key WHERE c.criterion_code = 'PAPI.D1.2'").Single();
        Assert.Equal(ValidInputs.Provinces.Length - 1, d12);
    }

    [Fact]
    public void Hidden_sheets_are_read_and_marked_hidden()
    {
        var path = Path.Combine(_contract.Folder, "hidden.xlsx");
        File.WriteAllBytes(path, ValidInputs.Papi(hideYearSheet: true));

        var workbook = Workbook.Open(path);

        Assert.True(workbook.SheetNamed(ValidInputs.SheetName)!.IsHidden);
        Assert.False(workbook.SheetNamed("SYNTHETIC")!.IsHidden);
        _contract.Check("year sheet hidden", path);
        _contract.Check("every sheet hidden", Mutations.RewriteText(File.ReadAllBytes(path), "xl/workbook.xml",
            xml => xml.Replace("sheetId=\"1\"", "sheetId=\"1\" state=\"veryHidden\"", StringComparison.Ordinal)));
        _contract.AssertHeld();
    }

    private static void EveryDataRow(Cchc.Etl.Spreadsheets.XlsxWriter.SheetData sheet, int column, object value)
    {
        for (var i = 0; i < ValidInputs.Provinces.Length; i++)
        {
            sheet.Set(ValidInputs.FirstDataRow + i, column, value);
        }
    }

    /// <summary>Turns the inline-text cells holding <paramref name="error"/> into real Excel error cells (t="e").</summary>
    private static byte[] ErrorCells(byte[] xlsx, string error) =>
        Mutations.RewriteText(xlsx, "xl/worksheets/sheet2.xml", xml =>
        {
            var inline = $"t=\"inlineStr\"><is><t xml:space=\"preserve\">{XlsxWriter.Escape(error)}</t></is>";
            Assert.Contains(inline, xml);
            return xml.Replace(inline, $"t=\"e\"><f>1/0</f><v>{XlsxWriter.Escape(error)}</v>", StringComparison.Ordinal);
        });

    public void Dispose() => _contract.Dispose();
}
