using Cchc.Etl.Plans;

namespace Cchc.Etl.Tests.Plans;

public sealed class AgencySplitterTests
{
    private static IReadOnlyList<string> Names(string text) => AgencySplitter.Default.Split(text).Select(a => a.Agency.Name).ToList();

    [Fact]
    public void A_list_of_departments_becomes_one_agency_each_with_aliases_resolved()
    {
        Assert.Equal(
            ["Sở Nội vụ", "Sở Tư pháp", "Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh"],
            Names("Sở Nội vụ, Sở Tư pháp, Sở TT&TT, Văn phòng UBND tỉnh"));
        Assert.Equal(["Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông"], Names("VP UBND; Sở TT & TT"));
        Assert.Equal(["Sở Kế hoạch và Đầu tư"], Names("Sở KH&ĐT"));
    }

    [Fact]
    public void Collective_groups_are_one_party_each_however_many_commas_they_contain()
    {
        var split = AgencySplitter.Default.Split("Các sở, ban, ngành, UBND các huyện, thành phố, UBND cấp xã, các đơn vị sự nghiệp");
        Assert.Equal(["Các sở, ban, ngành", "UBND các huyện, thành phố", "UBND cấp xã", "Các đơn vị sự nghiệp"], split.Select(a => a.Agency.Name));
        Assert.All(split, a => Assert.True(a.Agency.IsCollective));
        Assert.Equal(["Các sở, ban, ngành", "UBND các huyện, thành phố", "UBND cấp xã", "các đơn vị sự nghiệp"], split.Select(a => a.AsWritten));
        Assert.Equal(["district_committee"], AgencySplitter.Default.Split("Ủy ban nhân dân cấp huyện").Select(a => a.Agency.AgencyType));
        Assert.Equal(["UBND các huyện, thành phố"], Names("UBND các huyện, thị xã, thành phố"));
    }

    [Fact]
    public void Names_with_va_are_split_only_between_agencies()
    {
        Assert.Equal(["Sở Khoa học và Công nghệ"], Names("Sở Khoa học và Công nghệ"));
        Assert.Equal(["Sở Nội vụ", "Sở Tư pháp"], Names("Sở Nội vụ và Sở Tư pháp"));
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"], Names("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế"));
    }

    [Fact]
    public void Unknown_agencies_are_kept_as_written_with_a_guessed_type()
    {
        var split = AgencySplitter.Default.Split("Sở Nội vụ, Công an tỉnh, Ban Quản lý các khu công nghiệp, Sở Nội vụ");
        Assert.Equal(["Sở Nội vụ", "Công an tỉnh", "Ban Quản lý các khu công nghiệp"], split.Select(a => a.Agency.Name));
        Assert.Equal([true, false, false], split.Select(a => a.Agency.IsCatalogued));
        Assert.Equal(["department", "other", "department"], split.Select(a => a.Agency.AgencyType));
        Assert.Equal("cong an tinh", split[1].Agency.NormalizedName);
        Assert.Empty(AgencySplitter.Default.Split("  "));
    }

    [Fact]
    public void Ministries_are_national_not_provincial()
    {
        var ministry = Assert.Single(AgencySplitter.Default.Split("Bộ Nội vụ"));
        Assert.True(ministry.Agency.IsNational);
        Assert.Equal("ministry", ministry.Agency.AgencyType);
    }
}
