using Cchc.Etl.Sources;
using Cchc.Warehouse;
using Cchc.Warehouse.Plans;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Quality;

/// <summary>
/// The loaders' hooks into the rules. Before a load, the file's records are checked and any error blocks the file (it
/// is recorded as failed with its findings; nothing reaches dw). After the rows are written, inside the same
/// transaction, the rules run over the index-years the file touched and their findings are stored with it.
/// </summary>
internal static class QualityGate
{
    public static IReadOnlyList<DqFinding> BeforeLoad(IWarehouse warehouse, ParsedScores parsed)
    {
        var catalogue = CriterionCatalogue.Load(SqlRunner.Of(warehouse));
        return QualityRules.Run(new QualityDataset(DqStages.PreLoad, QualityInputs.FromScores(parsed, catalogue), catalogue));
    }

    public static IReadOnlyList<DqFinding> BeforeLoad(IWarehouse warehouse, RemediationPlan plan)
    {
        var catalogue = CriterionCatalogue.Load(SqlRunner.Of(warehouse));
        return QualityRules.Run(new QualityDataset(DqStages.PreLoad, QualityInputs.FromPlan(plan), catalogue));
    }

    public static bool Blocks(IReadOnlyList<DqFinding> findings) => findings.Any(f => f.Severity == DqSeverity.Error);

    /// <summary>The failure message of a blocked file: the first errors, each with its location.</summary>
    public static string BlockMessage(IReadOnlyList<DqFinding> findings)
    {
        var errors = findings.Where(f => f.Severity == DqSeverity.Error).ToList();
        var shown = errors.Take(3).Select(f => $"[{f.Rule}] {f.Message}" + (f.Source is { } s ? $" ({s})" : string.Empty));
        return $"blocked by {errors.Count} data-quality error(s): {string.Join("; ", shown)}{(errors.Count > 3 ? "; …" : string.Empty)} — see 'cchc dq'";
    }

    /// <summary>Records a blocked file as failed, with its quarantined rows and every pre-load finding.</summary>
    /// <param name="rowsRead">The rows the parser read from the file (none of them reach dw).</param>
    public static void RecordBlocked(IWarehouse warehouse, long runId, SourceFileInfo file, string message, IReadOnlyList<QuarantineRecord> rejected, IReadOnlyList<DqFinding> findings, int rowsRead)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        ArgumentNullException.ThrowIfNull(rejected);
        using var session = warehouse.BeginFile(runId, file);
        session.Quarantine(rejected);
        DqFindingStore.Save(SqlRunner.Of(session), runId, session.FileId, DqStages.PreLoad, findings);
        session.Commit(new FileLoadOutcome(0, rejected.Count, "failed", message) { RowsRead = rowsRead });
    }

    /// <summary>Post-load step: evaluates the scope the file just replaced, inside its transaction. Findings of earlier
    /// blocked files about the same subjects are superseded: this file replaced what they described.</summary>
    public static IReadOnlyList<DqFinding> AfterLoad(ILoadSession session, QualityScope scope, params string[] loadedSubjects)
    {
        ArgumentNullException.ThrowIfNull(session);
        return WarehouseQuality.Evaluate(SqlRunner.Of(session), session.RunId, session.FileId, DqStages.PostLoad, scope, loadedSubjects);
    }
}
