using System.Globalization;
using Cchc.Etl.Quality;
using Cchc.Warehouse;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Nightly;

/// <summary>
/// Runs every data-quality rule over the whole warehouse: the per-file gate saw each file alone, this sees them
/// together (a PAR total that no longer matches its fields after a corrected field file, ranks across provinces).
/// Findings are stored for <c>rpt.dq_finding</c>; earlier ones about the same subjects are superseded. Superseding and
/// saving happen in one transaction: a step that fails halfway leaves the earlier findings current, never none.
/// </summary>
public sealed class DataQualityStep : IPostLoadStep
{
    public string Name => "dq";

    public string Run(IWarehouse warehouse, long runId)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        IReadOnlyList<DqFinding> findings;
        using (var transaction = warehouse.BeginTransaction())
        {
            findings = WarehouseQuality.Evaluate(transaction, runId, null, DqStages.Nightly, QualityScope.Everything, loadedSubjects: []);
            transaction.Commit();
        }

        var errors = findings.Count(f => f.Severity == DqSeverity.Error);
        return string.Create(CultureInfo.InvariantCulture, $"{findings.Count} finding(s): {errors} error(s), {findings.Count - errors} warning(s)");
    }
}

/// <summary>
/// Refreshes the read-only copy Power BI opens (DuckDB allows one writer or many readers, never both). SQL Server
/// readers query the warehouse itself, so there is nothing to do there.
/// </summary>
public sealed class PublishStep : IPostLoadStep
{
    public string Name => "publish";

    public string Run(IWarehouse warehouse, long runId)
    {
        if (warehouse.Publish() is not { } copy)
        {
            return $"nothing to publish: {warehouse.Target.Engine} readers query the warehouse directly";
        }

        return string.Create(CultureInfo.InvariantCulture, $"published {copy.Path} ({copy.SizeBytes / 1048576.0:0.0} MB)");
    }
}
