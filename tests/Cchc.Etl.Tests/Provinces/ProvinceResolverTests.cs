using System.Text;
using Cchc.Etl.Provinces;
using Cchc.Etl.Spreadsheets;
using Cchc.Warehouse;

namespace Cchc.Etl.Tests.Provinces;

public sealed class ProvinceResolverTests
{
    private readonly ProvinceResolver _resolver = ProvinceResolver.Default;

    // Every spelling below occurs in the real PCI workbooks 2005–2019 (summary or sub-index sheets) or in the
    // issue's list of known variants.
    [Theory]
    [InlineData("TP.HCM", "79")]
    [InlineData("Tp.HCM", "79")]
    [InlineData("TP. HCM", "79")]
    [InlineData("HCMC", "79")]
    [InlineData("TP.Hồ Chí Minh", "79")]
    [InlineData("Thành phố Hồ Chí Minh", "79")]
    [InlineData("Ho Chi Minh City", "79")]
    [InlineData("BRVT", "77")]
    [InlineData("Bà Rịa - Vũng Tàu", "77")]
    [InlineData("Bà Rịa-Vũng Tàu", "77")]
    [InlineData("Ba Ria Vung Tau", "77")]
    [InlineData("Thừa Thiên - Huế", "46")]
    [InlineData("Thừa Thiên Huế", "46")]
    [InlineData("Huế", "46")]
    [InlineData("TT-Huế", "46")]
    [InlineData("TT.Huế", "46")]
    [InlineData("TT- Huế", "46")]
    [InlineData("TT-Hue", "46")]
    [InlineData("Thua Thien Hue", "46")]
    [InlineData("Khánh Hòa", "56")]
    [InlineData("Khánh Hoà", "56")]
    [InlineData("Hòa Bình", "17")]
    [InlineData("Hoà Bình", "17")]
    [InlineData("Thanh Hoá", "38")]
    [InlineData("Thanh Hoa", "38")]
    [InlineData("Bac Giang", "24")]
    [InlineData("Bắc Kạn", "06")]
    [InlineData("Bắc Cạn", "06")]
    [InlineData("Bac Kan", "06")]
    [InlineData("Bac Can", "06")]
    [InlineData("Đắk Lắk", "66")]
    [InlineData("Đăk Lăk", "66")]
    [InlineData("Đắc Lắk", "66")]
    [InlineData("Dak Lak", "66")]
    [InlineData("Đắk Nông", "67")]
    [InlineData("Đăk Nông", "67")]
    [InlineData("Đak Nông", "67")]
    [InlineData("Dak Nong", "67")]
    [InlineData("Quàng Ngãi", "51")]
    [InlineData("Haải Dương", "30")]
    [InlineData("Đak Lak", "66")]
    [InlineData("Tỉnh Hải Dương", "30")]
    [InlineData("Ha Nam", "35")]
    [InlineData("Hà Nội", "01")]
    [InlineData("Ha Noi", "01")]
    [InlineData("Kon Tum", "62")]
    [InlineData("Kontum", "62")]
    [InlineData("  Lâm   Đồng ", "68")]
    [InlineData("Lam Dong", "68")]
    [InlineData("Tỉnh Lâm Đồng", "68")]
    [InlineData("Cần Thơ", "92")]
    [InlineData("TP. Cần Thơ", "92")]
    public void Resolves_every_spelling_seen_in_the_files(string name, string gso)
    {
        var province = _resolver.Resolve(name, 2017);

        Assert.NotNull(province);
        Assert.Equal(gso, province.GsoCode);
    }

    [Fact]
    public void Decomposed_unicode_is_the_same_name_as_composed()
    {
        var nfd = "Lâm Đồng".Normalize(NormalizationForm.FormD);

        Assert.Equal(68, _resolver.Resolve(nfd, 2017)?.Key);
    }

    [Theory]
    [InlineData(2005, 28)]
    [InlineData(2008, 28)]
    [InlineData(2009, null)]
    [InlineData(2017, null)]
    public void Ha_Tay_exists_until_its_merger_into_Ha_Noi_in_2008(int year, int? key)
    {
        Assert.Equal(key, _resolver.Resolve("Hà Tây", year)?.Key);
        Assert.Equal(1, _resolver.Resolve("Hà Nội", year)?.Key);
    }

    [Theory]
    [InlineData("Lâm Đồng", 2017, 68)]
    [InlineData("Lâm Đồng", 2024, 68)]
    [InlineData("Lâm Đồng", 2026, 168)]
    [InlineData("Đắk Nông", 2024, 67)]
    [InlineData("Đắk Nông", 2026, null)]
    [InlineData("Bình Thuận", 2026, null)]
    [InlineData("Huế", 2019, 46)]
    [InlineData("Thừa Thiên Huế", 2026, 146)]
    [InlineData("HCMC", 2026, 179)]
    [InlineData("BRVT", 2026, null)]
    [InlineData("Hà Nội", 2026, 101)]
    public void Merged_2025_names_resolve_to_the_entity_of_the_year(string name, int year, int? key)
    {
        Assert.Equal(key, _resolver.Resolve(name, year)?.Key);
    }

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("Min")]
    [InlineData("Median")]
    [InlineData("Trung vị")]
    [InlineData("Tỉnh, thành phố")]
    [InlineData("")]
    [InlineData(null)]
    public void Non_provinces_do_not_resolve(string? name)
    {
        Assert.Null(_resolver.Resolve(name, 2017));
        Assert.False(_resolver.IsProvinceName(name));
    }

    [Fact]
    public void Require_names_file_sheet_row_and_column_of_an_unknown_province()
    {
        var where = new SourceLocation("/data/PCI 2017.xlsx", "Summary", 12, "A");

        var e = Assert.Throws<SpreadsheetException>(() => _resolver.Require("Atlantis", 2017, where));

        Assert.Equal(where, e.Location);
        Assert.StartsWith("file 'PCI 2017.xlsx', sheet 'Summary', row 12, column A: unknown province 'Atlantis' for 2017", e.Message);
    }
}
