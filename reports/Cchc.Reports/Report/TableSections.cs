using System.Globalization;
using Cchc.Reports.Drivers;
using Cchc.Reports.Localization;
using Cchc.Reports.ReportData;
using Cchc.Warehouse;

namespace Cchc.Reports.Report;

/// <summary>The table sections: priorities (with the what-if chart), remediation-plan status, data-quality warnings.</summary>
internal sealed class TableSections(ReportContext c, ChartSections charts, ViewResult<IReadOnlyList<PlanTask>> plan)
{
    private ReportText T => c.Text;

    public ReportSection Priorities()
    {
        var outcome = ReportDrivers.Priorities(c.Query);
        if (outcome.Value is not { } p)
        {
            return ReportSection.Omit("priorities", T.PrioritiesHeading, T.DriverGapReason(outcome.Gap!.Value, outcome.Detail));
        }

        var rows = p.Items.Select((r, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            $"{r.Code} {charts.CriterionName(r.Code)}",
            T.PointsSourceName(r.PointsSource),
            T.Number((double)r.PointsLost),
            ReportText.RankOf(r.RankIfRecovered, p.ProvincesRanked),
            T.Number((double)r.RankGainPerPoint, 1),
            (c.English ? r.LeadAgencyEn ?? r.LeadAgency : r.LeadAgency) ?? T.NoLeadAgency,
        ]).ToList();
        var blocks = new List<ReportBlock>
        {
            new ParagraphBlock(T.PrioritiesIntro(p.CurrentRank, p.ProvincesRanked)),
            new TableBlock(T.PriorityHeaders, rows, new HashSet<int> { 0, 3, 4, 5 }),
            new ParagraphBlock(p.LeadAgencyPlan is { } source ? T.LeadAgenciesFrom(source.PlanYear, source.ResultYear) : T.NoPlanLoaded),
        };
        if (p.SurveyItems.Count > 0)
        {
            blocks.Add(new ParagraphBlock(T.SurveyItemsIntro(p.SurveyItems.Count, (double)p.SurveyItems.Sum(i => i.PointsLost))));
            blocks.Add(new TableBlock(T.SurveyHeaders, p.SurveyItems.Select(r => (IReadOnlyList<string>)
            [
                $"{r.Code} {charts.CriterionName(r.Code)}", T.Number((double)r.PointsLost), ReportText.RankOf(r.RankIfRecovered, p.ProvincesRanked),
            ]).ToList(), new HashSet<int> { 1, 2 }));
        }

        if (p.Items.Count > 0)
        {
            blocks.Add(charts.WhatIf(p));
        }

        if (p.Plan is { } plan)
        {
            blocks.Add(new ParagraphBlock(T.RecoveryPlanText(plan.TargetRank, plan.Outcome.ToString(), (double?)plan.TotalNeeded,
                plan.Steps.Select(s => ($"{s.Code} {charts.CriterionName(s.Code)}", (double)s.From, (double)s.To)).ToList(), plan.RankReached, plan.ProbabilityWithPeerMoves)));
        }

        return new ReportSection("priorities", T.PrioritiesHeading, blocks);
    }

    public ReportSection PlanStatus()
    {
        if (plan.Value is not { } tasks)
        {
            return ReportSection.Omit("plan", T.PlanHeading, T.ViewGapReason(plan.Gap!.Value, plan.View, plan.Detail));
        }

        var latest = tasks.Max(t => t.PlanYear);
        var addressed = tasks.Where(t => t.PlanYear == latest).Max(t => t.ResultYear);
        var planVersion = c.Reader.Source.VersionOf(c.Request.IndexCode, addressed);
        if (planVersion != c.Current.MethodologyVersion)
        {
            return ReportSection.Omit("plan", T.PlanHeading, T.PlanOtherMethodology(latest, addressed, planVersion, c.Current.MethodologyVersion));
        }

        var rows = new List<IReadOnlyList<string>>();
        var statuses = new List<Localization.PlanStatus>();
        foreach (var task in tasks.Where(t => t.PlanYear == latest))
        {
            var now = c.Current.Row(c.Province.Key, task.CriterionCode) is { Score: { } s, MaxPoints: { } m } ? (double)(m - s) : (double?)null;
            var then = task.PointsLost;
            var status = now is null || then is null ? Localization.PlanStatus.NotComparable
                : now <= 0.005 ? Localization.PlanStatus.Recovered
                : now < then - 0.005 ? Localization.PlanStatus.Partly
                : now > then + 0.005 ? Localization.PlanStatus.Worse
                : Localization.PlanStatus.NotYet;
            statuses.Add(status);
            rows.Add(
            [
                task.PlanYear.ToString(CultureInfo.InvariantCulture),
                $"{task.CriterionCode} {charts.CriterionName(task.CriterionCode)}",
                then is null ? T.NoLeadAgency : T.Number(then.Value),
                now is null ? T.NoLeadAgency : T.Number(now.Value),
                T.PlanStatusText(status),
                Lead(task) ?? T.NoLeadAgency,
            ]);
        }

        return new ReportSection("plan", T.PlanHeading,
        [
            new ParagraphBlock(T.PlanSummary(latest, rows.Count, statuses.Count(s => s == Localization.PlanStatus.Recovered),
                statuses.Count(s => s == Localization.PlanStatus.Partly), c.Request.Year)),
            new TableBlock(T.PlanHeaders(c.Request.Year), rows, new HashSet<int> { 0, 2, 3 }),
        ]);
    }

    public ReportSection DataQuality()
    {
        var findings = DataQualityReader.Read(c.Reader, c.Province.GsoCode, c.Request.Year, c.PreviousYear);
        if (findings.Value is not { } list)
        {
            return ReportSection.Omit("data-quality", T.DataQualityHeading, T.ViewGapReason(findings.Gap!.Value, findings.View, findings.Detail));
        }

        var rows = list.Select(f => (IReadOnlyList<string>)
        [
            T.Severity(f.Severity), f.RuleName ?? "", f.Year?.ToString(CultureInfo.InvariantCulture) ?? "", f.IndexCode ?? "",
            T.DqFindingText(f.RuleName, f.CriterionCode, f.OffendingValues, f.Message), f.FileName ?? "",
        ]).ToList();
        return new ReportSection("data-quality", T.DataQualityHeading,
            [new ParagraphBlock(T.DataQualityIntro(rows.Count)), new TableBlock(T.DataQualityHeaders, rows, new HashSet<int> { 2 })]);
    }

    /// <summary>The task's lead agencies in the report's language (English names where the catalogue has them).</summary>
    private string? Lead(PlanTask? task) =>
        T.Language == ReportLanguage.En ? task?.LeadAgencyEn ?? task?.LeadAgency : task?.LeadAgency;
}
