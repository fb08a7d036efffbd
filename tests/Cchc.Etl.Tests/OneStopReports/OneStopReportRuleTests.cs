using Cchc.Etl.Quality;
using Cchc.Etl.Quality.Rules;
using Cchc.Warehouse;
using Cchc.Warehouse.OneStopReports;
using Cchc.Warehouse.Quality;
using Cchc.Warehouse.Reference;

namespace Cchc.Etl.Tests.OneStopReports;

/// <summary>The two results-report rules on hand-built rows: what they compare, and what they leave alone.</summary>
public sealed class OneStopReportRuleTests
{
    private static readonly int LamDong = ProvinceCatalog.Default.ByCode("68", 2019)!.Key;

    private static SourceLocation At(int row) => new("r.xlsx", "S", row);

    private static IReadOnlyList<DqFinding> Run(IQualityRule rule, IReadOnlyList<OneStopReportRow> rows, params OneStopReportSubtotal[] subtotals) =>
        rule.Check(new QualityDataset(DqStages.PreLoad, [], CriterionCatalogue.Empty)
        {
            OneStopReports = [new OneStopReportData(7, LamDong, 2019, "Quý II năm 2019", rows, subtotals)],
        }).ToList();

    private static ReportCounts C(int? total, int? carried, int? online, int? inPerson, int? early, int? onTime, int? late, int? notDue = 0, int? overdue = 0, int? resolved = null, int? pending = null) =>
        new(total, carried, online is null && inPerson is null ? null : (online ?? 0) + (inPerson ?? 0), online, inPerson,
            resolved ?? (early ?? 0) + (onTime ?? 0) + (late ?? 0), early, onTime, late, pending ?? (notDue ?? 0) + (overdue ?? 0), notDue, overdue);

    [Fact]
    public void Parts_are_checked_only_where_the_form_has_every_part()
    {
        var rule = new OneStopReportPartsAddUpRule();
        var withoutCarried = C(10, null, 4, 5, 1, 2, 3);
        var olderForm = new ReportCounts(12, 2, 9, null, null, 7, null, 6, 1, 5, 5, 0);   // 2 + 9 ≠ 12
        var findings = Run(rule, [new("province", "A", null, withoutCarried, null, At(10)), new("province", "B", null, olderForm, null, At(11))]);
        var finding = Assert.Single(findings);
        Assert.Equal(("onestop-report-parts-add-up", DqSubjects.OneStopReport, 11, 7L, 2019), (finding.Rule, finding.Subject, finding.Source!.Row!.Value, finding.FileId!.Value, finding.Year!.Value));
        Assert.EndsWith("received total 12; carried over 2 + newly received 9 = 11", finding.OffendingValues);
        Assert.Null(finding.IndexCode);
    }

    [Fact]
    public void Pending_parts_and_resolved_parts_each_name_their_numbers()
    {
        var rule = new OneStopReportPartsAddUpRule();
        var counts = C(20, 5, 5, 10, 2, 10, 3, notDue: 2, overdue: 1, resolved: 16, pending: 4);
        var findings = Run(rule, [new("district", "Đất đai", null, counts, null, At(12))]);
        Assert.Equal(2, findings.Count);
        Assert.EndsWith("resolved total 16; early 2 + on time 10 + late 3 = 15", findings[0].OffendingValues);
        Assert.EndsWith("pending total 4; not yet due 2 + overdue 1 = 3", findings[1].OffendingValues);
        Assert.StartsWith("sheet 'S' row 12 (cấp huyện, Đất đai): ", findings[0].OffendingValues);
    }

    [Fact]
    public void A_group_row_is_compared_with_the_rows_it_covers_and_only_for_the_counts_it_states()
    {
        var rule = new OneStopReportTotalsMatchRowsRule();
        OneStopReportRow[] rows =
        [
            new("district", "Đất đai", "UBND huyện A", C(10, 1, 4, 5, 1, 6, 1), null, At(11)),
            new("district", "Hộ tịch", "UBND huyện A", C(5, 0, 1, 4, 2, 3, 0), null, At(12)),
            new("district", "Đất đai", "UBND huyện B", C(7, 0, 2, 5, 0, 6, 1), null, At(14)),
            new("commune", "Hộ tịch", null, C(3, 0, 1, 2, 0, 3, 0), null, At(16)),
        ];
        var agencyA = new OneStopReportSubtotal(OneStopReportSubtotal.Agency, "district", "UBND huyện A", "UBND huyện A", C(15, 1, 5, 9, 3, 9, 1), At(10));
        var agencyB = new OneStopReportSubtotal(OneStopReportSubtotal.Agency, "district", "UBND huyện B", "UBND huyện B", C(8, 0, 2, 5, 0, 6, 1), At(13));
        var district = new OneStopReportSubtotal(OneStopReportSubtotal.Level, "district", null, "II. CẤP HUYỆN",
            new ReportCounts(21, null, null, null, null, null, null, null, null, null, null, null), At(9));
        var grand = new OneStopReportSubtotal(OneStopReportSubtotal.GrandTotal, null, null, "Tổng cộng", C(25, 1, 8, 16, 3, 18, 2, resolved: 24), At(17));

        var findings = Run(rule, rows, district, agencyA, agencyB, grand);
        Assert.Equal([9, 13, 17], findings.Select(f => f.Source!.Row!.Value));
        Assert.Equal("sheet 'S' row 9 (cấp huyện, II. CẤP HUYỆN): received total 21 ≠ sum of rows 22", findings[0].OffendingValues);
        Assert.EndsWith("received total 8 ≠ sum of rows 7", findings[1].OffendingValues);
        Assert.Contains("the agency row disagrees with the sum of its 1 rows", findings[1].Message);
        Assert.EndsWith(": resolved total 24 ≠ sum of rows 23", findings[2].OffendingValues);
        Assert.Contains("the grand total disagrees with the sum of its 4 rows", findings[2].Message);
    }
}
