using Cchc.Etl.Plans;
using Cchc.Etl.Provinces;
using Cchc.Etl.Quality;
using Cchc.Warehouse;
using Cchc.Warehouse.Plans;
using Cchc.Warehouse.Quality;

namespace Cchc.Etl.Loading;

/// <summary>
/// <c>cchc load plan</c>: a province's remediation plan (.xlsx, .xls, .csv or a .docx table) in one transaction. The
/// plan replaces the earlier plan of the same province and plan year (its scope), whatever either file is called; the
/// rules run before (errors block the file) and after the write.
/// </summary>
internal sealed class RemediationPlanLoader(PlanLoadOptions options) : FileLoader, IConfigurableFileLoader, IProvinceScopedLoader
{
    public const string PlanKind = "plan";

    public RemediationPlanLoader()
        : this(PlanLoadOptions.None)
    {
    }

    public override string Kind => PlanKind;

    public IReadOnlyList<string> OptionNames => ["province", "year", "result-year"];

    public IFileLoader WithOptions(Func<string, string?> optionValue)
    {
        ArgumentNullException.ThrowIfNull(optionValue);
        return new RemediationPlanLoader(new PlanLoadOptions(optionValue("province"), LoaderOptions.Year(optionValue, "year"), LoaderOptions.Year(optionValue, "result-year"))
        {
            DefaultProvince = options.DefaultProvince,
        });
    }

    public IFileLoader WithProvince(ProvinceSetting province)
    {
        ArgumentNullException.ThrowIfNull(province);
        return new RemediationPlanLoader(options with { Province = options.Province ?? province.Given, DefaultProvince = province.DeploymentDefault });
    }

    protected override bool RecognisesContent(string path) => RemediationPlanParser.LooksLikePlan(PlanDocument.Open(path));

    protected override FileLoadResult LoadFile(IWarehouse warehouse, long runId, LoadingFile file)
    {
        var parsed = RemediationPlanParser.Default.Parse(PlanDocument.Open(file.Path), options);
        var (plan, tooLong) = WithoutOverlongRows(RemediationPlanBuilder.Default.Build(parsed));
        if (tooLong.Count > 0)
        {
            parsed = parsed with { Rejected = [.. parsed.Rejected, .. tooLong] };
        }

        var preLoad = QualityGate.BeforeLoad(warehouse, plan);
        if (QualityGate.Blocks(preLoad))
        {
            var message = QualityGate.BlockMessage(preLoad);
            QualityGate.RecordBlocked(warehouse, runId, file.Info, message, parsed.Rejected, preLoad, parsed.RowsRead);
            return file.Failed(message, parsed.Rejected.Count, parsed.RowsRead, [parsed.PlanYear]);
        }

        using var session = warehouse.BeginFile(runId, file.Info);
        var written = RemediationPlanStore.Replace(session, plan);
        session.Quarantine(parsed.Rejected);
        QualityGate.AfterLoad(session, new QualityScope(IndexCodes.Par, [plan.ResultYear], plan.ProvinceKey), DqSubjects.RemediationPlan);
        var rows = new RowCounts(parsed.RowsRead, written, parsed.Rejected.Count, parsed.RowsSkipped);
        var result = file.Commit(session, rows, $"plan {parsed.PlanNumber ?? "(no number)"} of {parsed.Province.ShortName} for {parsed.PlanYear} (PAR {parsed.ResultYear})",
            [parsed.PlanYear]);
        return result with { ProvinceDecision = parsed.ProvinceDecision };
    }

    /// <summary>
    /// Plan rows with text longer than its warehouse column takes are quarantined with the reason before anything is
    /// written, so both engines load the same rows (SQL Server would refuse the file, DuckDB keep the value).
    /// </summary>
    private static (RemediationPlan Plan, IReadOnlyList<QuarantineRecord> Rejected) WithoutOverlongRows(RemediationPlan plan)
    {
        var limits = ColumnLimits.Default;
        var kept = new List<RemediationTask>();
        var rejected = new List<QuarantineRecord>();
        foreach (var task in plan.Tasks)
        {
            var problem = limits.TooLong("dw.fact_remediation_task", "criterion_code", task.CriterionCode, "the criterion code (STT)")
                ?? limits.TooLong("dw.fact_remediation_task", "deadline_text", task.Deadline.Text, "the deadline (Thời gian thực hiện)")
                ?? task.Agencies.Select(a => limits.TooLong("dw.bridge_remediation_task_agency", "as_written", a.AsWritten, "an agency as written")
                        ?? limits.TooLong("dw.dim_agency", "agency_name", a.Agency.Name, "an agency name")
                        ?? limits.TooLong("dw.dim_agency", "abbreviation", a.Agency.Abbreviation, "an agency abbreviation"))
                    .FirstOrDefault(p => p is not null);
            if (problem is null)
            {
                kept.Add(task);
            }
            else
            {
                rejected.Add(new QuarantineRecord(task.Source, problem, $"{task.CriterionCode};{task.CriterionName}"));
            }
        }

        return (plan with { Tasks = kept }, rejected);
    }
}
