using Cchc.Etl.OneStop;

namespace Cchc.Etl.Tests.OneStop;

public sealed class DossierHeaderTests
{
    // The column travels as object: DossierColumn is internal, and a public test method cannot name it.
    public static TheoryData<object, string> EverySynonym()
    {
        var data = new TheoryData<object, string>();
        foreach (var (column, synonyms) in DossierHeader.Synonyms)
        {
            foreach (var s in synonyms)
            {
                data.Add(column, s);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySynonym))]
    public void Every_synonym_maps_to_its_column(object columnValue, string synonym)
    {
        var column = (DossierColumn)columnValue;
        var cells = new List<string> { "STT", "Mã hồ sơ", "Ngày tiếp nhận" };
        if (column is not (DossierColumn.DossierCode or DossierColumn.Received))
        {
            cells.Add(synonym.ToUpperInvariant());
        }
        else
        {
            cells[column == DossierColumn.DossierCode ? 1 : 2] = synonym;
        }

        var header = DossierHeader.TryMatch(cells);
        Assert.NotNull(header);
        Assert.Equal(cells.FindIndex(c => string.Equals(c, synonym, StringComparison.OrdinalIgnoreCase)), header[column]);
    }

    [Theory]
    [InlineData("Mã hồ sơ", DossierColumn.DossierCode)]
    [InlineData("MÃ HỒ SƠ", DossierColumn.DossierCode)]
    [InlineData("Số hồ sơ", DossierColumn.DossierCode)]
    [InlineData("Mã TTHC", DossierColumn.ProcedureCode)]
    [InlineData("Tên thủ tục hành chính", DossierColumn.ProcedureName)]
    [InlineData("Lĩnh vực", DossierColumn.Field)]
    [InlineData("Cơ quan giải quyết", DossierColumn.AgencyName)]
    [InlineData("Mã cơ quan", DossierColumn.AgencyCode)]
    [InlineData("Cấp", DossierColumn.Level)]
    [InlineData("Kênh tiếp nhận", DossierColumn.Channel)]
    [InlineData("Hình thức nộp", DossierColumn.Channel)]
    [InlineData("Mức độ DVC", DossierColumn.ServiceLevel)]
    [InlineData("Ngày tiếp nhận (dd/mm/yyyy)", DossierColumn.Received)]
    [InlineData("Ngày hẹn trả", DossierColumn.Due)]
    [InlineData("Hạn xử lý", DossierColumn.Due)]
    [InlineData("Ngày có kết quả", DossierColumn.Resolved)]
    [InlineData("Ngày trả kết quả", DossierColumn.Returned)]
    [InlineData("Trạng thái", DossierColumn.Status)]
    [InlineData("Tỉnh/Thành phố", DossierColumn.Province)]
    [InlineData("Ngay tiep nhan", DossierColumn.Received)]
    [InlineData("ngày_hẹn_trả", DossierColumn.Due)]
    public void Vietnamese_headers_with_or_without_diacritics_are_found(string text, object columnValue)
    {
        var column = (DossierColumn)columnValue;
        var cells = column switch
        {
            DossierColumn.DossierCode => new List<string> { text, "Ngày tiếp nhận" },
            DossierColumn.Received => ["Mã hồ sơ", text],
            _ => ["Mã hồ sơ", "Ngày tiếp nhận", text],
        };
        var header = DossierHeader.TryMatch(cells)!;
        Assert.Equal(text, header.Names[header[column]]);
    }

    [Fact]
    public void A_row_without_dossier_number_and_received_date_is_not_a_log_header() =>
        Assert.Null(DossierHeader.TryMatch(["Tỉnh", "Điểm", "Xếp hạng"]));

    [Fact]
    public void Missing_required_columns_are_named()
    {
        var header = DossierHeader.TryMatch(["Mã hồ sơ", "Ngày tiếp nhận", "Cơ quan"])!;
        var missing = string.Join(" | ", header.Missing());
        Assert.Contains("Due", missing);
        Assert.Contains("Level", missing);
        Assert.DoesNotContain("Agency", missing);

        // A province's own export has no province column: its province comes from the file or --province (ExportProvinceTests).
        Assert.DoesNotContain("Province", missing);
    }

    [Theory]
    [InlineData("Cấp tỉnh", DossierLevel.Province)]
    [InlineData("TỈNH", DossierLevel.Province)]
    [InlineData("cap huyen", DossierLevel.District)]
    [InlineData("Cấp xã", DossierLevel.Commune)]
    [InlineData("Phường", DossierLevel.Commune)]
    [InlineData("Trung ương", DossierLevel.Unknown)]
    public void Levels_are_read_from_their_words(string text, object level) => Assert.Equal((DossierLevel)level, DossierVocabulary.Level(text));

    [Theory]
    [InlineData("Trực tiếp", DossierChannel.InPerson)]
    [InlineData("Trực tuyến", DossierChannel.Online)]
    [InlineData("Bưu chính công ích", DossierChannel.Postal)]
    [InlineData("BCCI", DossierChannel.Postal)]
    [InlineData("fax", DossierChannel.Unknown)]
    public void Channels_are_read_from_their_words(string text, object channel) => Assert.Equal((DossierChannel)channel, DossierVocabulary.Channel(text));

    [Theory]
    [InlineData("Mức độ 3", "3")]
    [InlineData("4", "4")]
    [InlineData("DVC trực tuyến toàn trình", "full")]
    [InlineData("Một phần", "partial")]
    [InlineData("không rõ", null)]
    public void Service_levels_are_normalised(string text, string? expected) => Assert.Equal(expected, DossierVocabulary.ServiceLevel(text));
}
