using Cchc.TestSupport;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>
/// A value longer than its warehouse column takes (SQL Server refuses it, DuckDB would keep it) is quarantined when
/// the row is parsed, with a reason naming the column and the limit, so both engines load the same rows. Fixture
/// tests/fixtures/onestop/over-long-values.csv: a dossier number an export repeated into 246 characters, an agency cell
/// holding the office's whole address and opening hours, and a field (Lĩnh vực) cell that carries the procedure's legal basis.
/// </summary>
public sealed class OverlongValueTests
{
    [Fact]
    public void Over_long_values_are_quarantined_at_parse_time_with_the_column_and_its_limit()
    {
        using var f = new LogFixture();
        var result = f.Load(SharedData.Fixture("onestop", "over-long-values.csv"));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2, 3), (result.RowsLoaded, result.RowsQuarantined));
        var reasons = f.Warehouse.Query<(int Line, string? Column, string Reason)>("SELECT row_number, column_name, reason FROM etl.quarantine ORDER BY row_number");
        Assert.Equal([3, 4, 5], reasons.Select(r => r.Line));
        Assert.Contains("the dossier number (Mã hồ sơ) is 246 characters long; the warehouse keeps at most 200 (dw.fact_dossier.dossier_code)", reasons[0].Reason, StringComparison.Ordinal);
        Assert.Equal("Mã hồ sơ", reasons[0].Column);
        Assert.Contains("keeps at most 400 (dw.dim_onestop_agency.agency_name)", reasons[1].Reason, StringComparison.Ordinal);
        Assert.Equal("Cơ quan", reasons[1].Column);
        Assert.Contains("keeps at most 400 (dw.dim_procedure.field_name)", reasons[2].Reason, StringComparison.Ordinal);
        Assert.Equal("Lĩnh vực", reasons[2].Column);
        Assert.Equal(2, f.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
    }
}
