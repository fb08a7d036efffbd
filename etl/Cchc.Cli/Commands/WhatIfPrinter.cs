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
        var items = new ConsoleTable("#", "criterion", "name", "max", "score", "lost", "rank if recovered", "gain", "gain/pt", "lead agency");
        var i = 0;
        foreach (var item in p.Items)
        {
            items.Add(Numbers.Int(++i), Numbers.Code(item.Code), item.Name, Numbers.Points(item.MaxPoints), Numbers.Points(item.Score), Numbers.Points(item.PointsLost),
                Numbers.Int(item.RankIfRecovered), Numbers.Int(item.RankGain), item.RankGainPerPoint.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                item.LeadAgency ?? "-");
        }

        items.Write(o);
        o.WriteLine();
        o.WriteLine("Recovering in that order: " + string.Join(" → ", p.Curve.Select(c => $"{(c.Code ?? "now")} {Numbers.Points(c.CumulativePoints)} pts: rank {c.Rank}")));
        if (p.Plan is { } plan)
        {
            o.WriteLine();
            o.WriteLine($"Target rank {plan.TargetRank}: {plan.Outcome}. {plan.Explanation}");
            if (plan.Chosen.Count > 0)
            {
                o.WriteLine($"  Recover: {string.Join(", ", plan.Chosen.Select(c => $"{c.Code} (+{Numbers.Points(c.PointsLost)}{(c.LeadAgency is null ? string.Empty : ", " + c.LeadAgency)})"))}" +
                            $" = {Numbers.Points(plan.PointsRecovered)} points → rank {plan.RankReached}");
            }
        }

        foreach (var n in p.Notes.Concat(report.Notes).Distinct())
        {
            o.WriteLine($"Note: {n}");
        }
    }
}
