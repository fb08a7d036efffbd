using System.Text;
using Cchc.Etl.Loading;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>Damaged .xlsx archives: truncated, bytes flipped, and valid archives whose XML parts are damaged.</summary>
public sealed class ArchiveCorruptionTests : IDisposable
{
    private readonly ReaderContract _contract = new();
    private readonly byte[] _valid = ValidInputs.Papi();

    [Fact]
    public void The_undamaged_input_loads_cleanly_so_that_damage_is_what_the_cases_test()
    {
        using var temp = new TempWarehouse();
        var path = Path.Combine(temp.Directory, "valid.xlsx");
        File.WriteAllBytes(path, _valid);

        var result = LoaderRegistry.Recognise(path)!.Load(temp.Warehouse, temp.Warehouse.StartRun("test"), path);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, result.RowsQuarantined);
        Assert.Equal(ValidInputs.Provinces.Length * (Papi.MiniPapiWorkbook.ColumnsOf(ValidInputs.Year).Count + 1), result.RowsLoaded);
    }

    [Fact]
    public void A_truncated_archive_fails_with_an_error_naming_the_file_and_loads_nothing()
    {
        foreach (var length in Mutations.TruncationLengths(_valid.Length, 40))
        {
            _contract.Check($"xlsx truncated to {length} of {_valid.Length} bytes", _valid[..length]);
        }

        _contract.AssertHeld(expectSomeRefused: true);
    }

    [Fact]
    public void An_archive_with_flipped_bytes_is_read_or_refused_clearly()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            _contract.Check($"xlsx with {1 + (seed % 6)} bytes flipped (seed {seed})", Mutations.FlipBytes(_valid, seed, 1 + (seed % 6)));
        }

        _contract.AssertHeld(expectSomeRefused: true);
    }

    [Fact]
    public void Damaged_xml_in_a_valid_archive_is_read_or_refused_clearly()
    {
        foreach (var entry in Mutations.Entries(_valid))
        {
            _contract.Check($"{entry} removed", Mutations.RewriteEntry(_valid, entry, _ => null));
            _contract.Check($"{entry} empty", Mutations.RewriteEntry(_valid, entry, _ => []));
            _contract.Check($"{entry} cut in half", Mutations.RewriteEntry(_valid, entry, b => b[..(b.Length / 2)]));
            _contract.Check($"{entry} not UTF-8", Mutations.RewriteEntry(_valid, entry, b => [.. b.Take(40), 0xC3, 0x28, 0xFF, 0xFE, .. b.Skip(40)]));
            for (var seed = 1; seed <= 3; seed++)
            {
                _contract.Check($"{entry} with characters flipped (seed {seed})",
                    Mutations.RewriteText(_valid, entry, xml => Mutations.FlipCharacters(xml, seed, 1 + (seed * 2))));
            }
        }

        _contract.AssertHeld(expectSomeRefused: true, expectSomeOpened: true);
    }

    [Fact]
    public void Hostile_but_well_formed_parts_are_refused_or_read_without_hanging()
    {
        const string Sheet = "xl/worksheets/sheet2.xml";
        const string Laughs =
            """<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>""";
        _contract.Check("entity expansion bomb in a sheet", Mutations.RewriteText(_valid, Sheet, _ => Laughs));
        _contract.Check("a cell in the last row and column of the grid",
            Mutations.RewriteText(_valid, Sheet, xml => xml.Replace("</sheetData>", """<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>""", StringComparison.Ordinal)));
        _contract.Check("a cell reference beyond the grid",
            Mutations.RewriteText(_valid, Sheet, xml => xml.Replace("</sheetData>", """<row r="99999999"><c r="ZZZZ99999999"><v>1</v></c></row></sheetData>""", StringComparison.Ordinal)));
        _contract.Check("rows out of order and repeated",
            Mutations.RewriteText(_valid, Sheet, xml => xml.Replace("<row r=\"3\">", "<row r=\"1\">", StringComparison.Ordinal)));
        _contract.Check("a merged range covering the whole grid",
            Mutations.RewriteText(_valid, Sheet, xml => xml.Replace("</sheetData>", """</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>""", StringComparison.Ordinal)));
        _contract.Check("a sheet whose part is missing", Mutations.RewriteEntry(_valid, Sheet, _ => null));
        _contract.Check("a workbook naming a sheet part outside the archive",
            Mutations.RewriteText(_valid, "xl/_rels/workbook.xml.rels", xml => xml.Replace("worksheets/sheet2.xml", "../../../etc/passwd", StringComparison.Ordinal)));
        _contract.Check("a shared-string index past the table",
            Mutations.RewriteText(_valid, Sheet, xml => ReplaceFirst(xml, "t=\"inlineStr\"><is><t xml:space=\"preserve\">tinhid</t></is>", "t=\"s\"><v>99999</v>")));
        _contract.Check("a number cell holding text", Mutations.RewriteText(_valid, Sheet, xml => ReplaceFirst(xml, "<v>", "<v>not-a-number")));
        _contract.Check("a style index past the style table", Mutations.RewriteText(_valid, Sheet, xml => ReplaceFirst(xml, "<c r=\"D3\"", "<c s=\"4242\" r=\"D3\"")));
        _contract.Check("a sheet in UTF-16", Mutations.RewriteEntry(_valid, Sheet, b => Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(b))));

        _contract.AssertHeld();
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the valid input lacks '{find}'");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    public void Dispose() => _contract.Dispose();
}
