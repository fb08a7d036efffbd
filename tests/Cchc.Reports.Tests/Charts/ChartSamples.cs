using Cchc.Reports.Charts;
using Cchc.Reports.Localization;

namespace Cchc.Reports.Tests.Charts;

/// <summary>
/// Deterministic chart inputs in the shape of a real report (Lâm Đồng, PAR 2017 methodology fields). Hand-made numbers,
/// not real results: the cookbook and the committed gallery (docs/charts) show what each recipe draws from them.
/// </summary>
internal sealed class ChartSamples(ReportText text)
{
    public const string Province = "Lâm Đồng";

    /// <summary>The same eight fields as the report tests' warehouse.</summary>
    private static readonly (string Code, string Vi, string En, double Max)[] Fields = Reports.ReportWarehouse.Fields;

    public ReportText Text => text;

    private bool English => text.Language == ReportLanguage.En;

    private (string Code, string Name, double Max)[] ParFields => Fields.Select(f => (f.Code, English ? f.En : f.Vi, f.Max)).ToArray();

    private string L(string vi, string en) => English ? en : vi;

    public static readonly string[] Provinces =
    [
        "Hà Nội", "Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái",
        "Hoà Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Bắc Giang", "Phú Thọ", "Vĩnh Phúc", "Bắc Ninh", "Hải Dương", "Hải Phòng",
        "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Bình", "Quảng Trị",
        "Thừa Thiên Huế", "Đà Nẵng", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum",
        "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai", "Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh",
        "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang", "Cần Thơ", "Hậu Giang",
        "Sóc Trăng", "Bạc Liêu", "Cà Mau",
    ];

    public ChartContext Context => new(text, !English
        ? "Nguồn: dữ liệu minh hoạ (illustrative) theo cấu trúc Chỉ số CCHC 2016–2017, không phải số liệu thật; thư viện biểu đồ mẫu (docs/charts)"
        : "Source: illustrative inputs in the shape of the PAR Index 2016–2017, not real figures; chart gallery (docs/charts)");

    /// <summary>A deterministic score in [0.45, 0.98] of the maximum for province p and field f.</summary>
    public static double Share(int p, int f) => 0.45 + (0.53 * (((p * 37) + (f * 53) + (p * f * 11)) % 97) / 96.0);

    public RankHistoryInput RankHistory() => new(Province,
    [
        new RankSeries("PAR", L("Chỉ số CCHC", "PAR Index"), Enumerable.Range(2012, 6).Select(y => new RankPoint(y, new[] { 40, 35, 30, 44, 48, 48 }[y - 2012], 63)).ToList()),
        new RankSeries("PCI", "PCI", Enumerable.Range(2012, 6).Select(y => new RankPoint(y, new[] { 27, 16, 20, 29, 33, 22 }[y - 2012], 63)).ToList()),
        new RankSeries("PAPI", "PAPI", Enumerable.Range(2012, 6).Select(y => new RankPoint(y, new[] { 52, 47, 38, 41, 35, 30 }[y - 2012], 63)).ToList()),
    ]);

    public PointsLostInput PointsLost()
    {
        var fields = ParFields.Select((f, i) => new PointsItem(f.Code, f.Name, i, f.Max, Math.Round(f.Max * Share(44, i), 2))).ToList();
        var criteria = new List<PointsItem>();
        for (var i = 0; i < ParFields.Length; i++)
        {
            var parts = 3;
            for (var k = 1; k <= parts; k++)
            {
                var max = Math.Round(ParFields[i].Max / parts, 2);
                criteria.Add(new PointsItem($"{ParFields[i].Code}.{k}", English ? $"Criterion {ParFields[i].Code}.{k}" : CriterionName(i, k), i, max, Math.Round(max * Share(44 + k, i), 2)));
            }
        }

        return new PointsLostInput(Province, L("Chỉ số CCHC", "PAR Index"), 2017, fields, criteria);
    }

    public WaterfallInput Waterfall() => new(Province, L("Chỉ số CCHC", "PAR Index"), 2016, 2017, 69.74, 70.99,
    [
        new WaterfallBar("1", ParFields[0].Name, 0.50), new WaterfallBar("2", ParFields[1].Name, -0.25),
        new WaterfallBar("3", ParFields[2].Name, 1.10), new WaterfallBar("4", ParFields[3].Name, -0.60),
        new WaterfallBar("5", ParFields[4].Name, 0.35), new WaterfallBar("6", ParFields[5].Name, 0.00),
        new WaterfallBar("7", ParFields[6].Name, 0.80), new WaterfallBar("8", ParFields[7].Name, -0.65),
    ]);

    public AttributionInput Attribution() => new(Province, L("Chỉ số CCHC", "PAR Index"), 2016, 2017, 51, 48, 63,
    [
        new AttributionItem("1", ParFields[0].Name, 1.25, 0.5, 2.0), new AttributionItem("2", ParFields[1].Name, -0.5, -1.0, 0.0),
        new AttributionItem("3", ParFields[2].Name, 2.75, 1.5, 4.0), new AttributionItem("4", ParFields[3].Name, -1.0, -2.0, -0.5),
        new AttributionItem("5", ParFields[4].Name, 0.5), new AttributionItem("6", ParFields[5].Name, 0.0),
        new AttributionItem("7", ParFields[6].Name, 1.5, 0.5, 2.5), new AttributionItem("8", ParFields[7].Name, -0.75, -3.0, 0.5),
    ], new AttributionItem("", L("Do các tỉnh khác thay đổi", "Other provinces' moves"), -0.75, -2.5, 1.0), ProbabilityRankChanged: 0.81, Distinguishable: false);

    public DistributionInput Distribution() => new(Province, L("Chỉ số CCHC", "PAR Index"), 2017, ParFields.Select((f, i) => new FieldDistribution(
        f.Code, f.Name, f.Max, Enumerable.Range(0, 63).Select(p => Math.Round(f.Max * Share(p, i), 2)).ToList(), Math.Round(f.Max * Share(43, i), 2))).ToList());

    public HeatmapInput Heatmap()
    {
        var totals = Enumerable.Range(0, 63).Select(p => (p, total: ParFields.Select((f, i) => f.Max * Share(p, i)).Sum())).ToList();
        var ranked = totals.OrderByDescending(t => t.total).Select((t, i) => (t.p, rank: i + 1)).ToDictionary(t => t.p, t => t.rank);
        return new HeatmapInput(Province, L("Chỉ số CCHC", "PAR Index"), 2017, ParFields.Select(f => new HeatmapColumn(f.Code, f.Name)).ToList(),
            Enumerable.Range(0, 63).Select(p => new HeatmapRow(Provinces[p], ranked[p],
                ParFields.Select((_, i) => (double?)Math.Round(100 * Share(p, i), 1)).ToList(), Provinces[p] == Province)).ToList());
    }

    public ImportanceInput Importance(bool beats = true) => new("FastTree", beats, L("hạng PAR", "PAR rank"), L("bậc", "places"),
    [
        new ImportanceBar(L("PCI 9: Đào tạo lao động", "PCI 9: Labour training"), 0.082, 0.011, 0.05, 0.12), new ImportanceBar(L("PAPI 6: Cung ứng dịch vụ công", "PAPI 6: Public service delivery"), 0.061, 0.014),
        new ImportanceBar(L("PCI 8: Thiết chế pháp lý", "PCI 8: Legal institutions"), 0.044, 0.009), new ImportanceBar(L("Tỷ lệ hồ sơ đúng hạn cấp xã", "On-time rate, commune level"), 0.031, 0.012),
        new ImportanceBar(L("PAPI 3: Công khai, minh bạch", "PAPI 3: Transparency"), 0.018, 0.010), new ImportanceBar(L("PCI 3: Tính minh bạch", "PCI 3: Transparency"), 0.004, 0.006),
        new ImportanceBar(L("PAPI 5: Thủ tục hành chính công", "PAPI 5: Administrative procedures"), -0.003, 0.005),
    ],
    [
        new ModelMetric("FastTree", false, beats ? 0.41 : 0.12, beats ? 8.2 : 11.9), new ModelMetric(L("Tuyến tính", "Linear"), false, 0.33, 9.1),
        new ModelMetric(L("Trung bình", "Mean"), true, -0.02, 14.6), new ModelMetric(L("Giá trị năm trước", "Previous year"), true, 0.35, 8.9),
    ], [2016, 2017, 2018]);

    public WhatIfCurveInput WhatIf()
    {
        var codes = new[] { ("3.4", 1.8, 41), ("7.2", 1.5, 36), ("5.3", 1.2, 33), ("8.1", 1.1, 29), ("2.2", 0.9, 27), ("4.1", 0.8, 25), ("1.3", 0.6, 24), ("6.2", 0.5, 23) };
        var cumulative = 0.0;
        var steps = codes.Select(c => new WhatIfStep(c.Item1, L("tiêu chí ", "criterion ") + c.Item1, cumulative += c.Item2, c.Item3)).ToList();
        return new WhatIfCurveInput(Province, L("Chỉ số CCHC", "PAR Index"), 2017, 70.99, 48, 63, steps, TargetRank: 30);
    }

    public OnTimeInput OnTime() => new(Province, 2023,
    [
        new OnTimeLevel(L("Cấp tỉnh", "Province"), 48_210, 47_650, "3.4.1", 0.95, 1.0),
        new OnTimeLevel(L("Cấp huyện", "District"), 96_400, 93_100, "3.4.2", 0.75, 1.0),
        new OnTimeLevel(L("Cấp xã", "Commune"), 151_900, 142_300, "3.4.3", 0.5, 1.0),
    ], Enumerable.Range(1, 12).Select(m => new OnTimeMonth(2023, m, 24_000 + (m * 300), (long)((24_000 + (m * 300)) * (m == 2 ? 0.91 : 0.955 + (0.002 * (m % 5)))))).ToList());

    public ScatterInput Scatter()
    {
        ScatterPanel Panel(string x, int salt) => new(x, L("Chỉ số CCHC", "PAR Index"), Enumerable.Range(0, 63).Select(p =>
            new ScatterPoint(Provinces[p], 55 + (15 * Share(p, salt)), 70 + (10 * (0.6 * Share(p, salt) + (0.4 * Share(p, 3)))), Provinces[p] == Province)).ToList());
        return new ScatterInput(Province, 2017, [Panel("PCI", 1), Panel("PAPI", 5)]);
    }

    private static string CriterionName(int field, int k) => (field, k) switch
    {
        (2, 1) => "Công khai thủ tục hành chính",
        (2, 2) => "Tỷ lệ hồ sơ giải quyết đúng hạn",
        (2, 3) => "Thực hiện cơ chế một cửa, một cửa liên thông",
        (6, 1) => "Ứng dụng công nghệ thông tin",
        (6, 2) => "Cung cấp dịch vụ công trực tuyến mức độ 3, 4",
        (6, 3) => "Áp dụng ISO 9001 trong hoạt động của cơ quan",
        (7, 1) => "Sự hài lòng của người dân, tổ chức",
        _ => $"Tiêu chí thành phần số {k} của lĩnh vực {field + 1}",
    };
}
