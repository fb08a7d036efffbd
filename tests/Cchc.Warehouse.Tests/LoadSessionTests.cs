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

/// <summary>File identity is what a file covers (its scope), never its name.</summary>
public sealed class FileVersionTests
{
    private static ScoreRecord Score(int year, double score) =>
        new(IndexCodes.Pci, year, "22", IndexCodes.Total, score, 1, false, new SourceLocation("pci.xlsx"));

    [Fact]
    public void Two_files_with_the_same_name_and_different_years_both_stay()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "/in/2017/PCI.xlsx", "sha-1", [2017], [Score(2017, 61)]);
        Load(w, "/in/2018/PCI.xlsx", "sha-2", [2018], [Score(2018, 62)]);

        Assert.Equal([(2017, 61.0), (2018, 62.0)], w.Query<(int, double)>("SELECT year, score FROM dw.fact_index_score ORDER BY year"));
        Assert.Equal(["loaded", "loaded"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    [Fact]
    public void A_file_covering_everything_an_earlier_one_covered_retires_it_whatever_their_names()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "/in/pci-2017.xlsx", "sha-1", [2017], [Score(2017, 61)]);
        Load(w, "/in/PCI 2017 (corrected).xlsx", "sha-2", [2017], [Score(2017, 62)]);

        Assert.Equal([(2017, 62.0)], w.Query<(int, double)>("SELECT year, score FROM dw.fact_index_score"));
        Assert.Equal(["replaced", "loaded"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
        Assert.Contains("replaced by file 2", w.Query<string>("SELECT message FROM etl.file WHERE file_id = 1").Single());
        Assert.Equal([("PCI:2017", (long?)2)], w.Query<(string, long?)>("SELECT scope_unit, released_by_file FROM etl.file_scope WHERE file_id = 1"));
    }

    [Fact]
    public void A_file_covering_part_of_an_earlier_file_takes_over_only_that_part()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "/in/pci.xlsx", "sha-1", [2016, 2017], [Score(2016, 60), Score(2017, 61)]);
        Load(w, "/in/pci.xlsx", "sha-2", [2017], [Score(2017, 62)]);

        Assert.Equal([(2016, 60.0), (2017, 62.0)], w.Query<(int, double)>("SELECT year, score FROM dw.fact_index_score ORDER BY year"));
        Assert.Equal(["loaded", "loaded"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
        Assert.Equal([("PCI:2016", (long?)null), ("PCI:2017", 2)],
            w.Query<(string, long?)>("SELECT scope_unit, released_by_file FROM etl.file_scope WHERE file_id = 1 ORDER BY scope_unit"));
    }

    [Fact]
    public void A_retired_file_takes_every_row_it_still_had_with_it()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "/in/a.xlsx", "sha-1", [2017], [Score(2017, 61)], companion: 1);
        Load(w, "/in/b.xlsx", "sha-2", [2017], [Score(2017, 62)]);

        // The companion row sits in another dw table the new file never touched: retiring the file removes it too.
        Assert.Equal(0L, w.Query<long>("SELECT COUNT(*) FROM dw.par_value_source").Single());
    }

    [Fact]
    public void A_file_that_claims_nothing_retires_nothing()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "/in/log.csv", "sha-1", [2017], [Score(2017, 61)]);
        using (var session = w.BeginFile(w.StartRun("t"), new SourceFileInfo("/in/log.csv", "onestop", "sha-2", 1)))
        {
            session.Commit(new FileLoadOutcome(0, 0, "loaded"));
        }

        Assert.Equal(["loaded", "loaded"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    [Fact]
    public void A_failed_file_does_not_retire_the_loaded_version()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "/in/pci.xlsx", "sha-1", [2017], [Score(2017, 61)]);
        w.RecordFailedFile(w.StartRun("t"), new SourceFileInfo("/in/pci.xlsx", "pci", "sha-2", 1), "bad", []);

        Assert.Equal([61.0], w.Query<double>("SELECT score FROM dw.fact_index_score"));
        Assert.Equal(["loaded", "failed"], w.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
    }

    [Fact]
    public void A_session_rolled_back_keeps_the_earlier_claims()
    {
        using var temp = new TempWarehouse();
        var w = temp.Warehouse;
        Load(w, "/in/pci.xlsx", "sha-1", [2017], [Score(2017, 61)]);
        using (var session = w.BeginFile(w.StartRun("t"), new SourceFileInfo("/in/pci.xlsx", "pci", "sha-2", 1)))
        {
            session.ClaimScope(FileScope.IndexYears(IndexCodes.Pci, [2017]));
            session.ReplaceScores(IndexCodes.Pci, [2017], [Score(2017, 62)]);
        }

        Assert.Equal([61.0], w.Query<double>("SELECT score FROM dw.fact_index_score"));
        Assert.Equal([(long?)null], w.Query<long?>("SELECT released_by_file FROM etl.file_scope"));
    }

    private static void Load(IWarehouse w, string path, string sha, int[] years, ScoreRecord[] scores, int companion = 0)
    {
        using var session = w.BeginFile(w.StartRun("t"), new SourceFileInfo(path, "pci", sha, 1));
        session.ClaimScope(FileScope.IndexYears(IndexCodes.Pci, years));
        session.ReplaceScores(IndexCodes.Pci, years, scores);
        for (var i = 0; i < companion; i++)
        {
            session.Execute(
                "INSERT INTO dw.par_value_source (year, province_key, criterion_code, value_kind, value, source, note, file_id, run_id) VALUES (2017, 22, 'TOTAL', 'score', 1, 's', NULL, @file, @run)",
                new { file = session.FileId, run = session.RunId });
        }

        session.Commit(new FileLoadOutcome(scores.Length, 0, "loaded") { RowsRead = scores.Length });
    }
}
