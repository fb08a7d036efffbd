using Cchc.Etl.Loading;
using Cchc.Etl.Provinces;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.OneStop;

/// <summary>
/// The province of a one-stop export that has no province column, on hand-made fixtures in the shapes provincial
/// systems export (tests/fixtures/onestop/no-province-column): decided from the title row, the agency names or the
/// dossier numbers, else from --province or the deployment default, else refused naming the option; a file that
/// names another province than --province fails. The load result says how it was decided.
/// </summary>
public sealed class ExportProvinceTests : IDisposable
{
    private readonly LogFixture _log = new();

    private static string Fixture(string name) => SharedData.Fixture("onestop", "no-province-column", name);

    private FileLoadResult Load(string path, string? given = null, string? deployment = null) =>
        _log.LoadWith(new OneStopLogLoader().WithProvince(ProvinceSetting.From(given, deployment)), path);

    private IReadOnlyList<(string Code2025, int ProvinceKey)> Dossiers() =>
        _log.Warehouse.Query<(string, int)>("SELECT province_code_2025, province_key FROM dw.fact_dossier ORDER BY dossier_code");

    [Fact]
    public void A_title_row_above_the_header_names_the_province()
    {
        var result = Load(Fixture("title-row-ubnd-tinh.xlsx"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, result.RowsLoaded);
        Assert.Equal(1, result.RowsQuarantined); // the row without a due date
        Assert.Equal(1, result.RowsSkipped); // the blank row between data rows
        Assert.Equal(6, result.RowsRead);
        Assert.StartsWith("68 (Lâm Đồng) from the title row 1 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG'", result.ProvinceDecision);
        Assert.All(Dossiers(), d => Assert.Equal(("68", 68), d));
        Assert.Contains("province 68 (Lâm Đồng) from the title row", _log.Warehouse.Query<string>("SELECT message FROM etl.file").Single());
        Assert.Equal(4L, _log.Count("SELECT COUNT(*) FROM dw.fact_dossier WHERE is_synthetic")); // the fixture carries the synthetic marker sheet
    }

    [Fact]
    public void Agency_names_that_carry_the_province_name_it_and_dates_decide_the_entity()
    {
        var result = Load(Fixture("agency-names-tinh.csv"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, result.RowsLoaded);
        Assert.StartsWith("67 (Đắk Nông) inferred from the agency names (4 of the first 4 rows name it", result.ProvinceDecision);
        Assert.All(Dossiers(), d => Assert.Equal(("68", 67), d)); // Đắk Nông's dossiers, all received before the merger
    }

    [Fact]
    public void The_agency_code_its_dossier_numbers_start_with_names_the_province_when_nothing_else_does()
    {
        var result = Load(Fixture("dossier-numbers-h36.csv"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, result.RowsLoaded);
        Assert.StartsWith("68 (Lâm Đồng) inferred from the dossier numbers (agency code H36 of QCVN 102:2016 in 4 of the first 4 rows)", result.ProvinceDecision);
        Assert.All(Dossiers(), d => Assert.Equal(("68", 68), d));
    }

    [Fact]
    public void A_file_that_names_no_province_needs_the_option_and_the_error_names_it()
    {
        var result = Load(Fixture("names-no-province.csv"));

        Assert.False(result.Succeeded);
        Assert.Contains("names-no-province.csv", result.Error);
        Assert.Contains("the export names no province", result.Error);
        Assert.Contains("--province", result.Error);
        Assert.Contains(ProvinceSetting.EnvironmentVariable, result.Error);
        Assert.Equal(0L, _log.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
        Assert.Equal("failed", _log.Warehouse.Query<string>("SELECT status FROM etl.file").Single());
    }

    [Fact]
    public void The_option_and_the_deployment_default_decide_a_file_that_names_none()
    {
        var given = Load(Fixture("names-no-province.csv"), given: "Lâm Đồng");
        Assert.True(given.Succeeded, given.Error);
        Assert.Equal("68 (Lâm Đồng) from --province (the file names none)", given.ProvinceDecision);

        using var other = new LogFixture();
        var deployed = other.LoadWith(new OneStopLogLoader().WithProvince(ProvinceSetting.From(null, "79")), Fixture("names-no-province.csv"));
        Assert.True(deployed.Succeeded, deployed.Error);
        Assert.Equal("79 (Hồ Chí Minh) from the deployment default CCHC_PROVINCE (the file names none)", deployed.ProvinceDecision);
        Assert.All(other.Warehouse.Query<int>("SELECT province_key FROM dw.fact_dossier"), key => Assert.Equal(79, key));
    }

    [Fact]
    public void The_file_s_own_province_wins_over_the_deployment_default()
    {
        var result = Load(Fixture("title-row-ubnd-tinh.xlsx"), deployment: "01");

        Assert.True(result.Succeeded, result.Error);
        Assert.StartsWith("68 (Lâm Đồng) from the title row", result.ProvinceDecision);
        Assert.All(Dossiers(), d => Assert.Equal(("68", 68), d));
    }

    [Fact]
    public void A_file_naming_another_province_than_the_option_fails_and_changes_nothing()
    {
        var unrelated = Load(Fixture("title-row-ubnd-tinh.xlsx"), given: "Hà Nội");
        Assert.False(unrelated.Succeeded);
        Assert.Contains("--province 01 (Hà Nội) contradicts the file, which names 68 (Lâm Đồng) from the title row 1", unrelated.Error);

        // Đắk Nông merged into Lâm Đồng on 1 July 2025: its 2024 dossiers are still Đắk Nông's, so --province 68 is wrong for them.
        var merged = Load(Fixture("agency-names-tinh.csv"), given: "68");
        Assert.False(merged.Succeeded);
        Assert.Contains("belongs to Đắk Nông", merged.Error);
        Assert.Contains("not to Lâm Đồng as --province 68 says", merged.Error);
        Assert.Contains("row 3", merged.Error);

        var agrees = Load(Fixture("agency-names-tinh.csv"), given: "Dak Nong");
        Assert.True(agrees.Succeeded, agrees.Error);
        Assert.EndsWith("; --province 67 (Đắk Nông) agrees", agrees.ProvinceDecision);
        Assert.Equal(4L, _log.Count("SELECT COUNT(*) FROM dw.fact_dossier"));
    }

    [Fact]
    public void A_province_column_is_checked_row_by_row_against_the_option()
    {
        var path = SharedData.Fixture("onestop", "semicolon-bom-datetime.csv");
        var wrong = Load(path, given: "Đà Nẵng");
        Assert.False(wrong.Succeeded);
        Assert.Contains("belongs to Lâm Đồng ('Lâm Đồng'), not to Đà Nẵng as --province 48 says", wrong.Error);
        Assert.Equal(0L, _log.Count("SELECT COUNT(*) FROM dw.fact_dossier"));

        var right = Load(path, given: "68");
        Assert.True(right.Succeeded, right.Error);
        Assert.StartsWith("per row, from the 'Tỉnh' column (each checked against --province 68 (Lâm Đồng))", right.ProvinceDecision);
    }

    [Fact]
    public void A_semicolon_export_with_a_bom_crlf_and_times_loads_with_the_times_dropped()
    {
        var result = Load(SharedData.Fixture("onestop", "semicolon-bom-datetime.csv"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((5, 4, 0, 1), (result.RowsRead, result.RowsLoaded, result.RowsQuarantined, result.RowsSkipped));
        var first = _log.Warehouse.Query<string>(
            "SELECT CAST(received_date AS VARCHAR) || ' ' || CAST(due_date AS VARCHAR) || ' ' || CAST(resolved_date AS VARCHAR) || ' ' || CAST(returned_date AS VARCHAR) FROM dw.fact_dossier WHERE dossier_code = '000.00.36.H36-240108-0101'").Single();
        Assert.Equal("2024-01-08 2024-01-18 2024-01-16 2024-01-17", first);

        // Due at 08:00 on the day it was received at 09:00: on-time rules compare days, so the row is not "due before received".
        Assert.Equal(1L, _log.Count("SELECT COUNT(*) FROM dw.fact_dossier WHERE dossier_code = '000.00.36.H36-240110-0104'"));
        var procedure = _log.Warehouse.Query<string>(
            "SELECT p.procedure_name FROM dw.fact_dossier f JOIN dw.dim_procedure p ON p.procedure_key = f.procedure_key WHERE f.dossier_code = '000.00.36.H36-240108-0101'");
        Assert.Equal(["(không có mã TTHC)"], procedure); // no Mã TTHC column: the quoted "…; số 1" did not split the row
        Assert.Equal(4L, _log.Count("SELECT COUNT(*) FROM dw.fact_dossier WHERE is_synthetic"));
    }

    [Fact]
    public void An_agency_catalogue_without_a_province_column_takes_the_province_its_title_names()
    {
        var path = SharedData.Fixture("onestop", "catalogue-agencies-no-province-column.csv");
        var catalogue = new OneStopCatalogLoader();

        var result = _log.LoadWith(catalogue, path);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((4, 3, 0, 1), (result.RowsRead, result.RowsLoaded, result.RowsQuarantined, result.RowsSkipped));
        Assert.StartsWith("68 (Lâm Đồng) from the title row 2", result.ProvinceDecision);
        Assert.Equal([(68, "000.00.25.H36"), (68, "000.00.40.H36"), (68, "000.40.25.H36")],
            _log.Warehouse.Query<(int, string)>("SELECT province_key, agency_code FROM dw.dim_onestop_agency ORDER BY agency_code"));

        var wrong = _log.LoadWith(catalogue.WithProvince(ProvinceSetting.From("01", null)), path);
        Assert.False(wrong.Succeeded);
        Assert.Contains("--province 01 (Hà Nội) contradicts the catalogue, whose title names 68 (Lâm Đồng)", wrong.Error);
    }

    public void Dispose() => _log.Dispose();
}

public sealed class ProvinceMentionTests
{
    [Theory]
    [InlineData("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "68")]
    [InlineData("UBND TP. HỒ CHÍ MINH", "79")]
    [InlineData("UBND TP.HCM", "79")]
    [InlineData("Sở Tư pháp tỉnh Đắk Nông", "67")]
    [InlineData("UBND xã Đắk Sắk, huyện Đắk Mil, tỉnh Đắk Nông", "67")]
    [InlineData("uy ban nhan dan tinh lam dong", "68")]
    [InlineData("Ủy ban nhân dân thành phố Hà Nội", "01")]
    [InlineData("UBND thành phố Bắc Ninh", "27")]
    [InlineData("UBND thành phố Đà Lạt", null)]
    [InlineData("Báo cáo tình hình giải quyết hồ sơ tính đến 31/12/2024", null)]
    [InlineData("Sở Tư pháp", null)]
    [InlineData("Tỉnh Lâm Đồng và tỉnh Đắk Nông", null)]
    public void Names_the_one_province_a_text_names(string text, string? code) => Assert.Equal(code, ProvinceMention.Find(text));

    [Theory]
    [InlineData("000.00.36.H36-240108-0001", "H36", "68")]
    [InlineData("H36.22-240115-0001", "H36", "68")]
    [InlineData("000.20.27.H27-240101-0002", "H27", "42")]
    [InlineData("h49.1-2401-3", "H49", "22")]
    [InlineData("H57.15-240101-0001", "H57", "46")]
    [InlineData("HS-2024-00017", null, null)]
    [InlineData("G12.34-240101-0001", null, null)]
    public void Reads_the_level_1_agency_code_of_a_dossier_number(string number, string? level1, string? gso)
    {
        Assert.Equal(level1, AgencyCodePrefix.Level1Code(number));
        Assert.Equal(gso, level1 is null ? null : AgencyCodePrefix.GsoCode(level1));
    }
}
