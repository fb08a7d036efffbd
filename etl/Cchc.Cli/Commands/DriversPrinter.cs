using Cchc.Cli.Output;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
using Cchc.Reports.Analytics.Exact;
using Cchc.Reports.Analytics.Models;

namespace Cchc.Cli.Commands;

/// <summary>The readable form of a <see cref="DriversReport"/>.</summary>
internal static class DriversPrinter
{
    public static void Print(TextWriter o, DriversReport report)
    {
        var a = report.Attribution;
        o.WriteLine($"{a.Province.Name} — {a.IndexCode} {a.Year}{(a.IsSynthetic ? "   [SYNTHETIC DATA]" : string.Empty)}");
        o.WriteLine($"Score {Numbers.Points(a.Score)}, rank {Numbers.Int(a.Rank)} of {a.ProvincesRanked} (methodology {a.MethodologyVersion})");
        if (a.Status != ComparisonStatus.Compared)
        {
            o.WriteLine();
            o.WriteLine(a.Message);
            if (a.Constituents.Count > 0)
            {
                var t = new ConsoleTable("constituent", "code", $"{a.PreviousYear} score", $"{a.PreviousYear} rank", "of");
                foreach (var c in a.Constituents)
                {
                    t.Add(c.Province.Name, c.Province.Code, Numbers.Points(c.Score), Numbers.Int(c.Rank), Numbers.Int(c.ProvincesRanked));
                }

                o.WriteLine();
                t.Write(o);
            }
        }
        else
        {
            PrintAttribution(o, a);
        }

        PrintNotes(o, a.Notes.Concat(report.Notes).ToList());
        foreach (var model in report.Models)
        {
            PrintModel(o, model);
        }
    }

    private static void PrintAttribution(TextWriter o, RankAttribution a)
    {
        var previousName = a.PreviousEntity is { } p && p.Key != a.Province.Key ? $" ({p.Name})" : string.Empty;
        o.WriteLine($"{a.PreviousYear}{previousName}: score {Numbers.Points(a.PreviousScore)}, rank {Numbers.Int(a.PreviousRank)} of {a.PreviousProvincesRanked}");
        o.WriteLine($"Score change {Numbers.Signed(a.ScoreChange)}; rank change {Numbers.Signed(a.RankChange)} " +
                    $"({(a.RankChange < 0 ? $"climbed {-a.RankChange} places" : a.RankChange > 0 ? $"fell {a.RankChange} places" : "unchanged")})");
        o.WriteLine();
        o.WriteLine("Why the rank changed: exact Owen values (rank places; negative = climbed). The province's own changes and the other provinces'");
        o.WriteLine("changes are two unions, neither going first; fields share the own part by Shapley value, criteria within a field by Owen value.");
        var methodology = a.Methodology is not null;
        var t = methodology
            ? new ConsoleTable("component", "name", $"{a.PreviousYear} pts", $"{a.Year} pts", "change", "of which max", "rank effect", "90% interval")
            : new ConsoleTable("component", "name", $"{a.PreviousYear} pts", $"{a.Year} pts", "change", "rank effect", "90% interval");
        void Row(string code, string name, decimal? before, decimal? now, decimal? change, decimal? maxPart, RankEffect effect)
        {
            var interval = Numbers.Interval(effect.Interval?.Lower, effect.Interval?.Upper);
            if (methodology)
            {
                t.Add(code, name, Numbers.Points(before), Numbers.Points(now), Numbers.Signed(change), Numbers.Signed(maxPart), effect.Exact.ToDisplay(), interval);
            }
            else
            {
                t.Add(code, name, Numbers.Points(before), Numbers.Points(now), Numbers.Signed(change), effect.Exact.ToDisplay(), interval);
            }
        }

        foreach (var c in a.Components)
        {
            Row(Numbers.Code(c.Code), c.Name, c.PreviousPoints, c.CurrentPoints, c.ScoreChange, c.MethodologyPoints, c.RankEffect);
            foreach (var child in c.Criteria)
            {
                Row("└ " + Numbers.Code(child.Code), "  " + child.Name, child.PreviousPoints, child.CurrentPoints, child.ScoreChange, child.MethodologyPoints, child.RankEffect);
            }
        }

        if (a.Methodology is { } m)
        {
            Row("methodology", $"changed maximum points ({m.PreviousVersion} → {m.Version}): kept shares of the maxima", null, null, m.Points, m.Points, m.RankEffect);
        }

        Row("peers", "other provinces' changes (averaged over own scores of both years)", null, null, null, null, a.PeerEffect);
        if (a.PublicationAdjustment != 0)
        {
            Row("published", "published ranks vs ranks recomputed from totals", null, null, null, null, (Fraction)a.PublicationAdjustment);
        }

        Row("total", "= observed rank change", a.PreviousScore, a.Score, a.ScoreChange, methodology ? a.Methodology!.Points : null,
            new RankEffect(a.AttributedRankChange, a.Uncertainty?.RankChangeInterval));
        t.Write(o);
        if (a.Uncertainty is { } u)
        {
            o.WriteLine();
            var direction = a.RankChange < 0 ? "climbed" : a.RankChange > 0 ? "fell" : "moved";
            o.WriteLine($"Sampling noise: {u.SamplingModel}");
            o.WriteLine($"  Re-measured {u.Draws} times for every province (seed {u.Seed}); the province {direction} in {Numbers.Percent(a.ProbabilityRankChanged)} of them: " +
                        (u.DistinguishableFromNoise ? "the change can be told apart from noise." : a.RankChange == 0 ? "an unchanged rank is itself uncertain." : "the change CANNOT be told apart from noise (needs 95%)."));
        }

        if (a.NotComparable.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Criteria not compared ({a.NotComparable.Count}):");
            foreach (var n in a.NotComparable.GroupBy(n => n.Reason))
            {
                o.WriteLine($"  {string.Join(", ", n.Select(x => $"{x.Code} ({x.Year})"))}: {n.Key}");
            }
        }
    }

    private static void PrintModel(TextWriter o, ModelReport m)
    {
        o.WriteLine();
        o.WriteLine($"Model: {m.Title}{(m.IsSynthetic ? "   [SYNTHETIC DATA]" : string.Empty)}");
        if (!m.Available)
        {
            o.WriteLine($"  Not available: {m.UnavailableReason}");
            PrintNotes(o, m.Notes, "  ");
            return;
        }

        o.WriteLine($"  Target: {m.TargetName}. Features: {string.Join(", ", m.Features)}.");
        var scheme = m.Validation == ValidationScheme.ForwardChaining ? "forward chaining: each year predicted by models trained on earlier years only" : "leave-one-year-out: each year held out in turn";
        o.WriteLine($"  Years {m.Years[0]}–{m.Years[^1]}, {m.Rows} rows; {scheme}; {m.ScoredRows} held-out rows scored; seed {m.Seed}.");
        var t = new ConsoleTable("model", "held-out R²", "held-out MAE", "rows");
        foreach (var s in m.Scores)
        {
            t.Add(s.Model, Numbers.Metric(s.R2), Numbers.Metric(s.Mae), Numbers.Int(s.Rows));
        }

        t.Write(o);
        var c = new ConsoleTable("model", "against", "years", "mean MAE difference", "p (sign-flip)", "significantly better");
        foreach (var x in m.Comparisons)
        {
            c.Add(x.Model, x.Baseline, Numbers.Int(x.HeldOutYears), Numbers.Metric(x.MeanMaeDifference), Numbers.Metric(x.PValue), x.Significant ? "yes" : "no");
        }

        c.Write(o);
        foreach (var v in m.Verdicts)
        {
            o.WriteLine("  → " + v);
        }

        foreach (var imp in m.Importances)
        {
            o.WriteLine($"  Permutation importance, {imp.Model}{(imp.Model == m.ShownModel ? " (the model to read)" : string.Empty)}: held-out MAE increase, " +
                        $"± shuffle standard error ({imp.Permutations} permutations), 90% interval over {imp.BootstrapReplicates} refits on provinces drawn with replacement:");
            foreach (var f in imp.Features)
            {
                o.WriteLine(FormattableString.Invariant($"    {f.Feature,-40} {f.MaeIncrease,8:0.000} ± {f.StandardError:0.000}  ") +
                            (f.Interval is { } i ? FormattableString.Invariant($"[{i.Lower:0.000}, {i.Upper:0.000}]") : "-"));
            }
        }

        if (m.Focus is { } focus)
        {
            o.WriteLine(FormattableString.Invariant($"  {focus.Province.Name} {focus.Year} (its year held out): actual {focus.Actual:0.##}; ") +
                string.Join("; ", focus.Predictions.Select(p => FormattableString.Invariant($"{p.Model} {p.Prediction:0.##}"))));
            foreach (var contributions in focus.Contributions)
            {
                o.WriteLine($"    {contributions.Model} contributions: " + string.Join(", ",
                    contributions.Features.Take(5).Select(f => FormattableString.Invariant($"{f.Feature} {f.Contribution:+0.##;-0.##;0}"))));
            }
        }

        PrintNotes(o, m.Notes, "  ");
    }

    private static void PrintNotes(TextWriter o, IReadOnlyList<string> notes, string indent = "")
    {
        if (notes.Count == 0)
        {
            return;
        }

        o.WriteLine();
        foreach (var n in notes.Distinct())
        {
            o.WriteLine($"{indent}Note: {n}");
        }
    }
}
