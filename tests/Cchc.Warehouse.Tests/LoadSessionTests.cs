using Cchc.TestSupport;
using Cchc.Warehouse;

namespace Cchc.Warehouse.Tests;

public sealed class LoadSessionTests
{
    private static readonly SourceFileInfo File = new("/tmp/pci-2017.xlsx", "pci", "abc", 10);

    private static ScoreRecord Score(string province, double score, int? rank, int year = 2017) =>
        new(IndexCodes.Pci, year, province, IndexCodes.Total, score, rank, false, new SourceLocation("pci-2017.xlsx", "Summary", 5, "C"));

    [Fact]
    public void Scores_round_trip_with_typed_values()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        var run = w.StartRun("test");
        using (var session = w.BeginFile(run, File))
        {
            var rejected = session.ReplaceScores(IndexCodes.Pci, [2017], [Score("22", 70.69, 1), Score("68", 63.50, 22)]);
            Assert.Empty(rejected);
            session.Commit(new FileLoadOutcome(2, 0, "loaded"));
        }

        var rows = w.Query<(int Year, string Province, double Score, int Rank, string File)>(
            "SELECT year, province_code, score, rank, source_file FROM rpt.index_score ORDER BY rank");
        Assert.Equal([(2017, "22", 70.69, 1, "pci-2017.xlsx"), (2017, "68", 63.50, 22, "pci-2017.xlsx")], rows);
    }

    [Fact]
    public void Reloading_the_same_years_replaces_instead_of_duplicating()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        for (var i = 0; i < 2; i++)
        {
            var run = w.StartRun("test");
            using var session = w.BeginFile(run, File);
            session.ReplaceScores(IndexCodes.Pci, [2017], [Score("22", 70.69 + i, 1)]);
            session.Commit(new FileLoadOutcome(1, 0, "loaded"));
        }

        Assert.Equal([71.69], w.Query<double>("SELECT score FROM dw.fact_index_score"));
    }

    [Fact]
    public void A_session_disposed_without_commit_leaves_nothing_behind()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        var run = w.StartRun("test");
        using (var session = w.BeginFile(run, File))
        {
            session.ReplaceScores(IndexCodes.Pci, [2017], [Score("22", 70.69, 1)]);
            session.Quarantine([new QuarantineRecord(new SourceLocation("x.xlsx", "S", 3, "B"), "bad")]);
        }

        Assert.Equal(0L, w.Query<long>("SELECT COUNT(*) FROM dw.fact_index_score").Single());
        Assert.Equal(0L, w.Query<long>("SELECT COUNT(*) FROM etl.quarantine").Single());
        Assert.Equal(0L, w.Query<long>("SELECT COUNT(*) FROM etl.file").Single());
    }

    [Fact]
    public void Unknown_province_or_criterion_is_returned_for_quarantine_not_dropped()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        var run = w.StartRun("test");
        using var session = w.BeginFile(run, File);
        var rejected = session.ReplaceScores(IndexCodes.Pci, [2017], [
            Score("99", 50, null),
            Score("22", 70, 1) with { CriterionCode = "PCI.99" },
            Score("28", 60, null),
        ]);
        Assert.Equal(3, rejected.Count);
        Assert.Contains("no province", rejected[0].Reason);
        Assert.Contains("not in the PCI catalogue", rejected[1].Reason);
        Assert.Contains("no province", rejected[2].Reason); // Hà Tây did not exist in 2017
    }
}

public sealed class FileVersionTests
{
    private static ScoreRecord Score(int year, double score) =>
        new(IndexCodes.Pci, year, "22", IndexCodes.Total, score, 1, false, new SourceLocation("pci.xlsx"));

    [Fact]
    public void A_corrected_file_with_the_same_name_removes_what_its_earlier_version_loaded()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "sha-1", [2016, 2017], [Score(2016, 60), Score(2017, 61)]);
        Load(w, "sha-2", [2017], [Score(2017, 62)]);

        Assert.Equal([(2017, 62.0)], w.Query<(int, double)>("SELECT year, score FROM dw.fact_index_score"));
        Assert.Equal(["replaced", "loaded"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    [Fact]
    public void A_failed_file_does_not_retire_the_loaded_version()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "sha-1", [2017], [Score(2017, 61)]);
        w.RecordFailedFile(w.StartRun("t"), new SourceFileInfo("/in/pci.xlsx", "pci", "sha-2", 1), "bad", []);

        Assert.Equal([61.0], w.Query<double>("SELECT score FROM dw.fact_index_score"));
        Assert.Equal(["loaded", "failed"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    private static void Load(IWarehouse w, string sha, int[] years, ScoreRecord[] scores)
    {
        using var session = w.BeginFile(w.StartRun("t"), new SourceFileInfo("/in/pci.xlsx", "pci", sha, 1));
        session.ReplaceScores(IndexCodes.Pci, years, scores);
        session.Commit(new FileLoadOutcome(scores.Length, 0, "loaded"));
    }
}
