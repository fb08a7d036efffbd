using Cchc.Etl.Spreadsheets;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Robustness;

/// <summary>A real BIFF workbook (PCI 2005.xls, read from ../shared, never copied) truncated and with bytes flipped,
/// in its compound-file header and allocation tables as well as anywhere.</summary>
public sealed class LegacyWorkbookCorruptionTests : IDisposable
{
    private readonly ReaderContract _contract = new();
    private readonly byte[] _valid = File.ReadAllBytes(Path.Combine(SharedData.PciFolder, "PCI 2005.xls"));

    [Fact]
    public void The_undamaged_workbook_opens_as_xls()
    {
        var path = Path.Combine(_contract.Folder, "PCI 2005 copy.xls");
        File.WriteAllBytes(path, _valid);

        var workbook = Workbook.Open(path);

        Assert.Equal(FileFormat.Xls, workbook.Format);
        Assert.Contains(workbook.Sheets, s => s.RowCount > 40); // PCI 2005 ranked 42 provinces
        Assert.Equal("Xếp hạng theo chỉ số PCI", workbook.Sheets[0].Name); // legacy-encoded names decoded to NFC
    }

    [Fact]
    public void A_truncated_xls_fails_with_an_error_naming_the_file_and_loads_nothing()
    {
        foreach (var length in Mutations.TruncationLengths(_valid.Length, 30))
        {
            _contract.Check($"xls truncated to {length} of {_valid.Length} bytes", _valid[..length], ".xls");
        }

        _contract.AssertHeld(expectSomeRefused: true);
    }

    [Fact]
    public void An_xls_with_flipped_bytes_is_read_or_refused_clearly()
    {
        for (var seed = 1; seed <= 20; seed++)
        {
            // The compound-file header and its first allocation sectors, where a flip redirects the whole file.
            _contract.Check($"xls header with {seed % 4 + 1} bytes flipped (seed {seed})", Mutations.FlipBytes(_valid, seed, (seed % 4) + 1, 0, 4096), ".xls");
            _contract.Check($"xls with {seed % 8 + 1} bytes flipped anywhere (seed {seed})", Mutations.FlipBytes(_valid, 1000 + seed, (seed % 8) + 1), ".xls");
        }

        _contract.AssertHeld(expectSomeOpened: true);
    }

    public void Dispose() => _contract.Dispose();
}
