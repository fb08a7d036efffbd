using Cchc.Cli.Output;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.WhatIf;

namespace Cchc.Cli.Commands;

/// <summary>The readable form of a <see cref="WhatIfReport"/>.</summary>
internal static class WhatIfPrinter
{
    public static void Print(TextWriter o, WhatIfReport report)
    {
        var p = report.Priorities;
        o.WriteLine($"{p.Province.Name} — {p.IndexCode} {p.Year}{(p.IsSynthetic ? "   [SYNTHETIC DATA]" : string.Empty)}");
        o.WriteLine($"Score {Numbers.Points(p.Total)}, rank {p.CurrentRank} of {p.ProvincesRanked} (recomputed from published totals; published rank {Numbers.Int(p.PublishedRank)})");
        if (report.Simulation is { } s)
        {
            o.WriteLine();
            o.WriteLine("What if");
            var t = new ConsoleTable("criterion", "name", "max", "score", "what-if", "change");
            foreach (var c in s.Changes)
            {
                t.Add(Numbers.Code(c.Code), c.Name, Numbers.Points(c.MaxPoints), Numbers.Points(c.OldScore), Numbers.Points(c.NewScore), Numbers.Signed(c.Delta));
            }

            foreach (var c in s.Recomputed)
            {
                t.Add(Numbers.Code(c.Code), c.Name + " (recomputed)", Numbers.Points(c.MaxPoints), Numbers.Points(c.OldScore), Numbers.Points(c.NewScore), Numbers.Signed(c.Delta));
            }

            t.Write(o);
            o.WriteLine($"New total {Numbers.Points(s.NewTotal)} → rank {s.NewRank} of {s.ProvincesRanked} (from {s.OldRank}; {Numbers.Signed(s.RankGain)} places), other provinces as published.");
        }

        o.WriteLine();
        o.WriteLine($"Priorities: criteria (level {p.Level}) with points lost, each recovered alone, in priority order (rank gained per point)");
        var items = new ConsoleTable("#", "criterion", "name", "source", "max", "score", "lost", "rank if recovered", "gain", "gain/pt", "lead agency");
        var i = 0;
        foreach (var item in p.Items)
        {
            items.Add(Numbers.Int(++i), Numbers.Code(item.Code), item.Name, item.PointsSource ?? "-", Numbers.Points(item.MaxPoints), Numbers.Points(item.Score), Numbers.Points(item.PointsLost),
                Numbers.Int(item.RankIfRecovered), Numbers.Int(item.RankGain), item.RankGainPerPoint.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                item.LeadAgency ?? "-");
        }

        items.Write(o);
        if (p.LeadAgencyPlan is { } plan)
        {
            o.WriteLine($"Lead agencies from the remediation plan of {plan.PlanYear} (it addresses the {plan.ResultYear} results, same methodology).");
        }

        if (p.SurveyItems.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Sociological-survey criteria with points lost (perceptions: not directly actionable, so not on the curve nor in the plan)");
            var survey = new ConsoleTable("criterion", "name", "max", "score", "lost", "rank if recovered");
            foreach (var item in p.SurveyItems)
            {
                survey.Add(Numbers.Code(item.Code), item.Name, Numbers.Points(item.MaxPoints), Numbers.Points(item.Score), Numbers.Points(item.PointsLost), Numbers.Int(item.RankIfRecovered));
            }

            survey.Write(o);
        }

        o.WriteLine();
        o.WriteLine("Recovering in that order: " + string.Join(" → ", p.Curve.Select(c => $"{(c.Code ?? "now")} {Numbers.Points(c.CumulativePoints)} pts: rank {c.Rank}")));
        if (p.Plan is { } target)
        {
            o.WriteLine();
            o.WriteLine($"Target rank {target.TargetRank}: {target.Outcome}. {target.Explanation}");
            foreach (var step in target.Steps)
            {
                o.WriteLine($"  {Numbers.Code(step.Code)} {step.Name}: {Numbers.Points(step.From)} → {Numbers.Points(step.To)} (+{Numbers.Points(step.Points)}; " +
                            FormattableString.Invariant($"{100 * step.Price:0}% of the other provinces score below that level)") + (step.LeadAgency is null ? string.Empty : $", {step.LeadAgency}"));
            }

            o.WriteLine($"  With the other provinces' totals frozen: rank {target.RankReached}." +
                        (target.ProbabilityWithPeerMoves is { } chance
                            ? $" If they move as they have before ({target.PeerMovesBasis}): rank {target.TargetRank} or better with probability {Numbers.Percent(chance)}."
                            : " (No earlier years of the same methodology to simulate the other provinces' moves.)"));
        }

        foreach (var n in p.Notes.Concat(report.Notes).Distinct())
        {
            o.WriteLine($"Note: {n}");
        }
    }
}
