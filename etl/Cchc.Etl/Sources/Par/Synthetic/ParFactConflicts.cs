using System.Globalization;

namespace Cchc.Etl.Sources.Par.Synthetic;

/// <summary>
/// Finds facts of one year that cannot all be true — two provinces at one rank, a higher score at a worse rank, a
/// ranked score outside the band its group count allows — and keeps the stronger source. A tie between equally strong
/// sources leaves both out. Every decision is reported; nothing is bent to fit.
/// </summary>
internal static class ParFactConflicts
{
    public static List<ParTotalFact> Resolve(int year, IReadOnlyList<ParTotalFact> facts, ParYearConstraints constraints, List<ParFactIssue> issues)
    {
        var kept = facts.ToList();
        while (FirstConflict(kept, constraints) is { } conflict)
        {
            var (a, b, why) = conflict;
            List<ParTotalFact> losers = b is null ? [a]
                : a.Strength == b.Strength ? [a, b]
                : [a.Strength < b.Strength ? a : b];
            var winner = b is null ? null : losers.Count == 2 ? null : (losers[0] == a ? b : a);
            kept.RemoveAll(losers.Contains);
            var resolution = winner is not null
                ? $"the stronger source wins: {winner.Describe()} is used; {string.Join(" and ", losers.Select(l => l.Describe()))} is left out and those values are synthetic"
                : $"neither source is stronger: {string.Join(" and ", losers.Select(l => l.Describe()))} are left out and those values are synthetic";
            issues.Add(new ParFactIssue(ParFactIssueKinds.Conflict, year, $"{why}; {resolution}."));
        }

        return kept;
    }

    private static (ParTotalFact A, ParTotalFact? B, string Why)? FirstConflict(List<ParTotalFact> facts, ParYearConstraints constraints)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            var a = facts[i];
            for (var j = i + 1; j < facts.Count; j++)
            {
                var b = facts[j];
                if (a.Rank is not null && a.Rank == b.Rank)
                {
                    return (a, b, $"{a.Describe()} and {b.Describe()} claim the same rank");
                }

                if (a is { Score: { } sa, Rank: { } ra } && b is { Score: { } sb, Rank: { } rb } && (sa - sb) * (rb - ra) < 0)
                {
                    var (higher, lower) = sa > sb ? (a, b) : (b, a);
                    return (a, b, $"{higher.Describe()} has a higher score than {lower.Describe()} but a worse rank");
                }
            }

            if (a is { Score: { } score, Rank: { } rank })
            {
                foreach (var band in constraints.Bands.Where(x => x.FromRank <= rank && rank <= x.ToRank))
                {
                    if ((band.Lower is { } lower && score < lower) || (band.Upper is { } upper && score > upper))
                    {
                        if (ParSourceStrength.Of(band.Source) < a.Strength)
                        {
                            throw new InvalidOperationException(
                                $"PAR {constraints.Year}: {a.Describe()} contradicts the weaker aggregate '{band.Why}' ({band.Source}); dropping an aggregate is not supported.");
                        }

                        return (a, null, string.Create(CultureInfo.InvariantCulture,
                            $"{a.Describe()} lies outside {band.Lower?.ToString(CultureInfo.InvariantCulture) ?? "0"}–{band.Upper?.ToString(CultureInfo.InvariantCulture) ?? "100"}%, which '{band.Why}' ({band.Source}) requires for rank {rank}"));
                    }
                }
            }
        }

        return null;
    }
}
