using System.Text;
using Cchc.Etl.Plans;
using Cchc.TestSupport;

namespace Cchc.Etl.Tests.Plans;

public sealed class PlanParserTests : IDisposable
{
    private const string Header = "STT,Lĩnh vực/Tiêu chí/Tiêu chí thành phần,Điểm chuẩn,Điểm thẩm định,Điểm bị mất,Giải pháp,Cơ quan chủ trì thực hiện,Cơ quan phối hợp,Thời gian thực hiện,Ghi chú";

    private readonly string _directory = Directory.CreateTempSubdirectory("cchc-plan-parser-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void Wrapped_rows_continue_the_row_above_and_section_rows_are_skipped()
    {
        var path = Csv("wrapped.csv",
            "\"(Kèm theo kế hoạch số 12/KH-UBND ngày 5 tháng 3 năm 2020 của UBND tỉnh Thừa Thiên Huế)\"",
            Header,
            "I,CÁC TIÊU CHÍ CHẤM ĐIỂM,,,,,,,,",
            "1.2,Báo cáo,3,\"0,75\",\"2,25\",Thực hiện đầy đủ,Sở Nội vụ,\"Các sở, ban, ngành\",Quý II,",
            ",,,,,các báo cáo định kỳ,Văn phòng UBND tỉnh,,,");
        var plan = RemediationPlanParser.Default.Parse(PlanDocument.Open(path));
        Assert.Equal(("46", 2020, 2019, "12/KH-UBND"), (plan.Province.GsoCode, plan.PlanYear, plan.ResultYear, plan.PlanNumber));
        var row = Assert.Single(plan.Rows);
        Assert.Equal("Thực hiện đầy đủ\ncác báo cáo định kỳ", row.Remedy);
        Assert.Equal("Sở Nội vụ\nVăn phòng UBND tỉnh", row.LeadAgencies);
        Assert.Empty(plan.Rejected);
    }

    [Fact]
    public void Two_row_headers_numbering_rows_and_comma_codes_are_understood()
    {
        var path = Csv("two-rows.csv",
            "KẾ HOẠCH KHẮC PHỤC HẠN CHẾ CHỈ SỐ CCHC NĂM 2019",
            "STT,Nội dung,Điểm tối đa,Điểm đạt được,Điểm bị mất,Nhiệm vụ giải pháp,Cơ quan thực hiện,,Thời hạn,Ghi chú",
            ",,,,,,Chủ trì,Phối hợp,,",
            "1,2,3,4,5,6,7,8,9,10",
            "\"1,1\",Kế hoạch CCHC,2,1,1,Ban hành kịp thời,Sở Nội vụ,Văn phòng UBND tỉnh,Tháng 3/2019,");
        var plan = RemediationPlanParser.Default.Parse(PlanDocument.Open(path), new PlanLoadOptions(Province: "Lâm Đồng"));
        var row = Assert.Single(plan.Rows);
        Assert.Equal(("1.1", 2.0, 1.0, 1.0), (row.CriterionCode, row.MaxPoints, row.AppraisedPoints, row.PointsLostStated));
        Assert.Equal(("Sở Nội vụ", "Văn phòng UBND tỉnh", "Tháng 3/2019"), (row.LeadAgencies, row.CoordinatingAgencies, row.Deadline));
        Assert.Equal((2019, "68"), (plan.PlanYear, plan.Province.GsoCode));
    }

    [Fact]
    public void Province_and_year_can_come_from_header_cells()
    {
        var path = Csv("cells.csv",
            "Tỉnh:,Lâm Đồng,,,,,,,,",
            "Năm kế hoạch:,2019,,,,,,,,",
            Header,
            "1.2,Báo cáo,3,1,2,,,,,");
        var plan = RemediationPlanParser.Default.Parse(PlanDocument.Open(path));
        Assert.Equal(("68", 2019, 2018, (string?)null), (plan.Province.GsoCode, plan.PlanYear, plan.ResultYear, plan.PlanNumber));
    }

    [Fact]
    public void Unusable_rows_are_quarantined_with_their_location()
    {
        var path = Csv("bad.csv",
            Header,
            "1.1,Kế hoạch,\"1,5\",abc,,,,,,",
            "1.2,Báo cáo,3,1,2,,,,,",
            "1.2,Báo cáo lần hai,3,1,2,,,,,",
            ",Điểm thưởng,,1,,,,,,",
            "x.y,Dòng lạ,,,,,,,,");
        var plan = RemediationPlanParser.Default.Parse(PlanDocument.Open(path), new PlanLoadOptions("Lâm Đồng", 2018));
        Assert.Equal(["1.2"], plan.Rows.Select(r => r.CriterionCode));
        Assert.Equal(4, plan.Rejected.Count);
        Assert.Equal("file 'bad.csv', sheet 'bad', row 2, column D: Điểm thẩm định is not a number: 'abc'", plan.Rejected[0].Reason);
        Assert.Equal(("bad", 2, "D"), (plan.Rejected[0].Source.Sheet, plan.Rejected[0].Source.Row, plan.Rejected[0].Source.Column));
        Assert.Contains("criterion 1.2 is listed twice with points (first at row 3)", plan.Rejected[1].Reason);
        Assert.Contains("points but no STT", plan.Rejected[2].Reason);
        Assert.Contains("STT 'x.y' is not a criterion code", plan.Rejected[3].Reason);
    }

    [Fact]
    public void Province_and_year_must_come_from_the_document_or_the_options_and_may_not_contradict_it()
    {
        var bare = Csv("bare.csv", Header, "1.2,Báo cáo,3,1,2,,,,,");
        var missing = Assert.Throws<PlanFormatException>(() => RemediationPlanParser.Default.Parse(PlanDocument.Open(bare)));
        Assert.Equal("file 'bare.csv': the document does not say its plan year (no 'KẾ HOẠCH … NĂM yyyy' title or 'ngày … tháng … năm …' date): give --year", missing.Message);
        var noProvince = Assert.Throws<PlanFormatException>(() => RemediationPlanParser.Default.Parse(PlanDocument.Open(bare), new PlanLoadOptions(PlanYear: 2018)));
        Assert.Contains("give --province", noProvince.Message);
        var plan = RemediationPlanParser.Default.Parse(PlanDocument.Open(bare), new PlanLoadOptions("68", 2018, 2017));
        Assert.Equal(("Lâm Đồng", 2018, 2017), (plan.Province.ShortName, plan.PlanYear, plan.ResultYear));

        var contradiction = Assert.Throws<PlanFormatException>(() => RemediationPlanParser.Default.Parse(PlanDocument.Open(PlanFixtures.Csv), new PlanLoadOptions("Hà Nội")));
        Assert.Contains("--province Hà Nội contradicts the document, which is a plan of Lâm Đồng", contradiction.Message);
        var wrongYear = Assert.Throws<PlanFormatException>(() => RemediationPlanParser.Default.Parse(PlanDocument.Open(PlanFixtures.Csv), new PlanLoadOptions(PlanYear: 2019)));
        Assert.Contains("--year 2019 contradicts the document, which gives plan year 2018", wrongYear.Message);
    }

    [Fact]
    public void A_file_without_the_plan_columns_fails_naming_the_file()
    {
        var path = Csv("scores.csv", "Tỉnh,Điểm,Xếp hạng", "Lâm Đồng,\"70,99\",48");
        Assert.False(RemediationPlanParser.LooksLikePlan(PlanDocument.Open(path)));
        using var temp = new TempWarehouse();
        var result = PlanFixtures.Load(temp.Warehouse, path, name => name == "year" ? "2018" : name == "province" ? "68" : null);
        Assert.False(result.Succeeded);
        Assert.StartsWith("file 'scores.csv': no table with the plan's columns", result.Error);
        Assert.Equal("failed", temp.Warehouse.Query<string>("SELECT status FROM etl.file").Single());
    }

    [Fact]
    public void A_bad_number_in_a_Word_table_is_reported_by_table_row_and_column()
    {
        var path = Path.Combine(_directory, "bad.docx");
        var header = Header.Split(',');
        string[] good = ["1.2", "Báo cáo", "3", "0,75", "2,25", "Thực hiện", "Sở Nội vụ", "", "Quý I", ""];
        string[] bad = ["1.5", "Sáng kiến", "1,5", "1,2a", "", "", "", "", "", ""];
        DocxFixtureBuilder.Write(path, ["PHỤ LỤC", "(Kèm theo kế hoạch số 3770/KH-UBND ngày 20 tháng 6 năm 2018 của UBND tỉnh Lâm Đồng)"], header, [good, bad]);
        var plan = RemediationPlanParser.Default.Parse(PlanDocument.Open(path));
        Assert.Equal(["1.2"], plan.Rows.Select(r => r.CriterionCode));
        var rejected = Assert.Single(plan.Rejected);
        Assert.Equal("file 'bad.docx', table 1, row 3, column 4: Điểm thẩm định is not a number: '1,2a'", rejected.Reason);
        Assert.Equal(("Table 1", 3, "D"), (rejected.Source.Sheet, rejected.Source.Row, rejected.Source.Column));
    }

    [Fact]
    public void The_plan_loader_recognises_plans_but_not_other_spreadsheets()
    {
        var loader = new Loading.RemediationPlanLoader();
        Assert.True(loader.Recognises(PlanFixtures.Csv));
        Assert.True(loader.Recognises(PlanFixtures.Docx));
        Assert.False(loader.Recognises(Csv("other.csv", "Tỉnh,Điểm", "Lâm Đồng,70")));
        Assert.False(loader.Recognises(Path.Combine(_directory, "missing.xlsx")));
        Assert.Same(loader.GetType(), Loading.LoaderRegistry.ForKind("plan")!.GetType());
    }
}
