using Cchc.Warehouse.Reference;

namespace Cchc.Warehouse.Tests;

/// <summary>
/// A deterministic PCI/PAPI-like set of score records (every province valid that year, the TOTAL criterion, a
/// published rank for PCI, none for PAPI so that rpt.index_score computes it), loaded the way a loader would.
/// </summary>
internal static class ScoreSamples
{
    public static IReadOnlyList<ScoreRecord> For(string indexCode, int year, int variant = 0)
    {
        var provinces = ProvinceCatalog.Default.ValidAtEndOf(year).OrderBy(p => p.GsoCode, StringComparer.Ordinal).ToList();
        var scores = provinces
            .Select((p, i) => (Province: p, Score: Math.Round(50 + ((i * 37 + year * 11 + variant * 7) % 2000) / 100.0, 2)))
            .ToList();
        var ranks = scores.OrderByDescending(s => s.Score).Select((s, i) => (s.Province.GsoCode, Rank: i + 1)).ToDictionary(r => r.GsoCode, r => r.Rank);
        return scores.Select((s, i) => new ScoreRecord(
                indexCode, year, s.Province.GsoCode, IndexCodes.Total, s.Score,
                indexCode == IndexCodes.Pci ? ranks[s.Province.GsoCode] : null,
                IsSynthetic: true,
                new SourceLocation($"{indexCode.ToLowerInvariant()}-{year}.xlsx", "Summary", i + 5, "C")))
            .ToList();
    }

    /// <summary>Loads one file's worth of scores (one run, one session) and returns how many rows were keyed.</summary>
    public static int Load(IWarehouse warehouse, string indexCode, IReadOnlyCollection<int> years, int variant = 0)
    {
        var scores = years.SelectMany(y => For(indexCode, y, variant)).ToList();
        var run = warehouse.StartRun("test load " + indexCode);
        var file = new SourceFileInfo($"/samples/{indexCode.ToLowerInvariant()}-{string.Join('-', years)}.xlsx", indexCode.ToLowerInvariant(), new string('0', 64), 1000);
        using (var session = warehouse.BeginFile(run, file))
        {
            var rejected = session.ReplaceScores(indexCode, years, scores);
            if (rejected.Count > 0)
            {
                throw new InvalidOperationException("sample scores rejected: " + rejected[0].Reason);
            }

            session.Commit(new FileLoadOutcome(scores.Count, 0, "loaded"));
        }

        warehouse.FinishRun(run, "succeeded");
        return scores.Count;
    }
}
