using Cchc.Warehouse;
using Cchc.Warehouse.Reference;

namespace Cchc.TestSupport;

/// <summary>A criterion of a test-only catalogue.</summary>
public sealed record TestCriterion(string Code, string? Parent, int Level, double? MaxPoints, double? Weight = null, string Version = "TEST", int FromYear = 2000, int? ToYear = null);

/// <summary>
/// Puts index scores into a test warehouse through the real load path (ILoadSession.ReplaceScores), with a test-only
/// criterion catalogue so tests do not depend on the seed catalogue other work extends.
/// </summary>
public static class IndexFixture
{
    /// <summary>Replaces every criterion of <paramref name="indexCode"/> in a test warehouse (which must hold no scores of it yet).</summary>
    public static void ReplaceCatalogue(IWarehouse warehouse, string indexCode, IEnumerable<TestCriterion> criteria)
    {
        warehouse.Execute("DELETE FROM dw.dim_criterion WHERE index_code = @indexCode", new { indexCode });
        var key = warehouse.Query<int>("SELECT COALESCE(MAX(criterion_key), 0) + 1 FROM dw.dim_criterion").Single();
        foreach (var c in criteria)
        {
            warehouse.Execute(
                """
                INSERT INTO dw.dim_criterion (criterion_key, index_code, version_code, criterion_code, parent_code, level, name_vi, name_en,
                    max_points, weight, points_source, valid_from_year, valid_to_year, is_illustrative, note)
                VALUES (@key, @indexCode, @Version, @Code, @Parent, @Level, @nameVi, @nameEn, @MaxPoints, @Weight, NULL, @FromYear, @ToYear, TRUE, 'test fixture')
                """,
                new { key = key++, indexCode, c.Version, c.Code, c.Parent, c.Level, nameVi = $"Tiêu chí {c.Code}", nameEn = $"Criterion {c.Code}", c.MaxPoints, c.Weight, c.FromYear, c.ToYear });
        }
    }

    /// <summary>Loads scores as one file; fails when any row is rejected.</summary>
    public static void Load(IWarehouse warehouse, string indexCode, IReadOnlyList<ScoreRecord> scores, string fileName = "fixture.xlsx")
    {
        var run = warehouse.StartRun("test fixture");
        using var session = warehouse.BeginFile(run, new SourceFileInfo("/fixtures/" + fileName, indexCode.ToLowerInvariant(), Guid.NewGuid().ToString("N"), 1));
        var rejected = session.ReplaceScores(indexCode, scores.Select(s => s.Year).Distinct().ToList(), scores);
        if (rejected.Count > 0)
        {
            throw new InvalidOperationException("Fixture rows rejected: " + string.Join("; ", rejected.Take(5).Select(r => r.Reason)));
        }

        session.Commit(new FileLoadOutcome(scores.Count, 0, "loaded"));
        warehouse.FinishRun(run, "succeeded");
    }
}

/// <summary>
/// A small PAR-like index for analytics tests: 3 fields of 2 criteria (max 100), every province of the year,
/// criterion scores in quarter points so that ties occur, fields and total their sums. Deterministic per year.
/// </summary>
public static class ParFixture
{
    public static readonly IReadOnlyList<TestCriterion> Catalogue =
    [
        new("TOTAL", null, 0, 100), new("1", "TOTAL", 1, 30), new("1.1", "1", 2, 10), new("1.2", "1", 2, 20),
        new("2", "TOTAL", 1, 30), new("2.1", "2", 2, 15), new("2.2", "2", 2, 15),
        new("3", "TOTAL", 1, 40), new("3.1", "3", 2, 20), new("3.2", "3", 2, 20),
    ];

    private static readonly string[] Leaves = ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"];

    public static void Load(IWarehouse warehouse, params int[] years)
    {
        IndexFixture.ReplaceCatalogue(warehouse, IndexCodes.Par, Catalogue.Select(c => c with { Version = "PAR-TEST" }));
        IndexFixture.Load(warehouse, IndexCodes.Par, years.SelectMany(Scores).ToList(), "par-fixture.xlsx");
    }

    public static IReadOnlyList<ScoreRecord> Scores(int year)
    {
        var rng = new Random(year * 7919);
        var rows = new List<ScoreRecord>();
        foreach (var p in ProvinceCatalog.Default.ValidAtEndOf(year).OrderBy(p => p.Key))
        {
            var leaves = Leaves.ToDictionary(c => c, c =>
            {
                var max = (decimal)Catalogue.Single(x => x.Code == c).MaxPoints!.Value;
                return Math.Round(max * (decimal)(0.5 + (0.5 * rng.NextDouble())) * 4m, 0) / 4m;
            });
            var fields = new[] { "1", "2", "3" }.ToDictionary(f => f, f => leaves.Where(l => l.Key.StartsWith(f + ".", StringComparison.Ordinal)).Sum(l => l.Value));
            foreach (var (code, score) in leaves.Concat(fields).Append(new("TOTAL", fields.Values.Sum())))
            {
                rows.Add(new ScoreRecord(IndexCodes.Par, year, p.GsoCode, code, (double)score, null, true, new SourceLocation("par-fixture.xlsx", "Sheet1", 1)));
            }
        }

        return rows;
    }
}
