namespace Cchc.Etl.Samples;

/// <summary>
/// The procedures and agencies of the synthetic Lâm Đồng one-stop log. Names follow the real ones (departments,
/// district People's Committees before 1 July 2025, communes and wards); codes are made up. A few agencies and the
/// land procedures carry most of the lateness, as in real reports.
/// </summary>
public static class OneStopCatalogue
{
    public sealed record Procedure(string Code, string Name, string Field, int Days, double Lateness);

    public sealed record Agency(string Code, string Name, int Level, double Lateness, double Weight);

    public static readonly Procedure[] ProvinceProcedures =
    [
        new("1.001612", "Đăng ký thành lập doanh nghiệp tư nhân", "Thành lập và hoạt động doanh nghiệp", 3, 1),
        new("2.001610", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Thành lập và hoạt động doanh nghiệp", 3, 1),
        new("1.004222", "Cấp Giấy chứng nhận quyền sử dụng đất cho tổ chức", "Đất đai", 30, 6),
        new("1.004217", "Giao đất, cho thuê đất cho tổ chức", "Đất đai", 20, 7),
        new("1.009972", "Cấp giấy phép xây dựng công trình", "Hoạt động xây dựng", 20, 2.5),
        new("2.000488", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp", 10, 1),
        new("1.002804", "Cấp mới Giấy phép lái xe", "Đường bộ", 10, 0.5),
        new("1.001823", "Cấp giấy phép hoạt động khám bệnh, chữa bệnh", "Khám bệnh, chữa bệnh", 45, 2),
        new("2.000294", "Cấp giấy phép kinh doanh bán lẻ rượu", "Lưu thông hàng hóa trong nước", 15, 1),
        new("1.003614", "Cấp giấy phép môi trường", "Môi trường", 30, 4),
    ];

    public static readonly Procedure[] DistrictProcedures =
    [
        new("2.000720", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động hộ kinh doanh", 3, 1),
        new("1.004227", "Đăng ký biến động quyền sử dụng đất", "Đất đai", 10, 6),
        new("1.004203", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân", "Đất đai", 30, 8),
        new("1.009994", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", 15, 2),
        new("2.000635", "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 1, 0.5),
        new("1.001653", "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", 15, 1),
        new("2.001711", "Hưởng chế độ trợ cấp xã hội hằng tháng", "Bảo trợ xã hội", 20, 1.5),
    ];

    public static readonly Procedure[] CommuneProcedures =
    [
        new("1.001193", "Đăng ký khai sinh", "Hộ tịch", 1, 0.4),
        new("1.000894", "Đăng ký kết hôn", "Hộ tịch", 3, 0.4),
        new("1.000656", "Đăng ký khai tử", "Hộ tịch", 1, 0.4),
        new("1.004873", "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 0.6),
        new("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", 1, 0.2),
        new("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 1, 0.2),
        new("1.003583", "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "Bảo trợ xã hội", 5, 1.5),
        new("1.010793", "Đăng ký biến động đất đai tại cấp xã", "Đất đai", 10, 5),
    ];

    public static readonly Agency[] ProvinceAgencies =
    [
        new("LDG-S01", "Sở Kế hoạch và Đầu tư", 1, 0.5, 3),
        new("LDG-S02", "Sở Tài nguyên và Môi trường", 1, 5, 3),
        new("LDG-S03", "Sở Xây dựng", 1, 1.5, 1.5),
        new("LDG-S04", "Sở Tư pháp", 1, 0.6, 2),
        new("LDG-S05", "Sở Giao thông vận tải", 1, 0.5, 2),
        new("LDG-S06", "Sở Y tế", 1, 1.2, 1),
        new("LDG-S07", "Sở Công Thương", 1, 0.8, 1),
    ];

    public static readonly Agency[] DistrictAgencies =
    [
        new("LDG-H01", "UBND thành phố Đà Lạt", 2, 1.2, 3),
        new("LDG-H02", "UBND thành phố Bảo Lộc", 2, 2.5, 2),
        new("LDG-H03", "UBND huyện Đức Trọng", 2, 4, 2),
        new("LDG-H04", "UBND huyện Lâm Hà", 2, 1, 1.5),
        new("LDG-H05", "UBND huyện Di Linh", 2, 1, 1.5),
        new("LDG-H06", "UBND huyện Đơn Dương", 2, 0.8, 1),
        new("LDG-H07", "UBND huyện Bảo Lâm", 2, 1.5, 1),
        new("LDG-H08", "UBND huyện Cát Tiên", 2, 0.6, 0.5),
    ];

    public static readonly Agency[] CommuneAgencies =
    [
        new("LDG-X001", "UBND Phường 1, Đà Lạt", 3, 0.5, 2),
        new("LDG-X002", "UBND Phường 2, Đà Lạt", 3, 0.5, 2),
        new("LDG-X003", "UBND Phường 8, Đà Lạt", 3, 0.7, 2),
        new("LDG-X004", "UBND xã Tà Nung", 3, 1, 0.6),
        new("LDG-X005", "UBND thị trấn Liên Nghĩa", 3, 3, 2),
        new("LDG-X006", "UBND xã Hiệp Thạnh", 3, 0.8, 1),
        new("LDG-X007", "UBND Phường Lộc Phát, Bảo Lộc", 3, 2, 1.5),
        new("LDG-X008", "UBND thị trấn Đinh Văn", 3, 0.7, 1),
        new("LDG-X009", "UBND thị trấn Di Linh", 3, 0.9, 1),
        new("LDG-X010", "UBND xã Lộc Thắng", 3, 0.6, 0.8),
    ];

    /// <summary>The merged Lâm Đồng from 1 July 2025: new departments and the two-tier communes and wards.</summary>
    public static readonly Agency[] ProvinceAgencies2025 =
    [
        new("LDM-S01", "Sở Tài chính", 1, 0.6, 3),
        new("LDM-S02", "Sở Nông nghiệp và Môi trường", 1, 4, 3.5),
        new("LDM-S03", "Sở Xây dựng", 1, 1.5, 2),
        new("LDM-S04", "Sở Tư pháp", 1, 0.6, 2),
        new("LDM-S05", "Sở Y tế", 1, 1, 1),
        new("LDM-S06", "Sở Công Thương", 1, 0.8, 1),
    ];

    public static readonly Agency[] CommuneAgencies2025 =
    [
        new("LDM-X001", "UBND phường Xuân Hương - Đà Lạt", 3, 0.8, 3),
        new("LDM-X002", "UBND phường Lâm Viên - Đà Lạt", 3, 0.8, 3),
        new("LDM-X003", "UBND phường 1 Bảo Lộc", 3, 2, 2),
        new("LDM-X004", "UBND xã Đức Trọng", 3, 3, 2.5),
        new("LDM-X005", "UBND xã Di Linh", 3, 1, 1.5),
        new("LDM-X006", "UBND phường Bắc Gia Nghĩa", 3, 1.5, 1.5),
        new("LDM-X007", "UBND phường Phan Thiết", 3, 1, 2.5),
        new("LDM-X008", "UBND phường Mũi Né", 3, 0.8, 1),
        new("LDM-X009", "UBND xã Đạ Huoai", 3, 0.7, 0.8),
    ];
}
