using System.Globalization;
using System.Text.RegularExpressions;
using Cchc.Reports.Charts;
using Cchc.Reports.Drivers;
using Cchc.Reports.ReportData;

namespace Cchc.Reports.Localization;

/// <summary>Bảng chuỗi tiếng Việt (mặc định). Every string is NFC.</summary>
internal sealed class VietnameseText : ReportText
{
    private static readonly NumberFormatInfo Format = Separators(",", ".");

    public override ReportLanguage Language => ReportLanguage.Vi;

    public override string Code => "vi";

    protected override NumberFormatInfo Numbers => Format;

    // Shared axes and labels.
    public override string YearAxis => "Năm";

    public override string PercentOfMaxAxis => "% điểm tối đa";

    public override string PercentAxis => "Tỷ lệ (%)";

    public override string PointsAxis => "Điểm (xám: tối đa; màu: đạt được)";

    public override string PlacesAxis => "Số bậc xếp hạng (+ = tăng hạng)";

    public override string OtherProvinces => "Các tỉnh, thành phố khác";

    public override string RankAxis(int provinces) => $"Thứ hạng (1 = cao nhất; trên {provinces} tỉnh, thành phố)";

    public override string ProvincesRanked(int provinces) => $"{provinces} tỉnh, thành phố được xếp hạng";

    public override string AllProvinces(int provinces) => $"{provinces} tỉnh, thành phố";

    public override string IndexPointsAxis(string indexName) => $"{indexName} (điểm)";

    // 1. Rank history.
    public override string RankHistoryTitle(string province, string indexName, RankPoint latest, RankPoint? previous)
    {
        var head = $"{province}: hạng {indexName} năm {latest.Year} là {RankOf(latest.Rank, latest.Provinces)}";
        if (previous is null)
        {
            return head;
        }

        if (previous.Provinces != latest.Provinces)
        {
            return $"{head} (năm {previous.Year}: {RankOf(previous.Rank, previous.Provinces)}; số tỉnh được xếp hạng đã thay đổi)";
        }

        var gained = previous.Rank - latest.Rank;
        var move = gained > 0 ? $"tăng {gained} bậc" : gained < 0 ? $"giảm {-gained} bậc" : "giữ nguyên thứ hạng";
        return $"{head}, {move} so với năm {previous.Year}";
    }

    public override string RankHistoryReading(IReadOnlyList<RankSummary> series) =>
        "Thứ hạng tốt nhất và kém nhất trong giai đoạn: " + string.Join("; ", series.Select(s =>
            $"{s.IndexName} cao nhất {RankOf(s.Best.Rank, s.Best.Provinces)} ({s.Best.Year}), thấp nhất {RankOf(s.Worst.Rank, s.Worst.Provinces)} ({s.Worst.Year})")) + ".";

    // 2. Points lost.
    public override string ByField => "Theo lĩnh vực";

    public override string ByCriterion(int count) => $"Theo tiêu chí ({count} tiêu chí mất nhiều điểm nhất)";

    public override string PointsLostTitle(string province, string indexName, int year, double totalLost, PointsItem worstField) =>
        $"{province} mất {Number(totalLost)} điểm {indexName} năm {year}; mất nhiều nhất ở lĩnh vực {worstField.Code} {worstField.Name} ({WithSign(-worstField.Lost)})";

    public override string PointsLostReading(IReadOnlyList<PointsItem> topCriteria, double criteriaLost, double totalLost) =>
        topCriteria.Count == 0
            ? "Không có điểm bị mất ở cấp tiêu chí."
            : $"Các tiêu chí mất nhiều điểm nhất là {string.Join(", ", topCriteria.Select(c => $"{c.Code} {c.Name} ({WithSign(-c.Lost)})"))}; "
              + $"cộng lại chiếm {Percent(topCriteria.Sum(c => c.Lost) / Math.Max(totalLost, 1e-9), 0)} tổng số điểm bị mất.";

    // 3. Waterfall.
    public override string Unallocated => "Chênh lệch chưa phân bổ cho lĩnh vực";

    public override string TotalOfYear(int year) => $"Tổng điểm {year}";

    public override string ScoreAxisTruncated(string indexName, bool truncated) =>
        $"Điểm {indexName}" + (truncated ? " (trục không bắt đầu từ 0)" : "");

    public override string WaterfallTitle(string province, string indexName, int previousYear, int year, double previousTotal, double total, WaterfallBar? largest)
    {
        var change = total - previousTotal;
        var verb = Number(Math.Abs(change)) == Number(0) ? "không đổi" : change > 0 ? $"tăng {Number(change)} điểm" : $"giảm {Number(-change)} điểm";
        var head = $"{province}: điểm {indexName} {verb} ({Number(previousTotal)} năm {previousYear} → {Number(total)} năm {year})";
        return largest is null ? head : $"{head}; thay đổi lớn nhất: {largest.Name} {WithSign(largest.Change)}";
    }

    public override string WaterfallReading(int rises, double riseSum, int falls, double fallSum, double change, double methodology)
    {
        var parts = new List<string>();
        if (rises > 0)
        {
            parts.Add($"điểm tăng ở {rises} lĩnh vực (cộng {WithSign(riseSum)})");
        }

        if (falls > 0)
        {
            parts.Add($"{(rises > 0 ? "" : "điểm ")}giảm ở {falls} lĩnh vực (cộng {WithSign(fallSum)})");
        }

        var head = parts.Count == 0 ? "Không lĩnh vực nào thay đổi điểm" : string.Join(" và ", parts);
        var rescaled = methodology == 0 ? ""
            : $" Trong đó {WithSign(methodology)} điểm chỉ do thay đổi điểm tối đa (thanh xám hẹp): phương pháp mới cho bấy nhiêu điểm với cùng tỷ lệ điểm tối đa như năm trước.";
        return $"{char.ToUpperInvariant(head[0])}{head[1..]}; các phần cộng lại đúng bằng mức thay đổi {WithSign(change)} điểm.{rescaled}";
    }

    // 4. Attribution.
    public override string PeerEffect => "Do các tỉnh khác thay đổi";

    public override string PublicationAdjustment => "Hạng công bố khác hạng tính lại";

    public override string MethodologyEffect(string previousVersion, string version) => $"Điểm tối đa đổi ({previousVersion}→{version})";

    public override string PlacesAxisWithInterval => "Số bậc tăng (dương) hoặc giảm; râu: khoảng 90% khi đo lại điểm khảo sát";

    public override string ObservedRankChange(int previousYear, int year) => $"Thay đổi thực tế {previousYear}→{year}";

    public override string AttributionTitle(string province, int previousRank, int rank, int provinces, AttributionItem? strongest, double peerEffect, bool? distinguishable)
    {
        var gained = previousRank - rank;
        var head = gained > 0 ? $"{province} tăng {gained} bậc ({previousRank} → {RankOf(rank, provinces)})"
            : gained < 0 ? $"{province} giảm {-gained} bậc ({previousRank} → {RankOf(rank, provinces)})"
            : $"{province} giữ nguyên hạng {RankOf(rank, provinces)}";
        var noise = distinguishable switch
        {
            true => " — vượt mức nhiễu do chọn mẫu",
            false when gained != 0 => " — nằm trong mức nhiễu do chọn mẫu",
            _ => "",
        };
        var field = strongest is null ? "" : $"; {strongest.Code} {strongest.Name} đóng góp {WithSign(strongest.PlacesGained, 1)} bậc";
        return $"{head}{noise}{field}; các tỉnh khác thay đổi: {WithSign(peerEffect, 1)} bậc";
    }

    public override string AttributionReading(AttributionInput input)
    {
        var gains = input.Fields.Where(f => f.PlacesGained > 0).OrderByDescending(f => f.PlacesGained).ToList();
        var losses = input.Fields.Where(f => f.PlacesGained < 0).OrderBy(f => f.PlacesGained).ToList();
        var text = $"Từ {input.PreviousYear} đến {input.Year}, các lĩnh vực của tỉnh làm tăng hạng: {List(gains)}; làm giảm hạng: {List(losses)}; "
            + (input.Methodology is { } m ? $"do thay đổi điểm tối đa: {WithSign(m.PlacesGained, 1)} bậc; " : "")
            + $"do các tỉnh khác thay đổi: {WithSign(input.Peers.PlacesGained, 1)} bậc"
            + (input.PublicationAdjustment != 0 ? $"; hạng công bố khác hạng tính lại: {WithSign(input.PublicationAdjustment, 0)}" : "")
            + $"; tổng cộng đúng bằng {WithSign(input.ObservedChange, 0)} bậc.";
        return input.ProbabilityRankChanged is { } p && input.Distinguishable is { } d
            ? $"{text} {NoiseVerdict(input.ObservedChange, p, d, 0)}"
            : text;
    }

    public override string NoiseVerdict(int observed, double probability, bool distinguishable, int draws)
    {
        var runs = draws > 0 ? $" trong {Whole(draws)}" : "";
        if (observed == 0)
        {
            return $"Khi đo lại điểm khảo sát, hạng thay đổi ở {Percent(probability, 0)} số lần đo lại{runs}: việc giữ nguyên hạng cũng chưa chắc chắn.";
        }

        var direction = observed > 0 ? "tăng hạng" : "giảm hạng";
        return distinguishable
            ? $"Thay đổi này phân biệt được với nhiễu do chọn mẫu: khi đo lại điểm khảo sát, tỉnh {direction} ở {Percent(probability, 0)} số lần đo lại{runs}."
            : $"Thay đổi này chưa phân biệt được với nhiễu do chọn mẫu: khi đo lại điểm khảo sát, tỉnh chỉ {direction} ở {Percent(probability, 0)} số lần đo lại{runs} (cần ít nhất 95%).";
    }

    // 5. Distribution.
    public override string DistributionTitle(string province, IReadOnlyList<FieldStanding> standings)
    {
        var above = standings.Count(s => s.GapToMedian > 0);
        var weakest = standings.MaxBy(s => (double)s.Rank / s.Of)!;
        return $"{province} trên trung vị cả nước ở {above}/{standings.Count} lĩnh vực; yếu nhất so với các tỉnh: {weakest.Code} {weakest.Name} (hạng {RankOf(weakest.Rank, weakest.Of)})";
    }

    public override string DistributionReading(string province, IReadOnlyList<FieldStanding> standings)
    {
        var best = standings.MinBy(s => (double)s.Rank / s.Of)!;
        var worstGap = standings.MinBy(s => s.GapToMedian)!;
        return $"Mạnh nhất so với các tỉnh: {best.Code} {best.Name} (hạng {RankOf(best.Rank, best.Of)}, {Number(best.ProvincePercent, 1)}% điểm tối đa, trung vị {Number(best.MedianPercent, 1)}%); "
            + $"cách trung vị xa nhất về phía dưới: {worstGap.Code} {worstGap.Name} ({WithSign(worstGap.GapToMedian, 1)} điểm phần trăm).";
    }

    // 6. Heatmap.
    public override string HeatmapTitle(string province, int rank, int provinces, HeatmapColumn worst, int worstRank) =>
        $"{province} (hạng {RankOf(rank, provinces)}): lĩnh vực có thứ hạng thấp nhất là {worst.Code} {worst.Name} ({RankOf(worstRank, provinces)})";

    public override string HeatmapReading(string province, int provinces, HeatmapColumn best, double bestPercent, HeatmapColumn worst, double worstPercent) =>
        $"Trong {provinces} tỉnh, thành phố, {province} xếp hạng tốt nhất ở {best.Code} {best.Name} ({Number(bestPercent, 1)}% điểm tối đa) "
        + $"và kém nhất ở {worst.Code} {worst.Name} ({Number(worstPercent, 1)}%).";

    // 7. Model importance.
    public override string ImportancePanelTitle(string model) => $"Mức độ quan trọng (hoán vị) trong mô hình {model}";

    public override string ImportanceAxis => "Mức tăng sai số tuyệt đối trung bình khi hoán vị (trung bình ± 1 sai số chuẩn)";

    public override string ImportanceAxisWithInterval => "Mức tăng MAE khi hoán vị (khoảng 90% qua các lần ước lượng lại)";

    public override string RSquaredAxis => "R² trên các năm giữ lại (cao hơn = tốt hơn)";

    public override string MaeAxis(string unit) => $"Sai số tuyệt đối trung bình ({unit}; thấp hơn = tốt hơn)";

    public override string ImportanceTitle(string target, ModelMetric model, ModelMetric bestBaseline, bool beatsBaselines, ImportanceBar top) =>
        beatsBaselines
            ? $"Mô hình {model.Name} dự báo {target} tốt hơn có ý nghĩa thống kê so với mọi mức cơ sở trên các năm giữ lại (MAE {Number(model.MeanAbsoluteError)} so với {Number(bestBaseline.MeanAbsoluteError)} của {bestBaseline.Name}); yếu tố quan trọng nhất: {top.Name}"
            : $"Mô hình {model.Name} KHÔNG tốt hơn có ý nghĩa so với mức cơ sở khi dự báo {target} trên các năm giữ lại (MAE {Number(model.MeanAbsoluteError)} so với {Number(bestBaseline.MeanAbsoluteError)} của {bestBaseline.Name}); không nên dựa vào mức độ quan trọng bên dưới";

    public override string ImportanceReading(IReadOnlyList<int> heldOutYears, IReadOnlyList<ImportanceBar> top, bool beatsBaselines) =>
        $"Các chỉ số đo trên những năm không dùng để huấn luyện ({Years(heldOutYears)}); "
        + $"yếu tố quan trọng nhất (mức tăng sai số tuyệt đối trung bình khi hoán vị): {string.Join(", ", top.Select(Importance))}"
        + (beatsBaselines ? "." : "; vì mô hình không vượt mức cơ sở, các con số này chỉ mang tính mô tả.");

    public override string RankTarget(string indexCode) => $"hạng {IndexName(indexCode)}";

    public override string PlacesUnit => "bậc";

    public override string ModelName(string englishName) => englishName switch
    {
        "FastTree (boosted trees)" => "FastTree (cây tăng cường)",
        "Linear (SDCA)" => "Tuyến tính (SDCA)",
        "Baseline: mean" => "Cơ sở: trung bình",
        "Baseline: province mean" => "Cơ sở: TB của tỉnh",
        "Baseline: previous-year value" => "Cơ sở: năm trước",
        "Baseline: mean reversion" => "Cơ sở: hồi quy về TB",
        _ => englishName,
    };

    // 8. What-if.
    public override string WhatIfLegend => "Hạng đạt được khi thu hồi điểm theo thứ tự ưu tiên";

    public override string TargetRankLegend(int targetRank) => $"Hạng mục tiêu {targetRank}";

    public override string RecoveredPointsAxis(string indexName) => $"Số điểm {indexName} thu hồi (cộng dồn)";

    public override string WhatIfTitle(string province, int rank, int provinces, WhatIfStep last, int steps, int? targetRank, WhatIfStep? reachingTarget)
    {
        var head = $"Thu hồi {Number(last.PointsRecovered)} điểm ở {steps} tiêu chí ưu tiên sẽ đưa {province} từ hạng {rank} lên {RankOf(last.RankReached, provinces)}";
        return targetRank is null ? head
            : rank <= targetRank ? $"{head}; tỉnh đã đạt hạng mục tiêu {targetRank} hoặc cao hơn"
            : reachingTarget is null ? $"{head}; vẫn chưa đạt hạng mục tiêu {targetRank}"
            : $"{head}; đạt hạng mục tiêu {targetRank} sau {Number(reachingTarget.PointsRecovered)} điểm";
    }

    public override string WhatIfReading(IReadOnlyList<WhatIfStep> firstSteps, int rank, int provinces) =>
        $"Giả định các tỉnh khác giữ nguyên điểm, {firstSteps.Count} bước đầu ({string.Join(", ", firstSteps.Select(s => s.CriterionCode))}) "
        + $"thu hồi {Number(firstSteps[^1].PointsRecovered)} điểm và đưa hạng từ {rank} lên {RankOf(firstSteps[^1].RankReached, provinces)}.";

    // 9. One-stop on time.
    public override string OnTimeRateLegend => "Tỷ lệ hồ sơ đúng hạn (%)";

    public override string ParAppraisedLegend => "Điểm thẩm định PAR 3.4.x (% điểm tối đa)";

    public override string ByLevel => "Theo cấp";

    public override string ByMonth => "Theo tháng (mọi cấp)";

    public override string MonthAxis => "Tháng";

    public override string MonthLabel(int year, int month, bool withYear) =>
        withYear ? $"T{month}/{year % 100:00}" : $"T{month}";

    public override string OnTimeTitle(int year, double overallRate, OnTimeLevel weakest) =>
        $"Năm {year}, {Percent(overallRate)} hồ sơ một cửa được giải quyết đúng hạn; thấp nhất: {weakest.Level} ({Percent(weakest.Rate ?? 0)})";

    public override string OnTimeReading(IReadOnlyList<OnTimeLevel> levels, OnTimeMonth? worstMonth) =>
        string.Join("; ", levels.Select(l => $"{l.Level}: đúng hạn {Percent(l.Rate ?? 0)} trên {Whole(l.Finished)} hồ sơ"
            + (l.ParPercent is { } p ? $", tiêu chí {l.ParCode} được thẩm định {Number(p, 0)}% điểm tối đa" : ", chưa có điểm thẩm định PAR tương ứng")))
        + (worstMonth is null ? "." : $"; tháng thấp nhất: {worstMonth.Month}/{worstMonth.Year} ({Percent(worstMonth.Rate ?? 0)}).");

    // 10. Scatter.
    public override string TrendLine => "Đường xu hướng (bình phương tối thiểu)";

    public override string ScatterPanelTitle(Correlation correlation) =>
        $"{correlation.YIndexName} – {correlation.XIndexName}: r = {Number(correlation.R)} (n = {correlation.Provinces})";

    public override string ScatterTitle(int year, IReadOnlyList<Correlation> correlations) =>
        $"Năm {year}, {correlations[0].YIndexName} tương quan " + string.Join(" và ", correlations.Select(c =>
            $"{StrengthWord(c.R)} với {c.XIndexName} (r = {Number(c.R)}, {c.Provinces} tỉnh)"));

    public override string ScatterReading(string province, IReadOnlyList<(string XIndex, string YIndex, (int XRank, int YRank, int Of)? Ranks)> panels) =>
        string.Join("; ", panels.Where(p => p.Ranks is not null).Select(p =>
            $"{province} đứng thứ {p.Ranks!.Value.YRank} về {p.YIndex} và thứ {p.Ranks.Value.XRank} về {p.XIndex} trong {p.Ranks.Value.Of} tỉnh có cả hai chỉ số")) + ".";

    private static string StrengthWord(double r) =>
        double.IsNaN(r) ? "không xác định" : Strength(r) switch
        {
            3 => r > 0 ? "thuận, mạnh" : "nghịch, mạnh",
            2 => r > 0 ? "thuận, vừa" : "nghịch, vừa",
            1 => r > 0 ? "thuận, yếu" : "nghịch, yếu",
            _ => "rất yếu",
        };

    private string Range(AttributionItem i) => i.Low is { } low && i.High is { } high ? $", 90%: {WithSign(low, 1)} đến {WithSign(high, 1)}" : "";

    private string Importance(ImportanceBar f) =>
        f.Low is { } low && f.High is { } high
            ? $"{f.Name} {Number(f.Mean, 3)} (90%: {Number(low, 3)}–{Number(high, 3)})"
            : $"{f.Name} {Number(f.Mean, 3)} ± {Number(f.StandardError, 3)}";

    private string List(IReadOnlyList<AttributionItem> items) =>
        items.Count == 0 ? "không có" : string.Join(", ", items.Select(i => $"{i.Code} {i.Name} ({WithSign(i.PlacesGained, 1)})"));

    // ---- Report ----
    public override string IndexName(string indexCode) => indexCode switch
    {
        "PAR" => "Chỉ số CCHC",
        "PCI" => "PCI",
        "PAPI" => "PAPI",
        _ => indexCode,
    };

    public override string Publisher(string indexCode) => indexCode switch
    {
        "PAR" => "Bộ Nội vụ",
        "PCI" => "VCCI",
        "PAPI" => "UNDP",
        _ => indexCode,
    };

    public override string LevelName(DossierLevel level) => level switch
    {
        DossierLevel.Province => "Cấp tỉnh",
        DossierLevel.District => "Cấp huyện",
        _ => "Cấp xã",
    };

    public override string ReportTitle(string indexName, int year, string province) => $"{province}: báo cáo {indexName} năm {year}";

    public override string OverviewTitle(string indexName, int year, int provinces) => $"{indexName} năm {year}: tổng quan {provinces} tỉnh, thành phố";

    public override string SyntheticBanner(string what) =>
        $"CẢNH BÁO: báo cáo này dùng dữ liệu tổng hợp (synthetic) do CchcAnalytics tự sinh, không phải số liệu thật ({what}). Không trích dẫn các con số này.";

    public override string SyntheticShareText(SyntheticShare share) => share switch
    {
        SyntheticShare.All => "dữ liệu tổng hợp (synthetic)",
        SyntheticShare.Some => "một phần là dữ liệu tổng hợp (synthetic)",
        _ => "",
    };

    public override string Footer => "Tạo bằng lệnh cchc report (CchcAnalytics). Biểu đồ vẽ bằng ScottPlot, phông chữ DejaVu Sans nhúng sẵn.";

    public override string WarehouseLabel(string target) => $"Kho dữ liệu: {target}";

    public override string ScoreLabel => "Điểm";

    public override string RankLabel => "Thứ hạng";

    public override string ChangeLabel => "So với năm trước";

    public override string ScoreValue(double score, double? maxPoints) => maxPoints is { } max ? $"{Number(score)}/{Number(max, 0)} điểm" : $"{Number(score)} điểm";

    public override string RankValue(int rank, int provinces) => $"{rank}/{provinces}";

    public override string Change(double scoreChange, int previousRank, int rank, int previousProvinces, int provinces, int previousYear)
    {
        var places = previousRank - rank;
        var move = previousProvinces != provinces ? $"năm {previousYear} xếp {previousRank}/{previousProvinces} (số tỉnh xếp hạng khác nhau)"
            : places > 0 ? $"tăng {places} bậc so với năm {previousYear} ({previousRank}/{previousProvinces})"
            : places < 0 ? $"giảm {-places} bậc so với năm {previousYear} ({previousRank}/{previousProvinces})"
            : $"giữ nguyên thứ hạng so với năm {previousYear}";
        return $"{WithSign(scoreChange)} điểm; {move}";
    }

    public override string NoPreviousYear => "Chưa có năm trước trong kho dữ liệu để so sánh";

    public override string MissingPreviousYear(int previousYear) => $"Tỉnh không có điểm năm {previousYear} trong kho dữ liệu";

    public override string MergedProvince(int previousYear, IReadOnlyList<(string Name, int Rank, int Provinces)> constituents) =>
        "Tỉnh hình thành từ sáp nhập ngày 1/7/2025 nên không có thứ hạng năm trước của riêng mình"
        + (constituents.Count == 0 ? "" : $"; năm {previousYear}: " + string.Join(", ", constituents.Select(c => $"{c.Name} {c.Rank}/{c.Provinces}")));

    public override string RankHistoryHeading => "Thứ hạng qua các năm";

    public override string PointsLostHeading => "Điểm bị mất theo lĩnh vực và tiêu chí";

    public override string WaterfallHeading => "Thay đổi điểm so với năm trước, theo lĩnh vực";

    public override string AttributionHeading => "Vì sao thứ hạng thay đổi";

    public override string DistributionHeading => "So với các tỉnh, thành phố theo từng lĩnh vực";

    public override string HeatmapHeading => "Bản đồ nhiệt: các tỉnh, thành phố × lĩnh vực";

    public override string PrioritiesHeading => "Ưu tiên khắc phục và mô phỏng thứ hạng";

    public override string ModelHeading => "Mô hình học máy: yếu tố liên quan đến thứ hạng";

    public override string OnTimeHeading => "Hồ sơ một cửa giải quyết đúng hạn";

    public override string ScatterHeading => "Tương quan giữa Chỉ số CCHC, PCI và PAPI";

    public override string PlanHeading => "Thực hiện kế hoạch khắc phục";

    public override string DataQualityHeading => "Cảnh báo chất lượng dữ liệu";

    public override string MethodologyHeading => "Ghi chú phương pháp";

    public override string ProvenanceHeading => "Nguồn dữ liệu";

    public override string Omitted(string reason) => $"Phần này được bỏ qua: {reason}.";

    public override string ChartFailed(string detail) => $"không vẽ được biểu đồ vì số liệu không nhất quán ({detail})";

    public override string DriverGapReason(DriverGap gap, string? detail) => gap switch
    {
        DriverGap.NoPreviousYear => "chưa có năm trước trong kho dữ liệu để so sánh",
        DriverGap.ProvinceMerged => "tỉnh hình thành từ sáp nhập năm 2025, không có số liệu năm trước của riêng mình",
        DriverGap.ProvinceMissingPreviousYear => $"tỉnh không có điểm năm {detail}",
        DriverGap.NoFieldScores => "không có điểm theo lĩnh vực của tỉnh trong kho dữ liệu",
        DriverGap.NothingLost => "tỉnh không bị mất điểm ở tiêu chí nào",
        _ => $"không đủ dữ liệu ({detail})",
    };

    public override string ViewGapReason(ViewGap gap, string view, string? detail) => gap switch
    {
        ViewGap.ViewAbsent => $"kho dữ liệu chưa có view rpt.{view} (mô-đun tương ứng chưa được cài hoặc chưa nạp dữ liệu)",
        _ => $"view rpt.{view} không có dòng nào cho tỉnh và năm này",
    };

    public override string NoFieldScores => "kho dữ liệu không có điểm theo lĩnh vực cho chỉ số và năm này";

    public override string NoCriterionScores => "kho dữ liệu không có điểm tối đa và điểm đạt theo lĩnh vực của tỉnh";

    public override string OnlyOneRankedYear => "tỉnh chỉ có thứ hạng của một năm";

    public override string NoOtherIndices(int year) => $"không có dữ liệu PCI hay PAPI năm {year} trong kho dữ liệu";

    public override string NoParThisYear(int year) => $"không có Chỉ số CCHC năm {year} trong kho dữ liệu";

    public override string PrioritiesIntro(int rank, int provinces) =>
        $"Các tiêu chí bị mất điểm, xếp theo số bậc tăng trên mỗi điểm thu hồi; giả định các tỉnh khác giữ nguyên điểm. Thứ hạng hiện tại tính lại từ điểm: {rank}/{provinces}.";

    public override IReadOnlyList<string> PriorityHeaders { get; } = ["Ưu tiên", "Tiêu chí", "Nguồn điểm", "Điểm bị mất", "Hạng nếu thu hồi", "Số bậc tăng / điểm", "Cơ quan chủ trì"];

    public override string NoLeadAgency => "—";

    public override string NoPlanLoaded => "Cột cơ quan chủ trì để trống vì chưa nạp kế hoạch khắc phục của tỉnh theo cùng phiên bản phương pháp (mã tiêu chí của kế hoạch là mã của năm kết quả mà kế hoạch khắc phục).";

    public override IReadOnlyList<string> PlanHeaders(int year) =>
        ["Kế hoạch năm", "Tiêu chí", "Điểm bị mất khi lập kế hoạch", $"Điểm bị mất năm {year}", "Tình trạng", "Cơ quan chủ trì"];

    public override string PlanStatusText(PlanStatus status) => status switch
    {
        PlanStatus.Recovered => "Đã thu hồi hết",
        PlanStatus.Partly => "Thu hồi một phần",
        PlanStatus.NotYet => "Chưa thu hồi",
        PlanStatus.Worse => "Mất thêm điểm",
        _ => "Không so sánh được",
    };

    public override string PlanSummary(int planYear, int tasks, int recovered, int partly, int year) =>
        $"Kế hoạch năm {planYear} có {tasks} tiêu chí; đến năm {year}, {recovered} tiêu chí đã thu hồi hết điểm và {partly} tiêu chí thu hồi một phần.";

    protected override string SeverityError => "Lỗi";

    protected override string SeverityWarning => "Cảnh báo";

    protected override string SeverityInfo => "Thông tin";

    public override IReadOnlyList<string> DataQualityHeaders { get; } = ["Mức độ", "Quy tắc", "Năm", "Chỉ số", "Nội dung", "Tệp"];

    public override string DataQualityIntro(int findings) => $"{findings} phát hiện về chất lượng dữ liệu liên quan đến tỉnh (lỗi trước, rồi cảnh báo).";

    /// <summary>The labels the rules write into their offending values, longest first so that none is cut by a shorter one.</summary>
    private static readonly (Regex Label, string Vietnamese)[] DqLabels =
    [
        (new Regex(@"\bsum of rows\b"), "tổng các dòng"),
        (new Regex(@"\breceived total\b"), "tổng số hồ sơ nhận giải quyết"),
        (new Regex(@"\bresolved total\b"), "tổng số hồ sơ đã giải quyết"),
        (new Regex(@"\bpending total\b"), "tổng số hồ sơ đang giải quyết"),
        (new Regex(@"\bin person/postal\b"), "trực tiếp, dịch vụ bưu chính"),
        (new Regex(@"\bnewly received\b"), "mới tiếp nhận"),
        (new Regex(@"\bcarried over\b"), "kỳ trước chuyển qua"),
        (new Regex(@"\bnot yet due\b"), "chưa đến hạn"),
        (new Regex(@"\bon time\b"), "đúng hạn"),
        (new Regex(@"\boverdue\b"), "quá hạn"),
        (new Regex(@"\bonline\b"), "trực tuyến"),
        (new Regex(@"\bearly\b"), "trước hạn"),
        (new Regex(@"\blate\b"), "quá hạn"),
        (new Regex(@"\bsheet\b"), "trang tính"),
        (new Regex(@"\brow\b"), "dòng"),
        (new Regex(@"\bplan appraised points\b"), "điểm thẩm định trong kế hoạch"),
        (new Regex(@"\bplan max points\b"), "điểm tối đa trong kế hoạch"),
        (new Regex(@"\bcatalogue max points\b"), "điểm tối đa theo bộ tiêu chí"),
        (new Regex(@"\bpoints lost as written\b"), "điểm bị mất ghi trong văn bản"),
        (new Regex(@"\bmax points\b"), "điểm tối đa"),
        (new Regex(@"\bpoints lost\b"), "điểm bị mất"),
        (new Regex(@"\bpublished rank\b"), "hạng công bố"),
        (new Regex(@"\bcomputed rank\b"), "hạng tính từ điểm"),
        (new Regex(@"\bPAR result\b"), "kết quả PAR"),
        (new Regex(@"\bprovince key\b"), "mã tỉnh"),
        (new Regex(@"\b(\d+) of (\d+) provinces\b"), "$1/$2 tỉnh, thành phố"),
        (new Regex(@"\bscore\b"), "điểm"),
        (new Regex(@"\bmax\b"), "tối đa"),
        (new Regex(@"\btotal\b"), "tổng"),
        (new Regex(@"\bdeadline\b"), "thời hạn"),
    ];

    protected override string DqValues(string values) => DqLabels.Aggregate(values, (text, l) => l.Label.Replace(text, l.Vietnamese));

    /// <summary>The data-quality rules of <c>cchc dq --rules</c>, in Vietnamese.</summary>
    protected override string? DqRuleDescription(string rule) => rule switch
    {
        "agency-catalogued" => "Cơ quan không có trong danh mục, giữ nguyên như văn bản",
        "catalogue-fields-sum-to-100" => "Tổng điểm tối đa của các lĩnh vực trong bộ tiêu chí khác 100",
        "children-sum-to-parent" => "Tổng điểm các tiêu chí thành phần khác điểm của tiêu chí",
        "deadline-readable" => "Không đọc được thời gian thực hiện",
        "max-points-match-catalogue" => "Điểm tối đa khác bộ tiêu chí",
        "onestop-report-parts-add-up" => "Báo cáo kết quả giải quyết TTHC: số liệu thành phần không cộng đúng tổng số",
        "onestop-report-totals-match-rows" => "Báo cáo kết quả giải quyết TTHC: dòng tổng hoặc dòng nhóm khác tổng các dòng chi tiết",
        "orphan-rows" => "Dữ liệu còn sót lại của tệp đã bị thay thế hoặc liên kết tới dòng kế hoạch không còn",
        "plan-score-matches-result" => "Điểm trong kế hoạch khác kết quả công bố",
        "points-lost-arithmetic" => "Điểm bị mất khác điểm tối đa trừ điểm thẩm định",
        "province-coverage" => "Thiếu hoặc thừa tỉnh, thành phố trong năm",
        "province-unique" => "Một tỉnh, thành phố xuất hiện nhiều lần trong năm",
        "rank-matches-score" => "Thứ hạng công bố khác thứ hạng tính từ điểm",
        "score-within-range" => "Điểm nằm ngoài khoảng từ 0 đến điểm tối đa",
        "total-on-100-scale" => "Tổng điểm không theo thang điểm 100",
        _ => null,
    };

    public override string MethodologyVersion(string indexName, int year, string version, int? previousYear, string? previousVersion) =>
        previousYear is null ? $"Phiên bản phương pháp {indexName} năm {year}: {version}."
        : previousVersion == version ? $"Phiên bản phương pháp {indexName} năm {year} và năm {previousYear}: {version} (so sánh trực tiếp được)."
        : $"Phiên bản phương pháp {indexName} năm {year}: {version}; năm {previousYear}: {previousVersion}. Phương pháp đã thay đổi nên so sánh theo lĩnh vực, tiêu chí giữa hai năm không tương đương.";

    public override string IllustrativeCriteria(int count, string version) =>
        $"{count} tiêu chí của phiên bản {version} trong danh mục là minh họa (đúng cấu trúc, không phải danh mục chính thức).";

    public override string RankSourceNote(bool published) =>
        published ? "Thứ hạng là thứ hạng công bố." : "Nguồn không công bố thứ hạng: thứ hạng được tính từ điểm (bằng điểm thì đồng hạng).";

    public override string SplitNote =>
        "Vì sao thứ hạng thay đổi: mức thay đổi được chia chính xác cho hai nhóm — thay đổi điểm của chính tỉnh và thay đổi điểm của các tỉnh khác — "
        + "mà không nhóm nào được đi trước (giá trị Owen với hai nhóm): phần của mỗi nhóm là trung bình của tác động khi nhóm đó thay đổi trước và khi thay đổi sau. "
        + "Phần của tỉnh lại được chia cho các lĩnh vực (và trong mỗi lĩnh vực cho các tiêu chí) theo cùng cách, lấy trung bình trên mọi thứ tự thay đổi có thể. "
        + "Chênh lệch giữa hạng công bố và hạng tính từ tổng điểm công bố là một dòng riêng (điều chỉnh công bố), không gộp vào phần của các tỉnh khác.";

    public override string MethodologyNote(string? previousVersion, string version, double? points) =>
        previousVersion is null || previousVersion == version
            ? $"Hai năm cùng dùng phương pháp {version}, nên mọi thay đổi của một lĩnh vực đều là thay đổi kết quả thực hiện: điểm tối đa không đổi."
            : $"Phương pháp đã thay đổi ({previousVersion} → {version}), nên điểm tối đa thay đổi. Thay đổi của mỗi lĩnh vực được tách làm hai: phần do phương pháp, (điểm tối đa mới − điểm tối đa cũ) × điểm cũ ÷ điểm tối đa cũ, "
              + $"là số điểm lĩnh vực có được chỉ nhờ giữ nguyên tỷ lệ điểm tối đa như năm trước (tổng cộng {WithSign(points ?? 0)} điểm), còn phần do kết quả thực hiện là thay đổi của tỷ lệ đó nhân với điểm tối đa mới. "
              + "Hai phần cộng lại đúng bằng mức thay đổi; phần do phương pháp là một dòng riêng trong phân tích thứ hạng, nên điểm tối đa thay đổi không bao giờ bị coi là động lực. "
              + "Các tiêu chí chỉ được so sánh giữa hai phiên bản qua bảng đối chiếu lấy từ các quyết định, không bao giờ qua bảng minh họa.";

    public override string NoCriterionComparison(string previousVersion, string version) =>
        $"Không tiêu chí nào của {version} được so sánh với tiêu chí của {previousVersion}: chưa nạp bảng đối chiếu tiêu chí lấy từ các quyết định giữa hai phiên bản "
        + "(bảng minh họa không được dùng), nên thay đổi chỉ được giải thích theo từng lĩnh vực.";

    public override string IntervalNote(int draws, string indexCode) =>
        $"Khoảng tin cậy: điểm dựa trên khảo sát là ước lượng từ một mẫu, nên sẽ khác đi đôi chút nếu khảo sát được làm lại. Báo cáo đo lại các điểm này {Whole(draws)} lần cho mọi tỉnh ở cả hai năm "
        + $"và tính lại tổng điểm, thứ hạng và phân tích mỗi lần; mỗi râu trải trên 90% số lần đo lại. Thay đổi thứ hạng chỉ được coi là phân biệt được với nhiễu khi ít nhất 95% số lần đo lại cho cùng một chiều. "
        + indexCode switch
        {
            "PCI" => $"PCI: mỗi chỉ số thành phần dựa trên khảo sát doanh nghiệp của VCCI, được đo lại với sai số chuẩn {Number(Analytics.Uncertainty.SamplingModel.PciSubIndexStandardError)} điểm (giả định: khoảng 130 doanh nghiệp mỗi tỉnh).",
            "PAPI" => "PAPI: mỗi nội dung là trung bình khảo sát người dân, được đo lại với sai số chuẩn do báo cáo cấp tỉnh năm 2019 của UNDP công bố (khoảng 197 người trả lời mỗi tỉnh).",
            _ => $"Chỉ số CCHC: chỉ các tiêu chí điều tra xã hội học được đo lại, như tỷ lệ điểm tối đa do {Analytics.Uncertainty.SamplingModel.ParRespondentsPerCriterion} người trả lời mỗi tỉnh đánh giá (giả định); điểm thẩm định không phải từ mẫu nên không đo lại.",
        };

    public override string ModelNote(string model, bool beats, bool forwardChaining) =>
        $"Biểu đồ mô hình thể hiện {model}, mô hình học có sai số trên các năm giữ lại thấp nhất; "
        + (forwardChaining ? "mỗi năm được dự báo bằng mô hình chỉ huấn luyện trên các năm trước đó" : "lần lượt giữ lại từng năm và dự báo năm đó bằng mô hình huấn luyện trên các năm còn lại")
        + ". Mô hình được so với bốn mức cơ sở (trung bình, trung bình của chính tỉnh, giá trị năm trước và hồi quy về trung bình) bằng kiểm định cặp theo các năm giữ lại, và chỉ được coi là tốt hơn khi khác biệt có ý nghĩa thống kê"
        + (beats ? "." : " — ở đây không đạt, nên mức độ quan trọng chỉ mang tính mô tả.")
        + " Khoảng của mức độ quan trọng có được từ việc ước lượng lại toàn bộ trên các tỉnh rút lặp lại có hoàn lại, không chỉ từ việc hoán vị.";

    public override string SurveyItemsIntro(int count, double points) =>
        $"{count} tiêu chí bị mất {Number(points)} điểm ở phần điều tra xã hội học. Các tiêu chí này đo cảm nhận của người dân và cán bộ về nền hành chính của tỉnh, "
        + "nên được liệt kê riêng: không thể thu hồi trực tiếp, chỉ có thể cải thiện qua chất lượng dịch vụ người dân nhận được.";

    public override IReadOnlyList<string> SurveyHeaders { get; } = ["Tiêu chí", "Điểm bị mất", "Hạng nếu thu hồi"];

    public override string PointsSourceName(string? source) => source switch
    {
        "appraisal" => "thẩm định",
        "survey" => "điều tra XHH",
        "mixed" => "thẩm định và điều tra XHH",
        _ => "—",
    };

    public override string LeadAgenciesFrom(int planYear, int resultYear) =>
        $"Cơ quan chủ trì lấy từ kế hoạch khắc phục năm {planYear} của tỉnh, khắc phục kết quả năm {resultYear} theo cùng phương pháp.";

    public override string RecoveryPlanText(int target, string outcome, double? needed, IReadOnlyList<(string Criterion, double From, double To)> steps, int rankReached, double? probability)
    {
        var chance = probability is { } p ? $" Nếu các tỉnh khác thay đổi như các năm trước, xác suất đạt hạng {target} hoặc cao hơn là {Percent(p, 0)}." : "";
        return outcome switch
        {
            "AlreadyMet" => $"Tỉnh đã đạt hạng {target} hoặc cao hơn.{chance}",
            "Unreachable" => $"Để đạt hạng {target} cần thêm {Number(needed ?? 0)} điểm tổng; thu hồi toàn bộ điểm bị mất có thể khắc phục cũng chỉ đạt hạng {rankReached}.{chance}",
            _ => $"Để đạt hạng {target} cần thêm {Number(needed ?? 0)} điểm tổng. Thu hồi điểm dễ trước (mức mà đa số tỉnh khác đã đạt), thu hồi một phần khi thế là đủ: "
                 + string.Join("; ", steps.Select(s => $"{s.Criterion} từ {Number(s.From)} lên {Number(s.To)}"))
                 + $". Nếu điểm của các tỉnh khác giữ nguyên, tỉnh đạt hạng {rankReached}.{chance}",
        };
    }

    public override string PlanOtherMethodology(int planYear, int resultYear, string? planVersion, string? version) =>
        $"Kế hoạch gần nhất ({planYear}) khắc phục kết quả năm {resultYear} theo phương pháp {planVersion ?? "?"}; năm nay dùng phương pháp {version ?? "?"}, nên mã tiêu chí của kế hoạch không chỉ cùng tiêu chí và không được so sánh.";

    public override string SyntheticRowsNote(int syntheticRows, int rows) => $"{Whole(syntheticRows)} trong {Whole(rows)} dòng điểm dùng trong báo cáo là dữ liệu tổng hợp (synthetic).";

    public override string ProvenanceIntro => "Các tệp đã nạp vào kho dữ liệu mà báo cáo này dùng (theo rpt.load_history).";

    public override IReadOnlyList<string> ProvenanceHeaders { get; } = ["Tệp", "Loại", "Lần nạp", "Lệnh", "Nạp xong (UTC)", "Số dòng", "SHA-256", "Dữ liệu"];

    public override string RealOrSynthetic(bool synthetic) => synthetic ? "tổng hợp (synthetic)" : "thật";

    public override string SourceLine(IReadOnlyList<(string IndexCode, int FirstYear, int LastYear)> parts, IReadOnlyList<string> files, SyntheticShare share)
    {
        var text = "Nguồn: " + string.Join("; ", parts.Select(p => $"{IndexName(p.IndexCode)} {YearSpan(p.FirstYear, p.LastYear)} ({Publisher(p.IndexCode)})"));
        if (files.Count > 0)
        {
            text += "; tệp " + string.Join(", ", files.Take(3)) + (files.Count > 3 ? $" và {files.Count - 3} tệp khác" : "");
        }

        return share == SyntheticShare.None ? text : $"{text}; {SyntheticShareText(share)}";
    }

    public override IReadOnlyList<string> OverviewHeaders { get; } = ["Hạng", "Tỉnh, thành phố", "Điểm", "Thay đổi hạng", "Báo cáo"];

    public override string OpenReport => "Xem báo cáo";

    public override string NotComparable => "không so sánh được";
}
