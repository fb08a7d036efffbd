using Cchc.Cli.Output;
using Cchc.Reports.Analytics;
using Cchc.Reports.Analytics.Attribution;
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
        o.WriteLine("Why the rank changed: exact Shapley values per field, Owen values per criterion (rank places; negative = climbed)");
        var t = new ConsoleTable("component", "name", $"{a.PreviousYear} pts", $"{a.Year} pts", "change", "rank effect");
        foreach (var c in a.Components)
        {
            t.Add(Numbers.Code(c.Code), c.Name, Numbers.Points(c.PreviousPoints),
                Numbers.Points(c.CurrentPoints), Numbers.Signed(c.ScoreChange), c.RankEffect.ToDisplay());
            foreach (var child in c.Criteria)
            {
                t.Add("└ " + Numbers.Code(child.Code), "  " + child.Name, Numbers.Points(child.PreviousPoints), Numbers.Points(child.CurrentPoints),
                    Numbers.Signed(child.ScoreChange), child.RankEffect.ToDisplay());
            }
        }

        t.Add("peers", $"other provinces moved (own scores fixed at {a.PreviousYear})", null, null, null, Numbers.Signed(a.PeerEffect));
        if (a.PublicationAdjustment != 0)
        {
            t.Add("published", "published ranks vs ranks recomputed from totals", null, null, null, Numbers.Signed(a.PublicationAdjustment));
        }

        t.Add("total", "= observed rank change", Numbers.Points(a.PreviousScore), Numbers.Points(a.Score), Numbers.Signed(a.ScoreChange), a.AttributedRankChange.ToDisplay());
        t.Write(o);
        if (a.NotComparable.Count > 0)
        {
            o.WriteLine();
            o.WriteLine($"Criteria not compared ({a.NotComparable.Count}):");
            foreach (var n in a.NotComparable)
            {
                o.WriteLine($"  {n.Code} ({n.Year}) {n.Name}: {n.Reason}");
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
        o.WriteLine($"  Years {m.Years[0]}–{m.Years[^1]}, {m.Rows} rows; each year held out in turn, {m.ScoredRows} held-out rows scored; seed {m.Seed}.");
        var t = new ConsoleTable("model", "held-out R²", "held-out MAE", "rows");
        foreach (var s in m.Scores)
        {
            t.Add(s.Model, Numbers.Metric(s.R2), Numbers.Metric(s.Mae), Numbers.Int(s.Rows));
        }

        t.Write(o);
        foreach (var v in m.Verdicts)
        {
            o.WriteLine("  → " + v);
        }

        foreach (var imp in m.Importances)
        {
            o.WriteLine($"  Permutation importance, {imp.Model} (held-out MAE increase ± standard error, {imp.Permutations} permutations):");
            foreach (var f in imp.Features)
            {
                o.WriteLine(FormattableString.Invariant($"    {f.Feature,-40} {f.MaeIncrease,8:0.000} ± {f.StandardError:0.000}"));
            }
        }

        if (m.Focus is { } focus)
        {
            o.WriteLine(FormattableString.Invariant($"  {focus.Province.Name} {focus.Year} (its year held out): actual {focus.Actual:0.##}; ") +
                string.Join("; ", focus.Predictions.Select(p => FormattableString.Invariant($"{p.Model} {p.Prediction:0.##}"))));
            foreach (var c in focus.Contributions)
            {
                o.WriteLine($"    {c.Model} contributions: " + string.Join(", ",
                    c.Features.Take(5).Select(f => FormattableString.Invariant($"{f.Feature} {f.Contribution:+0.##;-0.##;0}"))));
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
