using Cchc.Etl.Loading;
using Cchc.Etl.Nightly;
using Cchc.Etl.Quality;
using Cchc.TestSupport;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Tests.Plans;

/// <summary>
/// A plan's identity is its province and plan year, not its file name: the hand-made "Phụ lục.csv" of Lâm Đồng and of
/// Đắk Nông both stay; a later plan of the same province and year retires the earlier file with its agency links
/// (which carry the file id); the orphan check finds links and rows a retired file left behind.
/// </summary>
public sealed class PlanScopeTests : IDisposable
{
    private readonly TempWarehouse _temp = new();

    private IWarehouse W => _temp.Warehouse;

    private static string SameName(string province) => SharedData.Fixture("plan", "same-name", province, "Phụ lục.csv");

    private FileLoadResult Load(string path) => new RemediationPlanLoader().Load(W, W.StartRun("test"), path);

    [Fact]
    public void Same_named_plans_of_two_provinces_both_stay()
    {
        var lamDong = Load(SameName("lam-dong"));
        var dakNong = Load(SameName("dak-nong"));

        Assert.True(lamDong.Succeeded, lamDong.Error);
        Assert.True(dakNong.Succeeded, dakNong.Error);
        Assert.Equal([(67, 2L), (68, 3L)], W.Query<(int, long)>("SELECT province_key, COUNT(*) FROM dw.fact_remediation_task GROUP BY province_key ORDER BY province_key"));
        Assert.Equal(["loaded", "loaded"], W.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
        Assert.Equal(["Phụ lục.csv", "Phụ lục.csv"], W.Query<string>("SELECT file_name FROM etl.file ORDER BY file_id"));
        Assert.StartsWith("68 (Lâm Đồng) from the document's title", lamDong.ProvinceDecision);
    }

    [Fact]
    public void A_later_plan_of_the_same_province_and_year_retires_the_earlier_file_and_its_links()
    {
        var first = Load(SameName("lam-dong"));
        var firstLinks = W.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency WHERE file_id = 1").Single();
        Assert.True(firstLinks > 0);
        Assert.Equal(0L, W.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency WHERE file_id <> 1").Single());

        var second = Load(PlanFixtures.Csv); // the full 3770 appendix: Lâm Đồng, plan year 2018, another file name

        Assert.True(first.Succeeded && second.Succeeded, second.Error);
        Assert.Equal(["replaced", "loaded"], W.Query<string>("SELECT status FROM etl.file ORDER BY file_id"));
        Assert.Equal(0L, W.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency WHERE file_id = 1").Single());
        Assert.Equal(0L, W.Query<long>("SELECT COUNT(*) FROM dw.fact_remediation_task WHERE file_id = 1").Single());
        Assert.Empty(new Cchc.Etl.Quality.Rules.OrphanRowsRule().Check(SqlRunner.Of(W)));
    }

    [Fact]
    public void The_orphan_check_finds_what_a_retired_file_left_behind_and_joins_the_warehouse_rules()
    {
        Load(SameName("lam-dong"));
        Load(SameName("dak-nong"));

        // What the name-based retirement of earlier versions left: links to plan rows that are gone, rows of a replaced file.
        W.Execute("DELETE FROM dw.fact_remediation_task WHERE province_key = 67");
        W.Execute("UPDATE etl.file SET status = 'replaced' WHERE file_id = 1");
        var run = W.StartRun("dq");
        IReadOnlyList<DqFinding> findings;
        using (var transaction = W.BeginTransaction())
        {
            findings = WarehouseQuality.Evaluate(transaction, run, null, DqStages.Command, QualityScope.Everything, []);
            transaction.Commit();
        }

        var orphans = findings.Where(f => f.Rule == "orphan-rows").Select(f => f.Message).ToList();
        Assert.Contains(orphans, m => m.StartsWith("dw.fact_remediation_task: 3 row(s) of file 1, which is replaced, not loaded", StringComparison.Ordinal));
        Assert.Contains(orphans, m => m.StartsWith("dw.bridge_remediation_task_agency: ", StringComparison.Ordinal) && m.Contains("of file 1, which is replaced", StringComparison.Ordinal));
        Assert.Contains(orphans, m => m.Contains("agency link(s) to plan rows that no longer exist", StringComparison.Ordinal));
        Assert.All(findings.Where(f => f.Rule == "orphan-rows"), f => Assert.Equal(DqSeverity.Error, f.Severity));
        Assert.Contains(QualityRules.Described, r => r.Name == "orphan-rows");

        // Evaluated again, the earlier findings are superseded, not repeated.
        var again = W.StartRun("dq");
        WarehouseQuality.Evaluate(SqlRunner.Of(W), again, null, DqStages.Command, QualityScope.Everything, []);
        Assert.Equal(orphans.Count, W.Query<long>("SELECT COUNT(*) FROM etl.dq_finding WHERE rule_name = 'orphan-rows' AND superseded_by_run IS NULL").Single());
    }

    [Fact]
    public void The_nightly_data_quality_step_supersedes_and_saves_in_one_transaction()
    {
        Load(SameName("lam-dong"));
        W.Execute("DELETE FROM dw.fact_remediation_task");
        new DataQualityStep().Run(W, W.StartRun("nightly 1"));
        var current = W.Query<long>("SELECT finding_id FROM etl.dq_finding WHERE superseded_by_run IS NULL ORDER BY finding_id");
        Assert.NotEmpty(current);

        // A save that fails halfway (here: a statement the engine refuses) must leave the earlier findings current.
        var failing = new FailingSaves(W);
        Assert.ThrowsAny<Exception>(() => new DataQualityStep().Run(failing, W.StartRun("nightly 2")));

        Assert.Equal(current, W.Query<long>("SELECT finding_id FROM etl.dq_finding WHERE superseded_by_run IS NULL ORDER BY finding_id"));
    }

    [Fact]
    public void A_warehouse_from_before_file_scopes_gets_them_from_its_rows_and_loses_its_orphan_links()
    {
        Load(SameName("lam-dong"));
        Load(PlanFixtures.Csv);
        var links = W.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency").Single();

        // Back to the shape before scripts 0500 and 0510, with an orphan link the name-based retirement used to leave.
        W.Execute("ALTER TABLE dw.bridge_remediation_task_agency DROP COLUMN file_id");
        W.Execute("DROP TABLE etl.file_scope");
        W.Execute("ALTER TABLE etl.file DROP COLUMN rows_read");
        W.Execute("ALTER TABLE etl.file DROP COLUMN rows_skipped");
        W.Execute("DELETE FROM etl.schema_version WHERE script_name IN ('0500_file_rows.sql', '0501_file_rows_not_null.sql', '0510_file_scope.sql', '0511_bridge_file_not_null.sql')");
        W.Execute("INSERT INTO dw.bridge_remediation_task_agency (task_key, agency_key, agency_role, ordinal, as_written) VALUES (999999, 1, 'lead', 1, 'Sở Nội vụ')");

        var reopened = _temp.Reopen();

        Assert.Equal([("plan", "68:2018", (long?)null)], reopened.Query<(string, string, long?)>("SELECT scope_family, scope_unit, released_by_file FROM etl.file_scope WHERE file_id = 2"));
        Assert.Empty(reopened.Query<long>("SELECT file_id FROM etl.file_scope WHERE file_id = 1")); // replaced before: it covers nothing
        Assert.Equal(links, reopened.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency WHERE file_id = 2").Single());
        Assert.Equal(0L, reopened.Query<long>("SELECT COUNT(*) FROM dw.bridge_remediation_task_agency WHERE file_id <> 2").Single());
        Assert.All(reopened.Query<(long Read, long Loaded, long Quarantined)>("SELECT rows_read, rows_loaded, rows_quarantined FROM etl.file"),
            f => Assert.Equal(f.Loaded + f.Quarantined, f.Read));
        Assert.Equal(["NO", "NO", "NO"], reopened.Query<string>(
            """
            SELECT is_nullable FROM information_schema.columns
            WHERE (table_schema = 'etl' AND table_name = 'file' AND column_name IN ('rows_read', 'rows_skipped'))
               OR (table_schema = 'dw' AND table_name = 'bridge_remediation_task_agency' AND column_name = 'file_id')
            """));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>A warehouse whose transactions refuse to insert findings, after letting the supersede through.</summary>
    private sealed class FailingSaves(IWarehouse inner) : IWarehouse
    {
        public WarehouseTarget Target => inner.Target;

        public int SchemaVersion => inner.SchemaVersion;

        public IReadOnlyList<T> Query<T>(string sql, object? param = null) => inner.Query<T>(sql, param);

        public int Execute(string sql, object? param = null) => inner.Execute(sql, param);

        public long StartRun(string command) => inner.StartRun(command);

        public void FinishRun(long runId, string status, string? message = null) => inner.FinishRun(runId, status, message);

        public void RecordFailedFile(long runId, SourceFileInfo file, string message, IReadOnlyList<QuarantineRecord> rejected) =>
            inner.RecordFailedFile(runId, file, message, rejected);

        public ILoadSession BeginFile(long runId, SourceFileInfo file) => inner.BeginFile(runId, file);

        public IWarehouseTransaction BeginTransaction() => new Refusing(inner.BeginTransaction());

        public void Dispose()
        {
        }

        private sealed class Refusing(IWarehouseTransaction inner) : IWarehouseTransaction
        {
            public IReadOnlyList<T> Query<T>(string sql, object? param = null) => inner.Query<T>(sql, param);

            public int Execute(string sql, object? param = null) =>
                sql.Contains("INSERT INTO etl.dq_finding", StringComparison.Ordinal)
                    ? inner.Execute("INSERT INTO etl.no_such_table VALUES (1)")
                    : inner.Execute(sql, param);

            public void Commit() => inner.Commit();

            public void Dispose() => inner.Dispose();
        }
    }
}
